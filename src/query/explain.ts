// Plain-language sentences for path hops: the relation in its true direction, with its quote and where it comes from.
import type { Evidence, GraphIndex } from "../graph/types.ts";
import { localName } from "../graph/project.ts";
import type { Path } from "./path.ts";
import { eventSentence, isEvent } from "./explain-event.ts";
import { edgeSources, statedBy } from "./corroboration.ts";

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
  return withQuote(g, e, `${g.label(g.edgeSources[e])} ${relationPhrase(g, g.edgePredicates[e])} ${g.label(g.edgeTargets[e])}`);
}

/** The statement followed by edge e's first quote and where it is. */
function withQuote(g: GraphIndex, e: number, statement: string): string {
  const evidence = g.evidence(e);
  const quoted = evidence.find((item) => item.quote !== "") ?? evidence[0];
  if (quoted === undefined) return `${statement}.`;
  let place = evidencePlace(quoted);
  // A source without pages (a table, a catalogue record) is named: its locator alone does not say which document.
  if (quoted.page === undefined && quoted.sourceLabel && !place.includes(quoted.sourceLabel)) place = place ? `${place}, ${quoted.sourceLabel}` : quoted.sourceLabel;
  const quote = quoted.quote ? ` — "${quoted.quote}"` : "";
  const where = place ? ` (${place})` : "";
  const sources = edgeSources(g, e);
  const corroborated = sources.length > 1 ? ` ${capitalise(statedBy(sources.length))}: ${sources.map((s) => s.label).join("; ")}.` : "";
  return `${statement}${quote}${where}.${corroborated}`;
}

/**
 * One sentence per hop of the path, in travel order. A hop to or from an event (a PROV-O activity: a donation,
 * a deployment, ...) reads as a sentence about the event, who gave what to whom, where and when, the first time
 * the path meets it, and as the event's role the next time ("That donation was at Kenya").
 */
export function explainPath(g: GraphIndex, path: Path): string[] {
  const told = new Set<number>();
  return path.steps.map((step) => {
    const e = step.edge;
    const event = isEvent(g, g.edgeSources[e]) ? g.edgeSources[e] : isEvent(g, g.edgeTargets[e]) ? g.edgeTargets[e] : -1;
    if (event < 0) return explainEdge(g, e);
    if (!told.has(event)) {
      told.add(event);
      return withQuote(g, e, eventSentence(g, event)!);
    }
    const other = event === g.edgeSources[e] ? g.edgeTargets[e] : g.edgeSources[e];
    const kind = g.classes(event).map((c) => g.termLabel(c))[0] ?? "event";
    const phrase = relationPhrase(g, g.edgePredicates[e]);
    const statement = event === g.edgeSources[e] ? `That ${kind} was ${phrase} ${g.label(other)}` : `${g.label(other)} ${phrase} that ${kind}`;
    return withQuote(g, e, statement);
  });
}

const capitalise = (text: string) => text[0].toUpperCase() + text.slice(1);
