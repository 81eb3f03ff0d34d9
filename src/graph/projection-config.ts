// The projection's rules as data: which predicates label, describe or link a resource, what counts as schema, and how evidence reads.
import { dc, dcterms, foaf, kg, oa, owl, prov, rdf, rdfs, schema, sh, skos } from "../rdf/vocab.ts";

/** A path of one or two predicates from an evidence node to a literal or IRI (e.g. oa:hasSelector / oa:exact). */
export type PredicatePath = readonly string[];

export interface EvidenceFields {
  /** Alternatives in order of preference; the first path that yields a value wins. */
  quote: readonly PredicatePath[];
  source: readonly PredicatePath[];
  locator: readonly PredicatePath[];
  page: readonly PredicatePath[];
  date: readonly PredicatePath[];
  /** Another source that says the opposite (the evidence keeps it; nothing is overwritten). */
  disagreement: readonly PredicatePath[];
  by: readonly PredicatePath[];
}

export interface ProjectionConfig {
  /** Predicates that give a resource its label, best first (language preference is applied before this order). */
  labelPredicates: readonly string[];
  altLabelPredicates: readonly string[];
  descriptionPredicates: readonly string[];
  /** Predicates whose IRI objects are kept as link attributes, never as edges (external identifiers, pages). */
  linkPredicates: readonly string[];
  /** Objects that never become nodes (structure, not entities: the empty list). */
  ignoredObjects: readonly string[];
  /** rdf:type values that make a resource a schema node. */
  schemaClasses: readonly string[];
  /** Predicates whose subjects are schema resources (classes or properties), even when untyped. */
  schemaSubjectPredicates: readonly string[];
  /** Predicates whose objects are schema resources (e.g. the superclass of rdfs:subClassOf). */
  schemaObjectPredicates: readonly string[];
  /** A subject with any of these predicates is an evidence (meta) node: standard RDF reification. */
  metaPredicates: readonly string[];
  /** The reification predicates naming the described triple. */
  statement: { subject: string; predicate: string; object: string };
  evidence: EvidenceFields;
  /**
   * Language preference for labels and descriptions: a tag matches itself and its subtags ("en" matches "en-GB");
   * "" is an untagged literal; "*" is any language. Earlier is better.
   */
  languages: readonly string[];
}

export const defaultProjection: ProjectionConfig = {
  labelPredicates: [skos.prefLabel, rdfs.label, schema.name, foaf.name, dcterms.title, dc.title],
  altLabelPredicates: [skos.altLabel, skos.hiddenLabel, schema.alternateName],
  descriptionPredicates: [skos.definition, dcterms.description, rdfs.comment, schema.description, dc.description],
  linkPredicates: [
    skos.exactMatch, skos.closeMatch, owl.sameAs, rdfs.seeAlso, rdfs.isDefinedBy, schema.sameAs, schema.url,
    foaf.page, foaf.homepage, dcterms.license,
  ],
  ignoredObjects: [rdf.nil],
  schemaClasses: [
    owl.Class, rdfs.Class, rdfs.Datatype, owl.Restriction, rdf.Property, owl.ObjectProperty, owl.DatatypeProperty,
    owl.AnnotationProperty, owl.TransitiveProperty, owl.SymmetricProperty, owl.FunctionalProperty,
    owl.InverseFunctionalProperty, owl.Ontology, sh.NodeShape, sh.PropertyShape, schema.Class,
  ],
  schemaSubjectPredicates: [
    rdfs.subClassOf, rdfs.subPropertyOf, rdfs.domain, rdfs.range, owl.inverseOf, owl.equivalentClass,
    owl.equivalentProperty, schema.domainIncludes, schema.rangeIncludes,
  ],
  schemaObjectPredicates: [
    rdfs.subClassOf, rdfs.subPropertyOf, rdfs.domain, rdfs.range, owl.inverseOf, owl.equivalentClass, owl.equivalentProperty,
    owl.disjointWith, schema.domainIncludes, schema.rangeIncludes,
  ],
  metaPredicates: [rdf.subject, rdf.predicate, rdf.object],
  statement: { subject: rdf.subject, predicate: rdf.predicate, object: rdf.object },
  evidence: {
    // A table's evidence quotes its cell (kg:CellEvidence).
    quote: [[oa.hasSelector, oa.exact], [kg.quote], [kg.cellValue]],
    source: [[prov.wasDerivedFrom], [dcterms.source], [prov.hadPrimarySource]],
    locator: [[kg.locator]],
    page: [[kg.page]],
    // The first that is there: a point, a start, a span's start, a deadline, a table's year (docs/data-model.md).
    date: [[dcterms.date], [kg.onDate], [kg.since], [kg.fromDate], [kg.deadline], [kg.tableYear]],
    disagreement: [[kg.disagreement]],
    // An analyst's relation (kg relation add, the workbench): the agent's name.
    by: [[prov.wasAttributedTo, foaf.name]],
  },
  languages: ["en", "", "*"],
};
