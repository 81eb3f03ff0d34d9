// Vocabulary IRIs grouped by namespace, so no module writes a raw IRI inline.

export const prefixes = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  owl: "http://www.w3.org/2002/07/owl#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  dcterms: "http://purl.org/dc/terms/",
  dc: "http://purl.org/dc/elements/1.1/",
  prov: "http://www.w3.org/ns/prov#",
  org: "http://www.w3.org/ns/org#",
  oa: "http://www.w3.org/ns/oa#",
  sh: "http://www.w3.org/ns/shacl#",
  foaf: "http://xmlns.com/foaf/0.1/",
  schema: "http://schema.org/",
  kg: "https://w3id.org/smartcity-kg/ontology#",
  kgr: "https://w3id.org/smartcity-kg/resource/",
  kge: "https://w3id.org/smartcity-kg/evidence/",
  kgsh: "https://w3id.org/smartcity-kg/shapes#",
} as const;

export type PrefixName = keyof typeof prefixes;

/** Builds `{ local: fullIri }` for the given local names of one namespace. */
function namespace<const L extends string>(base: string, locals: readonly L[]): Record<L, string> {
  const out = {} as Record<L, string>;
  for (const local of locals) out[local] = base + local;
  return out;
}

export const rdf = namespace(prefixes.rdf, [
  "type", "Statement", "subject", "predicate", "object", "Property", "langString", "first", "rest", "nil",
] as const);
export const rdfs = namespace(prefixes.rdfs, [
  "label", "comment", "subClassOf", "subPropertyOf", "domain", "range", "Class", "Resource", "seeAlso", "isDefinedBy", "Literal", "Datatype",
] as const);
export const owl = namespace(prefixes.owl, [
  "Class", "ObjectProperty", "DatatypeProperty", "AnnotationProperty", "Ontology", "sameAs", "Thing", "NamedIndividual",
  "TransitiveProperty", "SymmetricProperty", "FunctionalProperty", "InverseFunctionalProperty", "Restriction", "inverseOf",
  "equivalentClass", "equivalentProperty", "disjointWith", "imports", "versionInfo", "onProperty", "unionOf", "AllDisjointClasses", "members",
] as const);
export const xsd = namespace(prefixes.xsd, [
  "string", "integer", "decimal", "double", "boolean", "date", "dateTime", "gYear", "gYearMonth", "anyURI",
] as const);
export const skos = namespace(prefixes.skos, [
  "prefLabel", "altLabel", "hiddenLabel", "definition", "broader", "narrower", "exactMatch", "closeMatch", "Concept", "ConceptScheme", "inScheme", "note", "scopeNote",
] as const);
export const dcterms = namespace(prefixes.dcterms, [
  "title", "description", "date", "source", "creator", "publisher", "license", "rights", "issued", "subject", "identifier",
] as const);
export const dc = namespace(prefixes.dc, ["title", "description", "date", "source"] as const);
export const prov = namespace(prefixes.prov, ["wasDerivedFrom", "Entity", "hadPrimarySource", "wasAttributedTo"] as const);
export const oa = namespace(prefixes.oa, ["hasSelector", "exact", "TextQuoteSelector", "Annotation", "hasSource", "hasTarget", "prefix", "suffix"] as const);
export const sh = namespace(prefixes.sh, ["NodeShape", "PropertyShape"] as const);
export const foaf = namespace(prefixes.foaf, ["name", "page", "homepage"] as const);
export const schema = namespace(prefixes.schema, ["name", "alternateName", "description", "Class", "domainIncludes", "rangeIncludes", "url", "sameAs"] as const);
export const kg = namespace(prefixes.kg, [
  "Evidence", "quote", "locator", "page", "cleanedText", "iso3166Alpha2", "iso3166Alpha3",
  "onDate", "since", "fromDate", "deadline", "tableYear", "CellEvidence", "cellValue", "disagreement", "row", "column",
] as const);
