// Names on an endpoint: a node or a predicate/class named by IRI, CURIE or label, resolved with bounded queries like the local resolver.
import type { GraphIndex } from "../graph/types.ts";
import { prefixes as wellKnownPrefixes, rdf } from "../rdf/vocab.ts";
import { NameResolutionError, resolveTerm, type NameCandidate } from "../query/names.ts";
import type { SparqlBinding, SparqlEndpoint } from "./sparql-endpoint.ts";
import { iriRef, stringLiteral } from "./sparql-query.ts";
import { altLabelPredicates, compare, foldedPattern, iris, labelPredicates, type RemoteOptions } from "./sparql-remote-common.ts";
import { editDistance, normaliseText, typoBudget } from "../query/text.ts";

const owlDeprecated = "http://www.w3.org/2002/07/owl#deprecated";
const isReplacedBy = "http://purl.org/dc/terms/isReplacedBy";
const inverseOf = "http://www.w3.org/2002/07/owl#inverseOf";

/** The term that replaced a deprecated one on the endpoint (following a chain of up to 8), or the IRI itself. */
async function currentRemoteIri(endpoint: SparqlEndpoint, iri: string, options: RemoteOptions): Promise<string> {
  let current = iri;
  for (let step = 0; step < 8; step++) {
    const ref = iriRef(current);
    const rows = await endpoint.select(`SELECT ?new WHERE {\n${ref} ${iriRef(owlDeprecated)} true .\n{ ${ref} ${iriRef(isReplacedBy)} ?new } UNION { ${ref} ${iriRef(inverseOf)} ?new }\nFILTER(isIRI(?new))\n}\nORDER BY ?new\nLIMIT 1`, { signal: options.signal, maxRows: 1 });
    const next = rows.bindings[0]?.new?.value;
    if (next === undefined || next === current) return current;
    current = next;
  }
  return current;
}

/** Expands `prefix:local` with the given prefixes, or undefined when it is not a CURIE of one of them. */
export function expandName(name: string, prefixes: Readonly<Record<string, string>>): string | undefined {
  const iri = spelledIri(name, prefixes);
  // An IRI no query can carry (a ">" or a space inside it) names nothing on the endpoint.
  return iri !== undefined && !/[\u0000-\u0020<>"{}|^`\\]/.test(iri) ? iri : undefined;
}

function spelledIri(name: string, prefixes: Readonly<Record<string, string>>): string | undefined {
  if (name.startsWith("<") && name.endsWith(">")) return name.slice(1, -1);
  const colon = name.indexOf(":");
  if (colon < 0) return undefined;
  const prefix = name.substring(0, colon);
  const namespace = prefixes[prefix];
  if (namespace !== undefined && /^[A-Za-z_]?[\w.-]*$/.test(prefix)) return namespace + name.substring(colon + 1);
  // An absolute IRI (scheme://... or urn:...).
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(name) && !/\s/.test(name)) return name;
  return undefined;
}

/**
 * The IRI a name denotes on the endpoint: an IRI or CURIE that occurs in the store, else the entity whose label
 * (preferred first, then alternative) equals the name, case- and accent-insensitively. Throws NameResolutionError
 * (unknown, with suggestions; or ambiguous) like the local resolver.
 */
export async function resolveRemoteNode(endpoint: SparqlEndpoint, name: string, prefixes: Readonly<Record<string, string>> = wellKnownPrefixes, options: RemoteOptions = {}): Promise<string> {
  const wanted = name.trim();
  const spelled = expandName(wanted, prefixes);
  if (spelled !== undefined) {
    const ref = iriRef(spelled);
    if (await endpoint.ask(`ASK { { ${ref} ?p ?o } UNION { ?s ?p ${ref} } }`, { signal: options.signal })) return spelled;
  }
  const key = normaliseText(wanted);
  if (key !== "") {
    const matches = await labelMatches(endpoint, wanted, key, options);
    for (const group of [matches.preferred, matches.alternative]) {
      if (group.size === 1) return [...group.keys()][0];
      if (group.size > 1) {
        const candidates: NameCandidate[] = [...group].sort(([a], [b]) => compare(a, b)).map(([iri, label]) => ({ node: -1, label, iri }));
        throw new NameResolutionError(wanted, "ambiguous", candidates);
      }
    }
  }
  throw new NameResolutionError(wanted, "unknown", key === "" ? [] : await suggest(endpoint, key, options));
}

