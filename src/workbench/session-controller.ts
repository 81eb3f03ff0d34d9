// The analyst's session on the workbench side: history steps from store changes and explicit edits, undo/redo, notes, pins (no DOM).
import {
  canRedo,
  canUndo,
  createHistory,
  currentSnapshot,
  describeAction,
  goTo,
  record,
  redoTarget,
  switchBranch,
  undoTarget,
  type History,
  type RecordedResult,
  type SessionAction,
  type SessionSnapshot,
} from "../session/history.ts";
import { defaultAppearance, samePositions, setPinned, type Appearance, type Camera, type SessionLayout } from "../session/layout.ts";
import { emptyNotes, noteCount, type Notes } from "../session/notes.ts";
import type { SessionStore } from "../session/index.ts";
import type { Selection, SessionState } from "../session/types.ts";
import { classifyChange, combinedLabel, isSettled, withoutTransient, type StepLimits } from "./session-steps.ts";

/** What the controller reads from the drawn view (graph positions and camera), so it stays testable without sigma. */
export interface LiveLayout {
  positions(): Record<string, [number, number]>;
  camera(): Camera;
  labelOf(iri: string): string;
}

/** Kinds of change made by dragging a control, and how close together two must be to count as one step. */
const COALESCED = new Set<SessionAction["kind"]>(["date-range"]);
const COALESCE_MS = 1500;

export type ControllerListener = (reason: "step" | "travel" | "edit" | "reset") => void;

export class SessionController {
  private historyValue: History;
  private notesValue: Notes = emptyNotes();
  private pinnedValue: string[] = [];
  private appearanceValue: Appearance = defaultAppearance();
  /** The state of the step at the cursor: changes are measured from it. */
  private recordedState: SessionState;
  /** Positions at the last step, reused while nothing moved so snapshots share them. */
  private positionsCache: Record<string, [number, number]> | null = null;
  private travelling = false;
  private muted = 0;
  private listeners = new Set<ControllerListener>();
  private unsubscribe: () => void;

  constructor(
    private readonly store: SessionStore,
    private readonly live: LiveLayout,
    private readonly limits: StepLimits,
  ) {
    this.recordedState = withoutTransient(store.get());
    this.historyValue = createHistory(this.snapshot());
    this.unsubscribe = store.subscribe((state, previous) => this.observe(state, previous));
  }

  get history(): History {
    return this.historyValue;
  }
  get notes(): Notes {
    return this.notesValue;
  }
  get pinned(): readonly string[] {
    return this.pinnedValue;
  }
  get appearance(): Appearance {
    return this.appearanceValue;
  }
  get canUndo(): boolean {
    return canUndo(this.historyValue);
  }
  get canRedo(): boolean {
    return canRedo(this.historyValue);
  }

  onChange(listener: ControllerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Store changes made until the returned function is called are not steps (a data reload clearing results, say);
   * what they changed is measured from the state at release, so it does not turn into a step later either.
   */
  mute(): () => void {
    this.muted++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.muted--;
      if (this.muted === 0) this.recordedState = withoutTransient(this.store.get());
    };
  }

  /** The node positions changed by other means than a drag (a layout run, nodes added): the next snapshot reads them afresh. */
  positionsChanged(): void {
    this.positionsCache = null;
  }

  /** The session as it is now: state (without hover), positions, camera, pins, appearance and notes. */
  snapshot(): SessionSnapshot {
    // Unmoved nodes keep the current step's positions object: a saved file writes positions once per change
    // (session/written-positions.ts, withRepeatedPositionsLeftOut), and undo snapshots share one copy in memory.
    if (!this.positionsCache) {
      const fresh = this.live.positions();
      // (No history yet while the constructor takes the first snapshot.)
      const history: History | undefined = this.historyValue;
      const current = history?.entries[history.cursor]?.snapshot?.layout.positions;
      this.positionsCache = current && samePositions(fresh, current) ? current : fresh;
    }
    const layout: SessionLayout = { positions: this.positionsCache, camera: this.live.camera(), pinned: [...this.pinnedValue] };
    return { state: withoutTransient(this.store.get()), layout, appearance: this.appearanceValue, notes: this.notesValue };
  }

  /**
   * Records a step that the store does not see (moves, notes, pins, appearance, loads). `selectionBefore` is the
   * selection just before the change (by default the current one, which explicit steps do not touch).
   */
  commit(action: SessionAction, options: { label?: string; recorded?: RecordedResult; selectionBefore?: Selection } = {}): void {
    this.keepSelectionAtCursor(options.selectionBefore ?? this.store.get().selection);
    this.recordedState = withoutTransient(this.store.get());
    let base = this.historyValue;
    const last = base.entries[base.cursor];
    // Dragging a slider is one step, not one per pixel: a same-kind change right after the last replaces it.
    if (
      COALESCED.has(action.kind) &&
      last?.action.kind === action.kind &&
      base.cursor === base.entries.length - 1 &&
      base.cursor > 0 &&
      Date.now() - Date.parse(last.at) < COALESCE_MS
    ) {
      base = { ...base, entries: base.entries.slice(0, -1), cursor: base.cursor - 1 };
    }
    this.historyValue = record(base, action, this.snapshot(), { label: options.label, recorded: options.recorded, labelOf: (iri) => this.live.labelOf(iri) });
    this.emit("step");
  }

