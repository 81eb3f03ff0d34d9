// Resolves what a user typed (IRI, CURIE, label, alt label, local name) to a node, predicate or class, with fixable errors.
import type { GraphIndex } from "../graph/types.ts";
import { localName } from "../graph/project.ts";
import { owl, rdfs } from "../rdf/vocab.ts";
import { buildSearchIndex, entriesWithKey, searchLabels, type SearchIndex } from "./search.ts";
import { editDistance, normaliseText } from "./text.ts";
import { currentIri, replacementsOf } from "./replacements.ts";

export interface NameCandidate {
  /** A node id for nodes, a term id for predicates and classes. */
  node: number;
  label: string;
  iri: string;
}

export type NameKind = "node" | "predicate" | "class";

/** A name that matches nothing, or more than one thing; `candidates` are the matches or the suggestions. */
export class NameResolutionError extends Error {
  constructor(
    override readonly name: string,
    readonly reason: "unknown" | "ambiguous",
    readonly candidates: NameCandidate[],
    readonly kind: NameKind = "node",
  ) {
    // `name` is the name that failed to resolve (the error's type is its class, NameResolutionError).
    super(describe(name, reason, candidates, kind));
  }
}

function describe(name: string, reason: "unknown" | "ambiguous", candidates: NameCandidate[], kind: NameKind): string {
  if (reason === "ambiguous") {
    const list = candidates.map((c) => `${c.label} <${c.iri}>`).join(", ");
    return `query/names: "${name}" is ambiguous: ${list}`;
  }
  const suggestions = [...new Set(candidates.map((c) => `"${c.label}"`))];
  const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.join(" or ")}?)` : "";
  return `query/names: unknown ${kind} "${name}"${hint}`;
}

const searchIndexes = new WeakMap<GraphIndex, SearchIndex>();
const localNameIndexes = new WeakMap<GraphIndex, Map<string, number[]>>();

/** The graph's search index, built once per graph and shared by name resolution and callers that want it. */
export function searchIndexOf(g: GraphIndex): SearchIndex {
  let index = searchIndexes.get(g);
  if (index === undefined) {
    index = buildSearchIndex(g);
    searchIndexes.set(g, index);
  }
  return index;
}

/** Expands a CURIE (`kgr:huawei`) with the graph's prefixes, or undefined when it is not one. */
export function expandCurie(g: GraphIndex, name: string): string | undefined {
  const colon = name.indexOf(":");
  if (colon < 0) return undefined;
  const prefix = name.substring(0, colon);
  if (!/^[A-Za-z_]?[\w.-]*$/.test(prefix)) return undefined;
  const namespace = g.prefixes[prefix];
  return namespace === undefined ? undefined : namespace + name.substring(colon + 1);
}

/** The IRI a name spells directly (`<iri>`, an absolute IRI, `_:b0` or a CURIE), if any. */
function spelledIri(g: GraphIndex, name: string): string[] {
  if (name.startsWith("<") && name.endsWith(">")) return [name.slice(1, -1)];
  const out = [name];
  const expanded = expandCurie(g, name);
  if (expanded !== undefined) out.push(expanded);
  return out;
}

/**
 * The node a name denotes: its IRI, a CURIE, its label or an alt label (case- and accent-insensitive), or its
 * IRI's local name. A preferred-label match beats alt-label matches, and an entity beats schema nodes of the
 * same name. Throws NameResolutionError when nothing or more than one node matches.
 */
export function resolveNode(g: GraphIndex, name: string): number {
  const wanted = name.trim();
  for (const iri of spelledIri(g, wanted)) {
    const n = g.nodeByIri(iri);
    if (n >= 0) return n;
  }
  const key = normaliseText(wanted);
  if (key !== "") {
    const index = searchIndexOf(g);
    const byLabel = new Set<number>();
    const byAlt = new Set<number>();
    for (const entry of entriesWithKey(index, key)) (index.entryAlt[entry] ? byAlt : byLabel).add(index.entryNodes[entry]);
    for (const alt of byLabel) byAlt.delete(alt);
    const levels = [() => byLabel, () => byAlt, () => new Set(localNamesOf(g).get(key) ?? [])];
    for (const level of levels) {
      const matches = level();
      if (matches.size === 1) return [...matches][0];
      // A class and an entity often share a name ("blockchain"): the entity is what a node query means.
      const instances = [...matches].filter((n) => !g.isSchema(n));
      if (instances.length === 1) return instances[0];
      if (matches.size > 1) {
        const candidates = [...matches].sort((a, b) => a - b).map((n) => ({ node: n, label: g.label(n), iri: g.iri(n) }));
        throw new NameResolutionError(wanted, "ambiguous", candidates);
      }
    }
  }
  // Only the near-best hits: "Huawei" for "Hauwei", not every label that contains the word.
  const hits = searchLabels(searchIndexOf(g), wanted, { limit: 3 });
  const suggestions = hits.filter((hit) => hit.score >= hits[0].score - 10).map((hit) => ({
    node: hit.node, label: hit.label, iri: g.iri(hit.node),
  }));
  throw new NameResolutionError(wanted, "unknown", suggestions);
}

function localNamesOf(g: GraphIndex): Map<string, number[]> {
  let map = localNameIndexes.get(g);
  if (map === undefined) {
    map = new Map();
    for (let n = 0; n < g.nodeCount; n++) {
      const key = normaliseText(localName(g.iri(n)));
      const list = map.get(key);
      if (list) list.push(n);
      else map.set(key, [n]);
    }
    localNameIndexes.set(g, map);
  }
  return map;
}

/** Candidate terms for option values: predicates used by edges, or classes used by rdf:type or declared. */
function termCandidates(g: GraphIndex, kind: "predicate" | "class"): number[] {
  if (kind === "predicate") return Array.from(g.edgePredicateTerms);
  const out = new Set<number>(g.classTermsInUse);
  const terms = g.dataset.terms;
  for (const classIri of [owl.Class, rdfs.Class]) {
    const classTerm = terms.iriId(classIri);
    if (classTerm < 0) continue;
    for (let n = 0; n < g.nodeCount; n++) if (g.hasClass(n, classTerm)) out.add(g.nodeTerm(n));
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The term id (predicate or class) a name denotes: an IRI or CURIE present in the data, or the label, alt label
 * or local name of a predicate used by edges (a class used or declared), case- and accent-insensitive.
 */
export function resolveTerm(g: GraphIndex, name: string, kind: "predicate" | "class"): number {
  const wanted = name.trim();
  const terms = g.dataset.terms;
  // An old IRI (ontology/migration.ttl) names the term that replaced it, so commands written before a rename still work.
  for (const iri of spelledIri(g, wanted)) {
    const id = terms.iriId(currentIri(g, iri));
    if (id >= 0) return id;
  }
  const key = normaliseText(wanted);
  const candidates = termCandidates(g, kind);
  const namesOf = (t: number) => {
    const n = g.nodeByTerm(t);
    const names = [g.termLabel(t), localName(terms.key(t)), ...(n >= 0 ? g.altLabels(n) : [])];
    return [...new Set(names.map(normaliseText))];
  };
  const matches = candidates.filter((t) => namesOf(t).includes(key));
  const asCandidate = (t: number) => ({ node: t, label: g.termLabel(t), iri: terms.key(t) });
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new NameResolutionError(wanted, "ambiguous", matches.map(asCandidate), kind);
  // Else an old term's local name or label ("donatesTo", "donates to") names its replacement.
  for (const [old, replacement] of replacementsOf(g)) {
    const oldId = terms.iriId(old);
    const oldNames = [localName(old), oldId >= 0 ? g.termLabel(oldId) : ""].map(normaliseText);
    const id = oldNames.includes(key) ? terms.iriId(replacement.iri) : -1;
    if (id >= 0) return id;
  }
  const scored = candidates
    .map((t) => ({ t, d: Math.min(...namesOf(t).map((n) => editDistance(key, n, 3))) }))
    .filter((x) => x.d <= 3)
    .sort((a, b) => a.d - b.d || a.t - b.t)
    .slice(0, 3);
  throw new NameResolutionError(wanted, "unknown", scored.map((x) => asCandidate(x.t)), kind);
}