/**
 * Up to three labels near the name (a typo, a missing word): one bounded query for labels with a word starting
 * with its first letter, ranked here by edit distance, since a store cannot rank by it.
 */
async function suggest(endpoint: SparqlEndpoint, key: string, options: RemoteOptions): Promise<NameCandidate[]> {
  const start = key.slice(0, 1);
  const pattern = `(^|[^A-Za-z0-9])${foldedPattern(start)}`;
  const rows = await endpoint.select(`SELECT DISTINCT ?s ?m WHERE {\nVALUES ?lp { ${iris([...labelPredicates, ...altLabelPredicates])} }\n?s ?lp ?m .\nFILTER(isLiteral(?m) && REGEX(?m, ${stringLiteral(pattern)}, "i"))\n}\nLIMIT 1000`, { signal: options.signal, maxRows: 1000 });
  const budget = Math.max(1, typoBudget(key.length));
  const scored = new Map<string, { label: string; distance: number }>();
  for (const row of rows.bindings) {
    if (row.s.type !== "uri") continue;
    const distance = editDistance(key, normaliseText(row.m.value), budget + 1, true);
    const previous = scored.get(row.s.value);
    if (distance <= budget && (previous === undefined || distance < previous.distance)) scored.set(row.s.value, { label: row.m.value, distance });
  }
  return [...scored].sort(([a, x], [b, y]) => x.distance - y.distance || compare(x.label, y.label) || compare(a, b)).slice(0, 3).map(([iri, { label }]) => ({ node: -1, label, iri }));
}

async function labelMatches(endpoint: SparqlEndpoint, wanted: string, key: string, options: RemoteOptions): Promise<{ preferred: Map<string, string>; alternative: Map<string, string> }> {
  const preferred = new Map<string, string>();
  const alternative = new Map<string, string>();
  const collect = (rows: SparqlBinding[]) => {
    for (const row of rows) {
      if (row.s.type !== "uri" || normaliseText(row.m.value) !== key) continue;
      const isPreferred = labelPredicates.includes(row.lp.value);
      (isPreferred ? preferred : alternative).set(row.s.value, row.m.value);
    }
    for (const iri of preferred.keys()) alternative.delete(iri);
  };
  const predicates = `VALUES ?lp { ${iris([...labelPredicates, ...altLabelPredicates])} }`;
  // The exact spelling first: stores answer it from their literal index.
  const exact = await endpoint.select(`SELECT DISTINCT ?s ?lp ?m WHERE {\n${predicates}\nVALUES ?m { ${stringLiteral(wanted)} ${stringLiteral(wanted)}@en }\n?s ?lp ?m .\n}\nLIMIT 50`, { signal: options.signal, maxRows: 50 });
  collect(exact.bindings);
  if (preferred.size + alternative.size > 0) return { preferred, alternative };
  const pattern = `^${key.split(" ").map(foldedPattern).join("[^A-Za-z0-9]+")}$`;
  const loose = await endpoint.select(`SELECT DISTINCT ?s ?lp ?m WHERE {\n${predicates}\n?s ?lp ?m .\nFILTER(isLiteral(?m) && REGEX(?m, ${stringLiteral(pattern)}, "i"))\n}\nLIMIT 50`, { signal: options.signal, maxRows: 50 });
  collect(loose.bindings);
  return { preferred, alternative };
}

/**
 * The IRIs of predicates or classes named in options: IRIs and CURIEs when the store holds them (a mistyped one is
 * an unknown name, as locally, not a filter that silently matches nothing); other names are matched on the
 * endpoint by label (case- and accent-insensitive) or by local name in one of the well-known namespaces, among
 * terms the store uses as predicates (as classes) or declares deprecated. A deprecated term (the store's
 * ontology/migration.ttl) gives the term that replaced it, as locally. Throws NameResolutionError like resolveTerm.
 */
