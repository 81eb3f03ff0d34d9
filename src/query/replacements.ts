// Old IRIs to current ones: the graph's owl:deprecated terms with dcterms:isReplacedBy or owl:inverseOf (ontology/migration.ttl).
import type { GraphIndex } from "../graph/types.ts";
import type { Dataset } from "../rdf/dataset.ts";
import { prefixes } from "../rdf/vocab.ts";

/** What an old term became: `inverse` when subject and object swap (`A includes B` is now `B isPartOf A`). */
export interface Replacement {
  iri: string;
  inverse: boolean;
}

/** A relation by IRIs (a session's recorded edge). */
export interface IriTriple {
  source: string;
  predicate: string;
  target: string;
}

const deprecated = prefixes.owl + "deprecated";
const isReplacedBy = prefixes.dcterms + "isReplacedBy";
const inverseOf = prefixes.owl + "inverseOf";
/** A replacement may itself be deprecated later; a cycle in bad data must not hang the lookup. */
const MAX_CHAIN = 8;

const cache = new WeakMap<Dataset, ReadonlyMap<string, Replacement>>();

/** Every deprecated IRI of the graph that names its replacement, resolved to the current term. */
export function replacementsOf(g: GraphIndex): ReadonlyMap<string, Replacement> {
  return datasetReplacements(g.dataset);
}

/** The same map read from a Dataset (the SPARQL engine has no GraphIndex). */
export function datasetReplacements(dataset: Dataset): ReadonlyMap<string, Replacement> {
  let map = cache.get(dataset);
  if (map === undefined) {
    map = readReplacements(dataset);
    cache.set(dataset, map);
  }
  return map;
}

function readReplacements(dataset: Dataset): ReadonlyMap<string, Replacement> {
  const terms = dataset.terms;
  const direct = new Map<string, Replacement>();
  const deprecatedId = terms.iriId(deprecated);
  if (deprecatedId < 0) return direct;
  const ids = [terms.iriId(isReplacedBy), terms.iriId(inverseOf)];
  for (const q of dataset.match(undefined, deprecatedId)) {
    const object = dataset.objects[q];
    if (!terms.isLiteral(object) || terms.value(object) !== "true") continue;
    const subject = dataset.subjects[q];
    for (const [k, predicate] of ids.entries()) {
      if (predicate < 0) continue;
      for (const r of dataset.match(subject, predicate)) {
        const target = dataset.objects[r];
        if (terms.isLiteral(target)) continue;
        direct.set(terms.value(subject), { iri: terms.value(target), inverse: k === 1 });
      }
    }
  }
  return resolveChains(direct);
}

/** Direct replacements (old -> what it names) followed through chains (a -> b -> c), so one lookup gives the current term. */
export function resolveChains(direct: ReadonlyMap<string, Replacement>): ReadonlyMap<string, Replacement> {
  const resolved = new Map<string, Replacement>();
  for (const [old, first] of direct) {
    let current = first;
    for (let step = 0; step < MAX_CHAIN; step++) {
      const next = direct.get(current.iri);
      if (next === undefined || next.iri === old) break;
      current = { iri: next.iri, inverse: current.inverse !== next.inverse };
    }
    resolved.set(old, current);
  }
  return resolved;
}

/** The current IRI for an IRI (itself when it is not deprecated). */
export function currentIri(g: GraphIndex, iri: string): string {
  return replacementsOf(g).get(iri)?.iri ?? iri;
}

/** Term ids of IRIs, old ones mapped to their replacements; IRIs the data does not use are dropped. */
export function currentTermIds(g: GraphIndex, iris: readonly string[]): number[] {
  const terms = g.dataset.terms;
  return iris.map((iri) => terms.iriId(currentIri(g, iri))).filter((id) => id >= 0);
}

/** A recorded relation in current terms: its predicate replaced, subject and object swapped for an inverse. */
export function currentTriple<T extends IriTriple>(g: GraphIndex, t: T): T {
  const replacement = replacementsOf(g).get(t.predicate);
  if (replacement === undefined) return t;
  return replacement.inverse
    ? { ...t, source: t.target, predicate: replacement.iri, target: t.source }
    : { ...t, predicate: replacement.iri };
}