  /**
   * Selecting is no step of its own, so the selection the analyst made while at a step belongs to that step: undoing
   * the next change comes back to it (hide the selected nodes, undo: they are back, and still selected).
   */
  private keepSelectionAtCursor(selection: Selection): void {
    const { entries, cursor } = this.historyValue;
    const entry = entries[cursor];
    if (!entry?.snapshot || JSON.stringify(entry.snapshot.state.selection) === JSON.stringify(selection)) return;
    const snapshot: SessionSnapshot = { ...entry.snapshot, state: { ...entry.snapshot.state, selection } };
    this.historyValue = { ...this.historyValue, entries: entries.map((e, i) => (i === cursor ? { ...e, snapshot } : e)) };
  }

  private observe(state: SessionState, previous: SessionState): void {
    if (this.travelling || this.muted > 0 || !isSettled(state)) return;
    const steps = classifyChange(this.recordedState, state, this.limits);
    if (steps.length === 0) {
      // Selection, hover and typed query ends are no steps; the autosave still keeps them.
      this.emit("edit");
      return;
    }
    this.positionsChanged();
    const labels = steps.map((step) => describeAction(step.action, (iri) => this.live.labelOf(iri)));
    this.commit(steps[0].action, { label: combinedLabel(labels), recorded: steps[0].recorded, selectionBefore: previous.selection });
  }

  /** A note written, changed or deleted (emptied): a step in History, which undo passes over (notes are never undone). */
  setNote(target: "session" | "node" | "edge", key: string, produce: (notes: Notes) => Notes): void {
    const next = produce(this.notesValue);
    if (JSON.stringify(next) === JSON.stringify(this.notesValue)) return;
    const deleted = target === "session" ? next.session.trim() === "" : noteCount(next) < noteCount(this.notesValue);
    this.notesValue = next;
    const action: SessionAction = { kind: "note", params: { target, key } };
    const label = describeAction(action, (iri) => this.live.labelOf(iri));
    this.commit(action, { label: deleted ? label.replace(/^(Edit|Note on)/, (w) => (w === "Edit" ? "Delete" : "Delete note on")) : label });
  }

  setPinned(nodes: string[], pinned: boolean): void {
    const next = setPinned(nodes, pinned)({ positions: {}, camera: this.live.camera(), pinned: this.pinnedValue }).pinned;
    if (next.length === this.pinnedValue.length && next.every((n, i) => n === this.pinnedValue[i])) return;
    this.pinnedValue = next;
    this.commit({ kind: "pin", params: { nodes, pinned } });
  }

  setAppearance(patch: Partial<Appearance>, setting: string): void {
    const next = { ...this.appearanceValue, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.appearanceValue)) return;
    this.appearanceValue = next;
    this.commit({ kind: "appearance", params: { setting } });
  }

  /**
   * The analyst starts a layout run: where the app's own layouts (first view, new nodes) left the nodes since the
   * last step becomes part of that step, so undoing the run puts back exactly what was on screen before it.
   */
  layoutStarted(): void {
    this.positionsChanged();
    const { entries, cursor } = this.historyValue;
    const entry = entries[cursor];
    if (!entry?.snapshot) return;
    const positions = this.live.positions();
    if (samePositions(positions, entry.snapshot.layout.positions)) {
      this.positionsCache = entry.snapshot.layout.positions;
      return;
    }
    this.positionsCache = positions;
    const snapshot: SessionSnapshot = { ...entry.snapshot, layout: { ...entry.snapshot.layout, positions } };
    this.historyValue = { ...this.historyValue, entries: entries.map((e, i) => (i === cursor ? { ...e, snapshot } : e)) };
  }

  /** The analyst's layout run stopped with its positions final: the run is one step. */
  layoutFinished(): void {
    this.positionsChanged();
    this.commit({ kind: "layout", params: {} });
  }

  /** A node was dragged: the move is a step (positions are read afresh). */
  moved(nodes: string[]): void {
    this.positionsChanged();
    this.commit({ kind: "move-nodes", params: { nodes } });
  }

  /**
   * Goes to step `index` and returns its snapshot for the view to show (null when it cannot); the store is set to
   * its state without recording anything. The notes stay as they are: going back never takes a note away.
   */
  goTo(index: number): SessionSnapshot | null {
    return this.travelTo(goTo(this.historyValue, index));
  }
  undo(): SessionSnapshot | null {
    return this.goTo(undoTarget(this.historyValue));
  }
  redo(): SessionSnapshot | null {
    return this.goTo(redoTarget(this.historyValue));
  }
  /** Returns to the last step of a branch (steps left by going back and acting); the steps it replaces become one. */
  goToBranch(id: string): SessionSnapshot | null {
    return this.travelTo(switchBranch(this.historyValue, id));
  }
  private travelTo(next: History): SessionSnapshot | null {
    if (next === this.historyValue) return null;
    const snapshot = currentSnapshot(next);
    if (!snapshot) return null;
    this.historyValue = next;
    this.adopt({ ...snapshot, notes: this.notesValue });
    this.emit("travel");
    return { ...snapshot, notes: this.notesValue };
  }

  /** Replaces the whole session (opened file, restored autosave, new session); the store takes the current state. */
  reset(history: History, current: SessionSnapshot): void {
    this.historyValue = history;
    this.adopt(current);
    this.emit("reset");
  }

  private adopt(snapshot: SessionSnapshot): void {
    this.notesValue = snapshot.notes;
    this.pinnedValue = [...snapshot.layout.pinned];
    this.appearanceValue = snapshot.appearance;
    this.positionsCache = snapshot.layout.positions;
    this.recordedState = snapshot.state;
    this.travelling = true;
    try {
      this.store.apply(() => snapshot.state);
    } finally {
      this.travelling = false;
    }
  }

  private emit(reason: Parameters<ControllerListener>[0]): void {
    for (const listener of [...this.listeners]) listener(reason);
  }

  kill(): void {
    this.unsubscribe();
    this.listeners.clear();
  }
}