export async function resolveRemoteTerms(endpoint: SparqlEndpoint, names: readonly string[], kind: "predicate" | "class", prefixes: Readonly<Record<string, string>> = wellKnownPrefixes, options: RemoteOptions = {}): Promise<string[]> {
  const out: string[] = [];
  for (const name of names) {
    const wanted = name.trim();
    const spelled = expandName(wanted, prefixes);
    if (spelled !== undefined) {
      const ref = iriRef(spelled);
      // Anywhere in the store, as the local resolver accepts any term of the data (an ontology may declare it).
      if (await endpoint.ask(`ASK { { ?s ${ref} ?o } UNION { ${ref} ?p ?o } UNION { ?s ?p ${ref} } }`, { signal: options.signal })) {
        out.push(await currentRemoteIri(endpoint, spelled, options));
        continue;
      }
      throw new NameResolutionError(wanted, "unknown", [], kind);
    }
    const key = normaliseText(wanted);
    const inUse = kind === "predicate" ? (v: string) => `{ ?usedS ${v} ?usedO }` : (v: string) => `{ ?usedS ${iriRef(rdf.type)} ${v} }`;
    const used = (v: string) => `FILTER (EXISTS ${inUse(v)} || EXISTS { ${v} ${iriRef(owlDeprecated)} true })`;
    const found = new Map<string, string>();
    if (/^[A-Za-z_][\w.-]*$/.test(wanted)) {
      const candidates = [...new Set(Object.values(prefixes))].map((namespace) => namespace + wanted);
      const byLocalName = await endpoint.select(`SELECT DISTINCT ?t WHERE {\nVALUES ?t { ${iris(candidates)} }\n${used("?t")}\n}\nLIMIT 20`, { signal: options.signal, maxRows: 20 });
      for (const row of byLocalName.bindings) found.set(row.t.value, wanted);
    }
    if (found.size === 0 && key !== "") {
      const pattern = `^${key.split(" ").map(foldedPattern).join("[^A-Za-z0-9]*")}$`;
      const byLabel = await endpoint.select(`SELECT DISTINCT ?t ?l WHERE {\nVALUES ?lp { ${iris([...labelPredicates, ...altLabelPredicates])} }\n?t ?lp ?l .\nFILTER(isLiteral(?l) && REGEX(?l, ${stringLiteral(pattern)}, "i"))\n${used("?t")}\n}\nLIMIT 20`, { signal: options.signal, maxRows: 20 });
      for (const row of byLabel.bindings) if (row.t.type === "uri" && normaliseText(row.l.value) === key) found.set(row.t.value, row.l.value);
    }
    // A current term wins over an old one that shares its name.
    const current = new Map<string, string>();
    for (const [iri, label] of found) {
      const now = await currentRemoteIri(endpoint, iri, options);
      if (now === iri || !current.has(now)) current.set(now, now === iri ? label : current.get(now) ?? label);
    }
    const candidates = [...current].sort(([a], [b]) => compare(a, b)).map(([iri, label]) => ({ node: -1, label, iri }));
    if (candidates.length === 1) out.push(candidates[0].iri);
    else throw new NameResolutionError(wanted, candidates.length > 1 ? "ambiguous" : "unknown", candidates, kind);
  }
  return out;
}

/**
 * Term ids in a fetched graph for option values (predicates, classes): IRIs and CURIEs as given (absent from the
 * fetched part: -1, which matches nothing), labels resolved against the fetched part.
 */
export function remoteTermIds(graph: GraphIndex, names: readonly string[], kind: "predicate" | "class", prefixes: Readonly<Record<string, string>> = wellKnownPrefixes): number[] {
  return names.map((name) => {
    const iri = expandName(name.trim(), prefixes);
    if (iri !== undefined) return graph.dataset.terms.iriId(iri);
    return resolveTerm(graph, name, kind);
  });
}
