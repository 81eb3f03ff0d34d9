// Constraints on a path's evidence: relations dated within a range, and events of given kinds only; compiled to path options.
import type { GraphIndex } from "../graph/types.ts";
import { prefixes, rdfs } from "../rdf/vocab.ts";
import { dateSpan, OPEN_END, OPEN_START, relationSpans } from "./relation-dates.ts";
import type { PathOptions } from "./path-types.ts";

export interface EvidenceConstraints {
  /** Inclusive bounds as the data writes dates: "2019", "2020-03", "2020-03-15". */
  fromDate?: string;
  toDate?: string;
  /** Class term ids of event kinds (subclasses of prov:Activity, e.g. kg:Donation): events of other kinds are avoided. */
  eventKinds?: number[];
}

const activityClass = `${prefixes.prov}Activity`;
const eventClassCache = new WeakMap<GraphIndex, Set<number>>();

/** Checks a bound given by a user; the error names the option. */
export function checkDate(text: string, option: string): void {
  if (dateSpan(text) === undefined) throw new RangeError(`query/path-constraints: ${option} "${text}" is not a date (write 2020, 2020-03 or 2020-03-15)`);
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
    const low = constraints.fromDate !== undefined ? dateSpan(constraints.fromDate)![0] : OPEN_START;
    const high = constraints.toDate !== undefined ? dateSpan(constraints.toDate)![1] : OPEN_END;
    const overlaps = ([a, b]: [string, string]) => a <= high && b >= low;
    // Memoised per edge: Yen asks about the same edges many times, and evidence is read from the dataset.
    const memo = new Map<number, boolean>();
    const within = (e: number): boolean => {
      let ok = memo.get(e);
      if (ok === undefined) {
        // A relation's dates (relation-dates.ts) are also what the workbench's timeline counts and filters by.
        ok = relationSpans(g, e).some(overlaps);
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
