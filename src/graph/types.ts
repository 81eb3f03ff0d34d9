// The contract of the projected graph: entity nodes and predicate-keyed edges over a Dataset, in typed arrays.
import type { Dataset } from "../rdf/dataset.ts";

/** The evidence of one relation, read from its reified rdf:Statement (see docs/data-model.md). */
export interface Evidence {
  /** IRI (or `_:label`) of the evidence node. */
  statement: string;
  quote: string;
  /** IRI of the source document. */
  source: string;
  /** The source document's label, or its IRI when it has none. */
  sourceLabel: string;
  locator: string;
  /** The (first) page of the quote. */
  page?: number;
  /** Every page, ascending, when the quote crosses a page break. */
  pages?: number[];
  /** The lexical form of dcterms:date (e.g. "2016-03", "2014"). */
  date?: string;
  /** Another source that says the opposite (kg:disagreement), as the data words it. */
  disagreement?: string;
  /** Who stated it, for an analyst's relation (prov:wasAttributedTo / foaf:name). */
  by?: string;
}

export interface LiteralAttribute {
  predicate: number;
  value: string;
  language: string;
  datatype: string;
}

export interface LinkAttribute {
  predicate: number;
  iri: string;
}

/**
 * The graph projected from a Dataset: nodes are entities (IRIs and blank nodes other than evidence/meta
 * resources), edges are triples between two nodes (rdf:type, literals and external links excepted).
 * Node ids are 0..nodeCount-1 and edge ids 0..edgeCount-1; the typed arrays are for hot loops (queries),
 * the methods for everything else. Nothing here is mutable: display state lives elsewhere.
 */
export interface GraphIndex {
  readonly dataset: Dataset;
  readonly nodeCount: number;
  readonly edgeCount: number;

  /** Edge e goes from edgeSources[e] to edgeTargets[e] with predicate term edgePredicates[e]. */
  readonly edgeSources: Uint32Array;
  readonly edgeTargets: Uint32Array;
  readonly edgePredicates: Uint32Array;
  /** Edges leaving node n: outEdgeIds[outOffsets[n] .. outOffsets[n + 1]). */
  readonly outOffsets: Uint32Array;
  readonly outEdgeIds: Uint32Array;
  /** Edges entering node n: inEdgeIds[inOffsets[n] .. inOffsets[n + 1]). */
  readonly inOffsets: Uint32Array;
  readonly inEdgeIds: Uint32Array;

  /** The dataset term id of node n. */
  nodeTerm(n: number): number;
  /** The node of a dataset term id, or -1. */
  nodeByTerm(termId: number): number;
  /** The node of an IRI (or `_:label`), or -1. */
  nodeByIri(iri: string): number;
  /** The IRI of node n, or `_:label` for a blank node. */
  iri(n: number): string;
  /** The preferred label (language fallback: en, none, any), else the IRI's local name. */
  label(n: number): string;
  altLabels(n: number): string[];
  description(n: number): string | undefined;
  /** Class term ids of node n (its rdf:type values). */
  classes(n: number): number[];
  /** Whether node n is a schema resource (class, property, ontology, shape). */
  isSchema(n: number): boolean;
  literals(n: number): LiteralAttribute[];
  links(n: number): LinkAttribute[];
  degree(n: number): number;

  /** The quad index in `dataset` of edge e's triple. */
  edgeQuad(e: number): number;
  evidence(e: number): Evidence[];
  /** The earliest evidence date of edge e, if any. */
  edgeDate(e: number): string | undefined;

  /** A label for any term used as predicate or class: its preferred label in the data, else its local name. */
  termLabel(termId: number): string;
  /** The data's prefixes merged with the well-known ones, for CURIEs. */
  readonly prefixes: Readonly<Record<string, string>>;

  // Extensions (graph engineer): typed views for hot loops and for the query layer.

  /** Classes of node n: nodeClassTerms[nodeClassOffsets[n] .. nodeClassOffsets[n + 1]) (term ids, sorted). */
  readonly nodeClassOffsets: Uint32Array;
  readonly nodeClassTerms: Uint32Array;
  /** Evidence (meta) node term ids of edge e: evidenceTerms[evidenceOffsets[e] .. evidenceOffsets[e + 1]). */
  readonly evidenceOffsets: Uint32Array;
  readonly evidenceTerms: Uint32Array;
  /** Whether node n has class term c. */
  hasClass(n: number, classTerm: number): boolean;
  /** Whether a dataset term is an evidence/meta resource (a reified statement or a blank node only meta nodes use). */
  isMetaTerm(termId: number): boolean;
  /** The distinct predicate term ids used by edges, sorted by term id. */
  readonly edgePredicateTerms: Uint32Array;
  /** The distinct class term ids used by rdf:type on nodes, sorted by term id. */
  readonly classTermsInUse: Uint32Array;
  /** Number of reified statements that matched no edge (their triple is absent or not an edge). */
  readonly unattachedEvidenceCount: number;
}
