// The analyst's ForceAtlas2 settings as session state (state.view.forceAtlas2): bounds, schema, producer and label.
import type { Producer } from "./producers.ts";
import { bool, num, obj } from "./schema-types.ts";
import type { ForceAtlas2Choice } from "./types.ts";

/** What the Layout controls offer: spread (scaling ratio) and gravity, within the sliders' bounds. */
export const FORCE_ATLAS2_LIMITS = { scalingRatio: { min: 1, max: 60 }, gravity: { min: 0, max: 10 } } as const;

/** One schema for session files and share links. */
export const forceAtlas2Schema = obj(
  {
    scalingRatio: num({ ...FORCE_ATLAS2_LIMITS.scalingRatio, doc: "spread: how far apart nodes push each other" }),
    gravity: num({ ...FORCE_ATLAS2_LIMITS.gravity, doc: "how strongly nodes are pulled to the centre" }),
    linLogMode: bool("LinLog mode: tighter clusters, more space between them"),
    adjustSizes: bool("prevent overlap: nodes keep apart by their size while the layout runs"),
  },
  [],
  "the analyst's ForceAtlas2 settings for layout runs; absent: inferred from the graph",
);

const clamp = (value: number, { min, max }: { min: number; max: number }, fallback: number) =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;

/** The settings within bounds (a hand-edited control or a scripted call cannot ask for nonsense). */
export function boundedForceAtlas2(settings: ForceAtlas2Choice): ForceAtlas2Choice {
  return {
    scalingRatio: clamp(settings.scalingRatio, FORCE_ATLAS2_LIMITS.scalingRatio, 6),
    gravity: clamp(settings.gravity, FORCE_ATLAS2_LIMITS.gravity, 1),
    linLogMode: settings.linLogMode === true,
    adjustSizes: settings.adjustSizes === true,
  };
}

/** Sets (or, with null, drops: inferred again) the analyst's ForceAtlas2 settings; the same settings change nothing. */
export const setForceAtlas2 = (settings: ForceAtlas2Choice | null): Producer => (state) => {
  const next = settings ? boundedForceAtlas2(settings) : undefined;
  if (JSON.stringify(next) === JSON.stringify(state.view.forceAtlas2)) return state;
  const { forceAtlas2: _old, ...view } = state.view;
  return { ...state, view: next ? { ...view, forceAtlas2: next } : view };
};

/** "ForceAtlas2: spread 12, gravity 1, LinLog, prevent overlap", or "ForceAtlas2: inferred settings". */
export function forceAtlas2Label(settings: ForceAtlas2Choice | null): string {
  if (!settings) return "ForceAtlas2: inferred settings";
  return `ForceAtlas2: spread ${settings.scalingRatio}, gravity ${settings.gravity}${settings.linLogMode ? ", LinLog" : ""}${settings.adjustSizes ? ", prevent overlap" : ""}`;
}
