// Every deprecated term a SPARQL store names a replacement for, read in one query, so a query there can be migrated as the embedded engines migrate it.
import { resolveChains, type Replacement } from "../query/replacements.ts";
import { prefixes } from "../rdf/vocab.ts";
import type { SparqlEndpoint } from "./sparql-endpoint.ts";

/** Far more than an ontology deprecates, and within the 10,000 rows Virtuoso sorts (the query asks for one more). */
const MAX_DEPRECATED = 5_000;

/**
 * What kg's own replacement map (query/replacements.ts) reads from a loaded dataset: owl:deprecated "true" terms
 * with dcterms:isReplacedBy (or owl:inverseOf, subject and object swapped) an IRI, chains followed. As there, an
 * owl:inverseOf is taken over a dcterms:isReplacedBy of the same term.
 */
export async function remoteReplacements(endpoint: SparqlEndpoint, signal?: AbortSignal): Promise<Record<string, Replacement>> {
  const query = `PREFIX owl: <${prefixes.owl}>
PREFIX dcterms: <${prefixes.dcterms}>
SELECT ?old ?new ?inverse WHERE {
  ?old owl:deprecated ?flag .
  FILTER(isLiteral(?flag) && str(?flag) = "true")
  { ?old dcterms:isReplacedBy ?new BIND(0 AS ?inverse) } UNION { ?old owl:inverseOf ?new BIND(1 AS ?inverse) }
  FILTER(!isLiteral(?new))
}
ORDER BY ?inverse ?old ?new`;
  const result = await endpoint.select(query, { signal, maxRows: MAX_DEPRECATED });
  const direct = new Map<string, Replacement>();
  for (const row of result.bindings) {
    const [old, replacement, inverse] = [row.old?.value, row.new?.value, row.inverse?.value];
    if (old !== undefined && replacement !== undefined) direct.set(old, { iri: replacement, inverse: inverse === "1" });
  }
  return Object.fromEntries(resolveChains(direct));
}
