// The plain SPARQL SELECTs the benches time on every engine (bench:sparql, and the server bench of `npm run bench -- --server`), so both ask the same.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { rdf } from "../src/rdf/vocab.ts";

export const countAll = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

export interface BenchSelect {
  name: string;
  query: string;
}

/** The SELECTs, the last three over the given subjects (as sparql-remote.ts batches nodes: a VALUES block of 40). */
export function benchSelects(subjects: readonly string[]) {
  const spo = "ORDER BY ?s ?p ?o LIMIT 1000";
  const values = `VALUES ?s { ${subjects.map((s) => `<${s}>`).join(" ")} }`;
  return {
    byPredicate: { name: "SELECT: triples per predicate (GROUP BY ?p)", query: "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p" },
    evidenced: {
      name: "SELECT: reified statements whose triple is asserted (4-way join, COUNT)",
      query: `SELECT (COUNT(*) AS ?n) WHERE { ?e <${rdf.subject}> ?s ; <${rdf.predicate}> ?p ; <${rdf.object}> ?o . ?s ?p ?o }`,
    },
    byValues: {
      name: `SELECT: all triples of ${subjects.length} random nodes, VALUES block (as sparql-remote.ts batches)`,
      query: `SELECT ?s ?p ?o WHERE { ${values} ?s ?p ?o } ${spo}`,
    },
    // The same as a UNION: a probe of what one remote request costs each engine.
    byUnion: {
      name: `SELECT: all triples of the same ${subjects.length} nodes, UNION of patterns`,
      query: `SELECT ?s ?p ?o WHERE { ${subjects.map((s) => `{ BIND(<${s}> AS ?s) <${s}> ?p ?o }`).join(" UNION ")} } ${spo}`,
    },
    countValues: { name: `SELECT: COUNT of the same ${subjects.length} nodes' triples (VALUES; one row out)`, query: `SELECT (COUNT(*) AS ?n) WHERE { ${values} ?s ?p ?o }` },
  } satisfies Record<string, BenchSelect>;
}

/**
 * `count` entities of a generated Turtle file (bench/generate.ts writes each as `kgr:name a kg:Class`), spread over
 * the file by a seeded pick, as full IRIs: inputs for the VALUES queries without loading the graph.
 */
export async function pickSubjects(file: string, count: number, seed: number): Promise<string[]> {
  const names: string[] = [];
  const entity = /^kgr:([\w-]+) a kg:(?!Publication)\w+/;
  for await (const line of createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity })) {
    const match = entity.exec(line);
    if (match) names.push(match[1]);
  }
  if (names.length < count) throw new Error(`bench: ${file} names ${names.length} entities, fewer than ${count}`);
  // A small LCG: the same file and seed give the same subjects on every run and engine.
  let state = seed >>> 0 || 1;
  const picked = new Set<string>();
  while (picked.size < count) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    picked.add(names[state % names.length]);
  }
  return [...picked].map((name) => `https://w3id.org/smartcity-kg/resource/${name}`);
}
