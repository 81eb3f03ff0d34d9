// Relations by source as session state (issue 16): hidden sources, "stated by at least N sources", colour by source.
import type { Producer } from "./producers.ts";
import type { Filters, SessionState } from "./types.ts";

/** Most sources a session names as hidden, and the largest "at least N sources" it keeps. */
export const SOURCE_LIMITS = { maxHiddenSources: 1_000, maxMinSources: 1_000 } as const;

/** The source settings of the filters, with their defaults (a file from before them has none: all shown, any source, no colour). */
export interface SourceSettings {
  hiddenSources: readonly string[];
  minSources: number;
  colourBySource: boolean;
}

export function sourceSettings(filters: Filters): SourceSettings {
  return { hiddenSources: filters.hiddenSources ?? [], minSources: filters.minSources ?? 1, colourBySource: filters.colourBySource ?? false };
}

/**
 * The filters with these settings. A setting at its default is left out, so a session that never used them saves
 * the same bytes as before they existed (and a share link leaves them out).
 */
function withSettings(state: SessionState, next: SourceSettings): SessionState {
  const now = sourceSettings(state.filters);
  const same = now.minSources === next.minSources && now.colourBySource === next.colourBySource &&
    now.hiddenSources.length === next.hiddenSources.length && now.hiddenSources.every((s, i) => s === next.hiddenSources[i]);
  if (same) return state;
  const { hiddenSources: _h, minSources: _m, colourBySource: _c, ...rest } = state.filters;
  const filters: Filters = { ...rest };
  if (next.hiddenSources.length > 0) filters.hiddenSources = [...next.hiddenSources];
  if (next.minSources > 1) filters.minSources = next.minSources;
  if (next.colourBySource) filters.colourBySource = true;
  return { ...state, filters };
}

export const setSourceShown = (source: string, shown: boolean): Producer => (state) => {
  const now = sourceSettings(state.filters);
  const hiddenSources = shown ? now.hiddenSources.filter((s) => s !== source) : now.hiddenSources.includes(source) ? now.hiddenSources : [...now.hiddenSources, source];
  return withSettings(state, { ...now, hiddenSources });
};

export const setMinSources = (n: number): Producer => (state) => {
  const minSources = Number.isFinite(n) ? Math.min(SOURCE_LIMITS.maxMinSources, Math.max(1, Math.floor(n))) : 1;
  return withSettings(state, { ...sourceSettings(state.filters), minSources });
};

export const setColourBySource = (on: boolean): Producer => (state) => withSettings(state, { ...sourceSettings(state.filters), colourBySource: on });
