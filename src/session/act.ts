// The session as named actions: one call applies an action to the session and records it in History; undo, redo and branches over that.
import { describeAction, type RecordedResult, type SessionAction } from "./actions.ts";
import { currentSnapshot, goTo, record, redoTarget, switchBranch, undoTarget, createHistory, type History, type SessionSnapshot } from "./history.ts";
import { samePositions, type Appearance, type SessionLayout } from "./layout.ts";
import type { Notes } from "./notes.ts";
import type { Producer } from "./producers.ts";

/**
 * One change the analyst makes, by name: what History lists and replay re-runs (`action`), and what it changes in
 * each part of the session. A part it does not name stays as it is.
 */
export interface StepAction {
  action: SessionAction;
  /** For people; by default `describeAction`, which a function may reword. */
  label?: string | ((described: string) => string);
  /** What a query step found. */
  recorded?: RecordedResult;
  state?: Producer;
  layout?: (layout: SessionLayout) => SessionLayout;
  appearance?: (appearance: Appearance) => Appearance;
  notes?: (notes: Notes) => Notes;
  step?: true;
  /** Same-kind steps closer together than this many milliseconds are one step (a slider being dragged). */
  coalesceMs?: number;
}

/**
 * A change that is no step of its own (selecting, typing a query's ends, a query on its way): it changes the
 * session, the autosave keeps it, and it rides along in the snapshot of the step at the cursor.
 */
export interface EditAction {
  step: false;
  /** What it is, for people reading code and logs ("select", "path ends"). */
  name: string;
  state: Producer;
}

export type NamedAction = StepAction | EditAction;

/** The session: its History, and the session as it is now (the cursor's snapshot plus edits that are no steps). */
export interface SessionModel {
  history: History;
  current: SessionSnapshot;
}

export interface ActOptions {
  /** ISO 8601 time of the change (now by default). */
  at?: string;
  /** IRI → label, for the default label. */
  labelOf?: (iri: string) => string;
}

export function startSession(initial: SessionSnapshot, at: string = new Date().toISOString(), label = "Start"): SessionModel {
  return { history: createHistory(initial, at, label), current: initial };
}

/** The snapshot after the action (parts it does not change are the same objects). */
export function applyAction(snapshot: SessionSnapshot, named: NamedAction): SessionSnapshot {
  if (named.step === false) return { ...snapshot, state: named.state(snapshot.state) };
  return {
    state: named.state ? named.state(snapshot.state) : snapshot.state,
    layout: named.layout ? named.layout(snapshot.layout) : snapshot.layout,
    appearance: named.appearance ? named.appearance(snapshot.appearance) : snapshot.appearance,
    notes: named.notes ? named.notes(snapshot.notes) : snapshot.notes,
  };
}

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Whether an action changed nothing at all (a pin of a pinned node, a note set to its own text). */
function unchanged(before: SessionSnapshot, after: SessionSnapshot): boolean {
  return (
    before.state === after.state &&
    samePositions(before.layout.positions, after.layout.positions) &&
    sameJson(before.layout.pinned, after.layout.pinned) &&
    sameJson(before.layout.camera, after.layout.camera) &&
    sameJson(before.appearance, after.appearance) &&
    sameJson(before.notes, after.notes)
  );
}

/**
 * Applies the action to the session and records it in History with its label, in one call. An action that changed
 * nothing is no step; one that is no step (`step: false`) changes the session only.
 */
export function act(model: SessionModel, named: NamedAction, options: ActOptions = {}): SessionModel {
  const next = applyAction(model.current, named);
  if (named.step === false) return { history: model.history, current: next };
  if (unchanged(model.current, next) && named.action.kind !== "load") return model;
  const at = options.at ?? new Date().toISOString();
  let history = withSelectionAtCursor(model.history, model.current);
  const last = history.entries[history.cursor];
  // Dragging a slider is one step, not one per pixel: a same-kind change right after the last replaces it.
  if (
    named.coalesceMs !== undefined &&
    last?.action.kind === named.action.kind &&
    history.cursor === history.entries.length - 1 &&
    history.cursor > 0 &&
    Date.parse(at) - Date.parse(last.at) < named.coalesceMs
  ) {
    history = { ...history, entries: history.entries.slice(0, -1), cursor: history.cursor - 1 };
  }
  const label = typeof named.label === "function" ? named.label(describeAction(named.action, options.labelOf)) : named.label;
  history = record(history, named.action, next, { label, recorded: named.recorded, at, labelOf: options.labelOf });
  return { history, current: next };
}

/**
 * Selecting is no step of its own, so the selection the analyst made while at a step belongs to that step: undoing
 * the next change comes back to it (hide the selected nodes, undo: they are back, and still selected).
 */
function withSelectionAtCursor(history: History, current: SessionSnapshot): History {
  const { entries, cursor } = history;
  const entry = entries[cursor];
  if (!entry?.snapshot || sameJson(entry.snapshot.state.selection, current.state.selection)) return history;
  const snapshot: SessionSnapshot = { ...entry.snapshot, state: { ...entry.snapshot.state, selection: current.state.selection } };
  return { ...history, entries: entries.map((e, i) => (i === cursor ? { ...e, snapshot } : e)) };
}

/** The session at another point of History; the notes stay as they are now (going back never takes a note away). */
function travel(model: SessionModel, history: History): SessionModel {
  if (history === model.history) return model;
  const snapshot = currentSnapshot(history);
  return snapshot ? { history, current: { ...snapshot, notes: model.current.notes } } : model;
}

export const undoStep = (model: SessionModel): SessionModel => travel(model, goTo(model.history, undoTarget(model.history)));
export const redoStep = (model: SessionModel): SessionModel => travel(model, goTo(model.history, redoTarget(model.history)));
export const goToStep = (model: SessionModel, index: number): SessionModel => travel(model, goTo(model.history, index));
/** Back to the last step of a branch (steps left by going back and acting); the steps it replaces become one. */
export const goToBranch = (model: SessionModel, id: string, at?: string): SessionModel => travel(model, switchBranch(model.history, id, at));
