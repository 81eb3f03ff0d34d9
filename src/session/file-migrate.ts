// Migrations of older session files, each version to the next; version 0 was the draft without a history.
import { defaultAppearance, emptyLayout, type SessionLayout } from "./layout.ts";
import { emptyNotes, type Notes } from "./notes.ts";
import { getEmptySession } from "./producers.ts";
import { arr, int, obj, oneOf, str, validate, type ObjectSchema, type Schema } from "./schema.ts";
import type { SessionState } from "./types.ts";
import { SESSION_FORMAT, SESSION_LIMITS as L } from "./file-types.ts";
import { isoTime, layoutSchema, text } from "./file-schema.ts";

/** Older versions and how each becomes the next one. */
export const migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  0: migrateFrom0,
  // Version 2 may leave out a snapshot's repeated positions; a version 1 file, which never does, reads as it is.
  1: (old) => ({ ...old, version: 2 }),
  // Version 3 may name what colours and sizes stand for (appearance.colourBy, sizeBy); a version 2 file, without them, means class and degree.
  2: (old) => ({ ...old, version: 3 }),
};

// ---- Version 0 (the draft the workbench wrote before sessions had a history): state, positions, a session note ----

function migrateFrom0(old: Record<string, unknown>): Record<string, unknown> {
  const v0 = validate<V0File>(old, v0Schema);
  const state = v0.state as SessionState;
  const layout: SessionLayout = { ...emptyLayout(), positions: v0.positions };
  const notes: Notes = { ...emptyNotes(), session: v0.note };
  const appearance = defaultAppearance();
  const sources = v0.data.map((d) => ({ name: d.name, sha256: d.sha256, kind: d.name.startsWith("bundled:") ? "bundled" : "file" }));
  const start = { state: getEmptySession(), layout: emptyLayout(), appearance, notes: emptyNotes() };
  const history = [
    { id: "h1", at: v0.savedAt, label: "Start", action: { kind: "start", params: {} }, snapshot: start },
    ...v0.steps.map((step, i) => ({ id: `h${i + 2}`, at: step.at, label: step.label, action: { kind: step.kind, params: step.params } })),
  ];
  // Version 0 kept no snapshots: the last step gets the saved state, so undo stops there rather than guessing.
  const last = history[history.length - 1] as Record<string, unknown>;
  last.snapshot = { state, layout, appearance, notes };
  return {
    format: SESSION_FORMAT,
    version: 1,
    name: v0.name,
    createdAt: v0.savedAt,
    savedAt: v0.savedAt,
    sources: sources.map((s) => ({ ...s, name: s.name.replace(/^bundled:/, "") })),
    history,
    cursor: history.length - 1,
    state,
    layout,
    appearance,
    notes,
    edges: {},
    labels: {},
  };
}

interface V0File {
  name: string;
  savedAt: string;
  data: { name: string; sha256: string }[];
  state: unknown;
  positions: Record<string, [number, number]>;
  note: string;
  steps: { at: string; label: string; kind: string; params: unknown }[];
}

/** Version 0's own fields are checked here; its state and step parameters by the version 1 schema after migration. */
const anyJson: Schema = { type: "any", max: L.maxNodes };
const v0Schema: ObjectSchema = obj({
  format: oneOf([SESSION_FORMAT]),
  version: int(0, 0),
  name: text(),
  savedAt: isoTime("when it was saved"),
  data: arr(obj({ name: text(), sha256: str(64, { pattern: /^[0-9a-f]{64}$/, patternName: "a SHA-256 hex digest" }) }), L.maxSources),
  state: anyJson,
  positions: layoutSchema.fields.positions,
  note: str(L.maxNote),
  steps: arr(obj({ at: isoTime("step time"), label: text(), kind: str(64), params: anyJson }), L.maxHistory),
});
