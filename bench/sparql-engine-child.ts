// Run as its own process by bench/sparql-server.ts: loads a file as kg does, then times a list of queries on one embedded engine (many queries over one load).
import { createReadStream, readFileSync } from "node:fs";
import { basename } from "node:path";
import { loadDatasetStream } from "../src/rdf/parse.ts";
import { startSparqlRunner } from "../src/cli/sparql-runner.ts";
import type { SparqlAnswer } from "../src/sparql/sparql-endpoint.ts";
import type { BenchSelect } from "./sparql-selects.ts";

export interface EngineTimings {
  engine: string;
  quads: number;
  loadS: number;
  /** Per query, in the order given: the first call (for the first query it includes Oxigraph's copy), then the repeats. */
  queries: { name: string; firstS: number; repeatS: number[]; answer: string }[];
}

/** One line that says what came back, to check the engines agree (a count, or how many rows). */
function summary(answer: SparqlAnswer): string {
  if (answer.form !== "select") return answer.form;
  const { bindings, vars } = answer.result;
  return bindings.length === 1 && vars.length === 1 ? String(bindings[0][vars[0]]?.value) : `${bindings.length} rows`;
}

async function main(): Promise<void> {
  const [file, engine, queriesFile, repeatsText] = process.argv.slice(2);
  if (engine !== "oxigraph" && engine !== "comunica") throw new Error(`bench/sparql-engine-child: engine "${engine}" is not oxigraph or comunica`);
  const queries = JSON.parse(readFileSync(queriesFile, "utf8")) as BenchSelect[];
  const repeats = Number(repeatsText);
  const seconds = (from: number) => (performance.now() - from) / 1000;
  let started = performance.now();
  async function* chunks() {
    for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) yield chunk as string;
  }
  const dataset = await loadDatasetStream([{ name: basename(file), chunks: chunks() }]);
  const result: EngineTimings = { engine, quads: dataset.size, loadS: seconds(started), queries: [] };
  const runner = startSparqlRunner(dataset, 24 * 3_600_000, engine);
  try {
    for (const { name, query } of queries) {
      started = performance.now();
      const answer = summary(await runner.query(query, { maxRows: 1000 }));
      const firstS = seconds(started);
      const repeatS: number[] = [];
      for (let i = 0; i < repeats; i++) {
        started = performance.now();
        await runner.query(query, { maxRows: 1000 });
        repeatS.push(seconds(started));
      }
      result.queries.push({ name, firstS, repeatS, answer });
      process.stderr.write(`    ${engine}: ${name}: first ${firstS.toFixed(2)} s${repeatS.length ? `, then ${repeatS.map((s) => s.toFixed(2)).join(", ")} s` : ""} (${answer})\n`);
    }
  } finally {
    runner.close();
  }
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error("bench/sparql-engine-child: failed:", error);
  process.exitCode = 1;
});
