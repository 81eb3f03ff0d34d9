// Types for the parts of shacl-engine (which ships none) that the validator uses.
declare module "shacl-engine" {
  import type * as RDF from "@rdfjs/types";

  interface ShaclFactory {
    namedNode: (value: string) => RDF.NamedNode;
    blankNode: (value?: string) => RDF.BlankNode;
    literal: (value: string, languageOrDatatype?: string | RDF.NamedNode) => RDF.Literal;
    variable?: (value: string) => RDF.Variable;
    defaultGraph: () => RDF.DefaultGraph;
    quad: (...terms: RDF.Term[]) => RDF.Quad;
    dataset: () => RDF.DatasetCore;
  }

  /** One step of a result path: the predicates followed, from the subject or (inverse) from the object. */
  interface ShaclPathStep {
    predicates: RDF.Term[];
    start: "subject" | "object";
    quantifier: "one" | "zeroOrOne" | "zeroOrMore" | "oneOrMore";
  }

  interface ShaclResult {
    focusNode: { term: RDF.Term };
    path?: ShaclPathStep[] | null;
    severity: RDF.NamedNode;
    message: RDF.Literal[];
    value?: { term: RDF.Term };
    constraintComponent: RDF.NamedNode;
    shape: { ptr: { term: RDF.Term } };
  }

  interface ShaclReport {
    conforms: boolean;
    results: ShaclResult[];
  }

  export class Validator {
    constructor(shapes: RDF.DatasetCore, options: { factory: ShaclFactory; details?: boolean; debug?: boolean });
    validate(data: { dataset: RDF.DatasetCore; terms?: Iterable<RDF.Term> }, shapes?: { terms?: Iterable<RDF.Term> }): Promise<ShaclReport>;
  }
}
