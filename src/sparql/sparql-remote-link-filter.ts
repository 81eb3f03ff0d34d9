// What a walk on an endpoint may follow, said in SPARQL, so the store drops a hub's other links instead of sending them.
import { prefixes as wellKnownPrefixes, rdf } from "../rdf/vocab.ts";
import { iriRef } from "./sparql-query.ts";
import { iris } from "./sparql-remote-common.ts";
import { expandName } from "./sparql-remote-names.ts";

/** Filters on the links a walk fetches, all IRIs: each is the local query's own filter, applied by the store. */
export interface LinkFilter {
  /** Only links with one of these predicates. */
  predicates?: readonly string[];
  /** No links with one of these predicates. */
  excludePredicates?: readonly string[];
  /** Only links whose far node has one of these classes (rdf:type, as the local graph reads classes)... */
  classes?: readonly string[];
  /** ...or is one of these nodes (a neighbourhood's centers, which a class filter lets pass). */
  passing?: readonly string[];
}

/**
 * The IRIs of option values when every one is an IRI or a CURIE of the well-known prefixes, else undefined: a label
 * is resolved against the fetched part (sparql-remote-names remoteTermIds), so the store cannot filter by it.
 */
export function filterIris(names: readonly string[] | undefined, prefixes: Readonly<Record<string, string>> = wellKnownPrefixes): string[] | undefined {
  if (names === undefined || names.length === 0) return undefined;
  const out: string[] = [];
  for (const name of names) {
    const iri = expandName(name.trim(), prefixes);
    if (iri === undefined) return undefined;
    out.push(iri);
  }
  return out;
}

/**
 * The clauses that keep, of the rows `?s ?p ?o`, the links the filter lets a walk take, `far` being the variable of
 * the node the link leads to. Empty with no filter.
 */
export function linkFilterClauses(filter: LinkFilter | undefined, far: "?s" | "?o"): string {
  if (filter === undefined) return "";
  const clauses: string[] = [];
  if (filter.predicates !== undefined) clauses.push(`VALUES ?p { ${iris(filter.predicates)} }`);
  if (filter.excludePredicates !== undefined && filter.excludePredicates.length > 0) {
    clauses.push(`FILTER(?p NOT IN (${filter.excludePredicates.map(iriRef).join(", ")}))`);
  }
  if (filter.classes !== undefined) {
    const hasClass = `EXISTS { ${far} ${iriRef(rdf.type)} ?farClass . VALUES ?farClass { ${iris(filter.classes)} } }`;
    const passing = filter.passing !== undefined && filter.passing.length > 0 ? `${far} IN (${filter.passing.map(iriRef).join(", ")}) || ` : "";
    clauses.push(`FILTER(${passing}${hasClass})`);
  }
  return clauses.length === 0 ? "" : `\n${clauses.join("\n")}`;
}
