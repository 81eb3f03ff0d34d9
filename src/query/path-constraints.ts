// Constraints on a path's evidence: relations dated within a range, and events of given kinds only; compiled to path options.
import type { GraphIndex } from "../graph/types.ts";
import { kg, prefixes, rdfs } from "../rdf/vocab.ts";
import type { PathOptions } from "./path-types.ts";

export interface EvidenceConstraints {
  /** Inclusive bounds as the data writes dates: "2019", "2020-03", "2020-03-15". */
  fromDate?: string;
  toDate?: string;
  /** Class term ids of event kinds (subclasses of prov:Activity, e.g. kg:Donation): events of other kinds are avoided. */
  eventKinds?: number[];
}

const toDate = `${prefixes.kg}toDate`;
const activityClass = `${prefixes.prov}Activity`;
const eventClassCache = new WeakMap<GraphIndex, Set<number>>();

const datePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first and last day a date names, as comparable "YYYY-MM-DD" strings; undefined when it is not a date. */
function dateSpan(text: string): [string, string] | undefined {
  const m = datePattern.exec(text.trim());
  if (m === null) return undefined;
  const [, y, mo, d] = m;
  if (d !== undefined) return [`${y}-${mo}-${d}`, `${y}-${mo}-${d}`];
  if (mo !== undefined) return [`${y}-${mo}-01`, `${y}-${mo}-31`];
  return [`${y}-01-01`, `${y}-12-31`];
}

/** Checks a bound given by a user; the error names the option. */
export function checkDate(text: string, option: string): void {
  if (dateSpan(text) === undefined) throw new RangeError(`query/path-constraints: ${option} "${text}" is not a date (write 2020, 2020-03 or 2020-03-15)`);
}

/** The times of an event or dated entity: its point, span, start (open-ended) or deadline, as day spans. */
function nodeSpans(g: GraphIndex, n: number): [string, string][] {
  const spans: [string, string][] = [];
  let from: string | undefined, to: string | undefined;
  for (const literal of g.literals(n)) {
    const p = g.dataset.terms.key(literal.predicate);
    const span = dateSpan(literal.value);
    if (span === undefined) continue;
    if (p === kg.fromDate) from = span[0];
    else if (p === toDate) to = span[1];
    else if (p === kg.since) spans.push([span[0], "9999-12-31"]);
    else if (p === kg.onDate || p === kg.deadline || p === kg.tableYear) spans.push(span);
  }
  if (from !== undefined || to !== undefined) spans.push([from ?? "0000-01-01", to ?? "9999-12-31"]);
  return spans;
}

/** Class term ids that are prov:Activity or below it (rdfs:subClassOf, followed transitively) in the loaded data. */
export function eventClasses(g: GraphIndex): Set<number> {
  const cached = eventClassCache.get(g);
  if (cached !== undefined) return cached;
  const ds = g.dataset;
  const subClassOf = ds.terms.iriId(rdfs.subClassOf);
  const activity = ds.terms.iriId(activityClass);
  const result = new Set<number>();
  eventClassCache.set(g, result);
  if (subClassOf < 0 || activity < 0) return result;
  const parents = new Map<number, number[]>();
  for (let q = 0; q < ds.size; q++) {
    if (ds.predicates[q] !== subClassOf) continue;
    const list = parents.get(ds.subjects[q]) ?? [];
    list.push(ds.objects[q]);
    parents.set(ds.subjects[q], list);
  }
  const isEvent = (c: number, seen: Set<number>): boolean => {
    if (c === activity || result.has(c)) return true;
    if (seen.has(c)) return false;
    seen.add(c);
    return (parents.get(c) ?? []).some((parent) => isEvent(parent, seen));
  };
  for (const c of parents.keys()) if (isEvent(c, new Set())) result.add(c);
  result.add(activity);
  return result;
}

/**
 * The path options that enforce the constraints, merged into `options`. A date range keeps only relations dated
 * within it: by their evidence's date, or by the time of an event they are a role of; undated relations are left
 * out. Event kinds keep events of other kinds (and of none of the kinds' superclasses) off the path.
 */
export function applyConstraints(g: GraphIndex, constraints: EvidenceConstraints, options: PathOptions = {}): PathOptions {
  const result: PathOptions = { ...options };
  if (constraints.fromDate !== undefined || constraints.toDate !== undefined) {
    if (constraints.fromDate !== undefined) checkDate(constraints.fromDate, "from date");
    if (constraints.toDate !== undefined) checkDate(constraints.toDate, "to date");
    const low = constraints.fromDate !== undefined ? dateSpan(constraints.fromDate)![0] : "0000-01-01";
    const high = constraints.toDate !== undefined ? dateSpan(constraints.toDate)![1] : "9999-12-31";
    const overlaps = ([a, b]: [string, string]) => a <= high && b >= low;
    // Memoised per edge: Yen asks about the same edges many times, and evidence is read from the dataset.
    const memo = new Map<number, boolean>();
    const within = (e: number): boolean => {
      let ok = memo.get(e);
      if (ok === undefined) {
        ok = g.evidence(e).some((ev) => ev.date !== undefined && dateSpan(ev.date) !== undefined && overlaps(dateSpan(ev.date)!)) ||
          nodeSpans(g, g.edgeSources[e]).some(overlaps) || nodeSpans(g, g.edgeTargets[e]).some(overlaps);
        memo.set(e, ok);
      }
      return ok;
    };
    const previous = options.edgeFilter;
    result.edgeFilter = previous === undefined ? within : (e) => previous(e) && within(e);
  }
  if (constraints.eventKinds !== undefined && constraints.eventKinds.length > 0) {
    const events = eventClasses(g);
    for (const kind of constraints.eventKinds) {
      if (!events.has(kind)) throw new RangeError(`query/path-constraints: ${g.termLabel(kind)} is not a kind of event (a subclass of prov:Activity)`);
    }
    // A kind's superclasses stay allowed, so a donation typed kg:Action as well is still a donation.
    const keep = new Set(constraints.eventKinds);
    const ds = g.dataset;
    const subClassOf = ds.terms.iriId(rdfs.subClassOf);
    for (let grew = true; grew; ) {
      grew = false;
      for (let q = 0; q < ds.size; q++) {
        if (ds.predicates[q] === subClassOf && keep.has(ds.subjects[q]) && !keep.has(ds.objects[q])) {
          keep.add(ds.objects[q]);
          grew = true;
        }
      }
    }
    result.excludeClasses = [...(options.excludeClasses ?? []), ...[...events].filter((c) => !keep.has(c))];
  }
  return result;
}

/** Whether any constraint is set. */
export function hasConstraints(c: EvidenceConstraints): boolean {
  return c.fromDate !== undefined || c.toDate !== undefined || (c.eventKinds !== undefined && c.eventKinds.length > 0);
}
