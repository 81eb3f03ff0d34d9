// Plain-language sentences for path hops: the relation in its true direction, with its quote and where it comes from.
import type { Evidence, GraphIndex } from "../graph/types.ts";
import { localName } from "../graph/project.ts";
import type { Path } from "./path.ts";

/**
 * The verb phrase of a predicate: its label in the data, else its local name split into words
 * ("donatesTo" → "donates to"); a leading capital is lowered unless the word is an acronym.
 */
export function relationPhrase(g: GraphIndex, predicateTerm: number): string {
  const label = g.termLabel(predicateTerm);
  const phrase = label === localName(g.dataset.terms.key(predicateTerm)) && !label.includes(" ")
    ? label.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase()
    : label;
  return /^[A-Z][a-z]/.test(phrase) ? phrase[0].toLowerCase() + phrase.substring(1) : phrase;
}

/** The quote's page as a reader cites it: "p. 3", or "pp. 2, 4" across a page break; "" when unknown. */
export function pageText(evidence: Pick<Evidence, "page" | "pages">): string {
  if (evidence.pages && evidence.pages.length > 1) return `pp. ${evidence.pages.join(", ")}`;
  return evidence.page !== undefined ? `p. ${evidence.page}` : "";
}

/** Where a quote comes from: locator and page(s), else the source document's label. */
export function evidencePlace(evidence: Evidence): string {
  const parts: string[] = [];
  if (evidence.locator) parts.push(evidence.locator);
  if (evidence.page !== undefined) parts.push(pageText(evidence));
  if (parts.length === 0 && evidence.sourceLabel) parts.push(evidence.sourceLabel);
  return parts.join(", ");
}

/** One sentence for edge e, read subject → object whatever the direction of travel; the first evidence is quoted. */
export function explainEdge(g: GraphIndex, e: number): string {
  const statement = `${g.label(g.edgeSources[e])} ${relationPhrase(g, g.edgePredicates[e])} ${g.label(g.edgeTargets[e])}`;
  const evidence = g.evidence(e);
  const quoted = evidence.find((item) => item.quote !== "") ?? evidence[0];
  if (quoted === undefined) return `${statement}.`;
  const place = evidencePlace(quoted);
  const quote = quoted.quote ? ` — "${quoted.quote}"` : "";
  const where = place ? ` (${place})` : "";
  return `${statement}${quote}${where}.`;
}

/** One sentence per hop of the path, in travel order. */
export function explainPath(g: GraphIndex, path: Path): string[] {
  return path.steps.map((step) => explainEdge(g, step.edge));
}
