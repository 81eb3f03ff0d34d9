// Validates an addition against the data: SHACL shapes and kg validate's checks, keeping the problems the new quads bring.
import type * as RDF from "@rdfjs/types";
import { validateDataReport, type NamedText, type Problem } from "../rdf/validate.ts";
import { quadsToTurtle } from "./authoring.ts";

export interface AuthoredValidation {
  /** The data as it is, or the part of it the checks read (authoring-subgraph.ts subgraphDocuments). */
  files: readonly NamedText[];
  shapes: NamedText;
  /** Cleaned texts by kg:cleanedText path, the new source's among them. */
  sourceTexts: Readonly<Record<string, string>>;
}

export const AUTHORED_FILE = "(new relation)";

/**
 * The problems the addition brings: the data plus the new quads are validated (SHACL shapes, verbatim quotes and
 * their positions, declared terms, evidence), and the problems about the new quads are kept.
 */
export async function validateAddition(input: AuthoredValidation, added: readonly RDF.Quad[]): Promise<Problem[]> {
  const text = await quadsToTurtle(added);
  const report = await validateDataReport({ files: [...input.files, { name: AUTHORED_FILE, text }], shapes: input.shapes, sourceTexts: input.sourceTexts });
  const newSubjects = new Set(added.filter((q) => q.subject.termType === "NamedNode").map((q) => q.subject.value));
  return report.problems.filter((p) => p.file === AUTHORED_FILE || (p.subject !== undefined && newSubjects.has(p.subject)));
}
