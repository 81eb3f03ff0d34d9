// An event on a path read as one sentence about it: who did what with which item, to whom, where, on which occasion, when.
import type { GraphIndex } from "../graph/types.ts";
import { localName } from "../graph/labels.ts";
import { prefixes } from "../rdf/vocab.ts";
import { eventClasses } from "./path-constraints.ts";

const role = {
  agent: `${prefixes.prov}wasAssociatedWith`,
  item: `${prefixes.prov}used`,
  recipient: `${prefixes.kg}recipient`,
  place: `${prefixes.prov}atLocation`,
  occasion: `${prefixes.kg}occasion`,
} as const;

/** The verb of each kind of event the ontology has (its class's local name); other kinds use the class label. */
const verbs: Record<string, string> = {
  Donation: "donated", Export: "exported", Transfer: "transferred", Promotion: "promoted",
  PromotionOrDonation: "promoted or donated", Deployment: "deployed", Endorsement: "endorsed", Signing: "signed",
};

/** The event class of node n that is the most specific (one with a verb, else the first event class), or -1. */
function eventKind(g: GraphIndex, n: number): number {
  const events = eventClasses(g);
  const kinds = g.classes(n).filter((c) => events.has(c));
  return kinds.find((c) => verbs[localName(g.dataset.terms.key(c))] !== undefined) ?? kinds[0] ?? -1;
}

export function isEvent(g: GraphIndex, n: number): boolean {
  return eventKind(g, n) >= 0;
}

/** The labels of the nodes the event links by one role, in edge order. */
function roleLabels(g: GraphIndex, event: number, predicate: string): string[] {
  const labels: string[] = [];
  for (let i = g.outOffsets[event]; i < g.outOffsets[event + 1]; i++) {
    const e = g.outEdgeIds[i];
    if (g.dataset.terms.key(g.edgePredicates[e]) === predicate) labels.push(g.label(g.edgeTargets[e]));
  }
  return labels;
}

const list = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);

/** When the event happened, in the text's words when it has them (kg:timeText), else its typed dates. */
function when(g: GraphIndex, event: number): string {
  const literals = g.literals(event);
  const byName = (name: string) => literals.find((l) => g.dataset.terms.key(l.predicate) === `${prefixes.kg}${name}`)?.value;
  const text = byName("timeText");
  if (text !== undefined) return `in ${text}`;
  const from = byName("fromDate"), to = byName("toDate"), on = byName("onDate"), since = byName("since"), deadline = byName("deadline");
  if (from !== undefined && to !== undefined) return `from ${from} to ${to}`;
  if (on !== undefined) return `in ${on}`;
  if (since !== undefined) return `since ${since}`;
  if (deadline !== undefined) return `by ${deadline}`;
  const year = byName("tableYear");
  return year !== undefined ? `in ${year}` : "";
}

/**
 * One sentence about event n: "Dahua donated Dahua AI-enabled temperature screening cameras to Lebanon’s Ministry
 * of Health at Lebanon in March and April 2020". Without an agent the sentence is passive ("… were deployed at …"),
 * as the text is when it names no one. Undefined when n is not an event.
 */
export function eventSentence(g: GraphIndex, n: number): string | undefined {
  const kind = eventKind(g, n);
  if (kind < 0) return undefined;
  const verb = verbs[localName(g.dataset.terms.key(kind))];
  const agents = roleLabels(g, n, role.agent), items = roleLabels(g, n, role.item);
  const recipients = roleLabels(g, n, role.recipient), places = roleLabels(g, n, role.place), occasions = roleLabels(g, n, role.occasion);
  const what = items.length > 0 ? list(items) : "something";
  // Labels name batches in the plural ("... cameras"): a rough guess, only for the verb's number.
  const plural = items.length > 1 || /s$/.test(items[0] ?? "");
  const parts: string[] = [];
  if (verb === undefined) parts.push(agents.length > 0 ? `${list(agents)} took part in a ${g.termLabel(kind)} of ${what}` : `a ${g.termLabel(kind)} of ${what}`);
  else parts.push(agents.length > 0 ? `${list(agents)} ${verb} ${what}` : `${what} ${plural ? "were" : "was"} ${verb}`);
  if (recipients.length > 0) parts.push(`to ${list(recipients)}`);
  if (places.length > 0) parts.push(`at ${list(places)}`);
  if (occasions.length > 0) parts.push(`on the occasion of ${list(occasions)}`);
  const time = when(g, n);
  if (time) parts.push(time);
  const sentence = parts.join(" ");
  return sentence[0].toUpperCase() + sentence.slice(1);
}
