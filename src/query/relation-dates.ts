// When a relation happened: its evidence's dates and the times of the events it joins, as day spans (path date constraints) and years (the workbench's timeline).
import type { GraphIndex } from "../graph/types.ts";
import { kg, prefixes } from "../rdf/vocab.ts";

const toDate = `${prefixes.kg}toDate`;
const datePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** Day bounds of an open-ended span (a start without an end, an end without a start). */
export const OPEN_START = "0000-01-01";
export const OPEN_END = "9999-12-31";

/** The first and last day a date names, as comparable "YYYY-MM-DD" strings; undefined when it is not a date. */
export function dateSpan(text: string): [string, string] | undefined {
  const m = datePattern.exec(text.trim());
  if (m === null) return undefined;
  const [, y, mo, d] = m;
  if (d !== undefined) return [`${y}-${mo}-${d}`, `${y}-${mo}-${d}`];
  if (mo !== undefined) return [`${y}-${mo}-01`, `${y}-${mo}-31`];
  return [`${y}-01-01`, `${y}-12-31`];
}

/** The times of an event or dated entity: its point, span, start (open-ended) or deadline, as day spans. */
export function nodeSpans(g: GraphIndex, n: number): [string, string][] {
  const spans: [string, string][] = [];
  let from: string | undefined, to: string | undefined;
  for (const literal of g.literals(n)) {
    const p = g.dataset.terms.key(literal.predicate);
    const span = dateSpan(literal.value);
    if (span === undefined) continue;
    if (p === kg.fromDate) from = span[0];
    else if (p === toDate) to = span[1];
    else if (p === kg.since) spans.push([span[0], OPEN_END]);
    else if (p === kg.onDate || p === kg.deadline || p === kg.tableYear) spans.push(span);
  }
  if (from !== undefined || to !== undefined) spans.push([from ?? OPEN_START, to ?? OPEN_END]);
  return spans;
}

/**
 * A relation's dates: the dates of its evidence and the times of the events (or dated entities) at either end, as
 * day spans. The path date constraints keep a relation when one of them meets their range; undated: none.
 * `nodeSpansOf` lets a caller reading every edge read each node's literals once.
 */
export function relationSpans(g: GraphIndex, e: number, nodeSpansOf: (n: number) => [string, string][] = (n) => nodeSpans(g, n)): [string, string][] {
  const spans: [string, string][] = [];
  for (const evidence of g.evidence(e)) {
    const span = evidence.date === undefined ? undefined : dateSpan(evidence.date);
    if (span !== undefined) spans.push(span);
  }
  for (const n of [g.edgeSources[e], g.edgeTargets[e]]) for (const span of nodeSpansOf(n)) spans.push(span);
  return spans;
}

/** An inclusive span of years; an open end is -Infinity or Infinity. */
export type YearSpan = [number, number];

/** Day spans as year spans, merged where they touch (a relation dated 2014 and 2015–2017 is 2014–2017). */
export function yearSpans(spans: readonly [string, string][]): YearSpan[] {
  // Most relations of a big graph are undated: no arrays to sort for them.
  if (spans.length === 0) return [];
  const years = spans
    .map(([a, b]): YearSpan => [a === OPEN_START ? -Infinity : Number(a.slice(0, 4)), b === OPEN_END ? Infinity : Number(b.slice(0, 4))])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: YearSpan[] = [];
  for (const span of years) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1] + 1) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/** Whether a relation with these year spans is dated within the inclusive years `from`..`to` (as the path constraints decide). */
export function withinYears(spans: readonly YearSpan[], from: number, to: number): boolean {
  return spans.some(([a, b]) => a <= to && b >= from);
}

/** Nodes with a date of their own (an event's time, a start, a deadline): found by one pass over the quads' predicates. */
function datedNodes(g: GraphIndex): Set<number> {
  const ds = g.dataset;
  const predicates = new Set([kg.fromDate, toDate, kg.since, kg.onDate, kg.deadline, kg.tableYear].map((iri) => ds.terms.iriId(iri)).filter((id) => id >= 0));
  const nodes = new Set<number>();
  if (predicates.size === 0) return nodes;
  for (let q = 0; q < ds.size; q++) {
    if (!predicates.has(ds.predicates[q])) continue;
    const n = g.nodeByTerm(ds.subjects[q]);
    if (n >= 0) nodes.add(n);
  }
  return nodes;
}

/** Relations per year: `counts[i]` relations are dated in year `from + i`; `undated` have no date at all. */
export interface Timeline {
  from: number;
  to: number;
  counts: number[];
  undated: number;
  dated: number;
}

/** Years beyond which a timeline is not drawn year by year (a typo such as 20015 would make a million bars). */
export const TIMELINE_MAX_YEARS = 500;

/**
 * The histogram of relation dates: for each year, how many of the relations `include` admits are dated in it (a
 * relation spanning several years counts in each, so a bar is what a one-year range keeps). Open ends stop at the
 * first and last years any date names. Null when no relation is dated.
 */
export function timelineOf(g: GraphIndex, include: (e: number) => boolean = () => true): Timeline | null {
  // Reading every node's literals would cost more than the rest: only nodes with a date of their own are read.
  const dated = datedNodes(g);
  const cache = new Map<number, [string, string][]>();
  const none: [string, string][] = [];
  const nodeSpansOf = (n: number) => {
    if (!dated.has(n)) return none;
    let spans = cache.get(n);
    if (spans === undefined) cache.set(n, (spans = nodeSpans(g, n)));
    return spans;
  };
  const all: YearSpan[][] = [];
  let undated = 0;
  let min = Infinity, max = -Infinity;
  for (let e = 0; e < g.edgeCount; e++) {
    if (!include(e)) continue;
    const spans = yearSpans(relationSpans(g, e, nodeSpansOf));
    if (spans.length === 0) {
      undated++;
      continue;
    }
    all.push(spans);
    for (const year of spans.flat()) {
      if (!Number.isFinite(year)) continue;
      min = Math.min(min, year);
      max = Math.max(max, year);
    }
  }
  if (all.length === 0) return null;
  if (max - min + 1 > TIMELINE_MAX_YEARS) min = max - TIMELINE_MAX_YEARS + 1;
  const counts = new Array<number>(max - min + 1).fill(0);
  for (const spans of all) {
    const years = new Set<number>();
    for (const [a, b] of spans) for (let y = Math.max(a, min); y <= Math.min(b, max); y++) years.add(y);
    for (const y of years) counts[y - min]++;
  }
  return { from: min, to: max, counts, undated, dated: all.length };
}
