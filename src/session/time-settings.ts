// The timeline's filter as session state (issue 14): undated relations shown or hidden, and a play run through the years as one step.
import type { Producer } from "./producers.ts";
import type { YearRange } from "./types.ts";

/** Shows or hides relations without any date; shown is the default, left out of files and links. */
export const setUndatedShown = (shown: boolean): Producer => (state) => {
  if (shown === !state.filters.hideUndated) return state;
  const { hideUndated: _old, ...filters } = state.filters;
  return { ...state, filters: shown ? filters : { ...filters, hideUndated: true } };
};

const years = (range: YearRange) => (range.from === range.to ? String(range.from) : `${range.from}–${range.to}`);

/** "Play dates 2012 … 2016–2017": where a play run started and where it stopped. */
export function playLabel(first: YearRange, last: YearRange): string {
  return `Play dates ${years(first)} … ${years(last)}`;
}
