// What kg validate reports: one problem (or note) with its kind, the file and subject it concerns, and its place.
export type ProblemKind =
  | "syntax"
  | "shacl"
  | "quote-not-in-source"
  | "undeclared-term"
  | "domain-range"
  | "missing-evidence"
  | "dangling-evidence"
  | "unused-property"
  | "once-used-property"
  | "deprecated-term"
  | "ambiguous-quote";

/** One thing wrong with the data, attributed to the file that states its subject. */
export interface Problem {
  file: string;
  /** The IRI (or `_:label`) the problem is about. */
  subject?: string;
  kind: ProblemKind;
  message: string;
  /** Where a syntax error is (1-based). */
  line?: number;
  column?: number;
}
