// The timeline's edge filter for the reducers: a relation shown when one of its dates meets the year range, undated ones as the analyst chose.
import { withinYears, type YearSpan } from "../query/relation-dates.ts";
import type { YearRange } from "../session/types.ts";

/** Whether the date range or the undated choice hides an edge whose `dates` attribute (year spans) is given. */
export function hiddenByDate(dates: unknown, range: YearRange | null, hideUndated: boolean): boolean {
  const spans = Array.isArray(dates) ? (dates as YearSpan[]) : [];
  if (spans.length === 0) return hideUndated;
  return range !== null && !withinYears(spans, range.from, range.to);
}
