// The analyst's session on the workbench side: runs named actions (applied and recorded in one call), undo/redo, travel (no DOM).
import { act, goToBranch, goToStep, redoStep, undoStep, type NamedAction, type SessionModel } from "../session/act.ts";
import { canRedo, canUndo, createHistory, type History, type SessionAction, type SessionSnapshot } from "../session/history.ts";
import { defaultAppearance, samePositions, type Appearance, type Camera, type SessionLayout } from "../session/layout.ts";
import { actions } from "../session/named-actions.ts";
import { emptyNotes, type Notes } from "../session/notes.ts";
import type { SessionStore } from "../session/index.ts";
import type { SessionState } from "../session/types.ts";

/** What the controller reads from the drawn view (graph positions and camera), so it stays testable without sigma. */
export interface LiveLayout {
  positions(): Record<string, [number, number]>;
  camera(): Camera;
  labelOf(iri: string): string;
}

/** Steps that leave the nodes where they are: their snapshot keeps the positions of the step before. */
const KEEPS_POSITIONS = new Set<string>(["note", "pin", "appearance", "load"]);

export type ControllerListener = (reason: "step" | "travel" | "edit" | "reset") => void;

/**
 * Runs the actions the workbench dispatches through the store (`store.dispatch(actions.hideNodes(...))`): each is
 * applied and recorded by `session/act.ts` in one call, and the store is set to the result. Changes made with
 * `store.apply` (a click selecting, typed path ends) are no steps; they ride along and the autosave keeps them.
 */
export class SessionController {
  private historyValue: History;
  private notesValue: Notes = emptyNotes();
  private pinnedValue: string[] = [];
  private appearanceValue: Appearance = defaultAppearance();
  /** Positions at the last step, reused while nothing moved so snapshots share them. */
  private positionsCache: Record<string, [number, number]> | null = null;
  /** The controller itself is setting the store (an action's result, a step travelled to): no edit to report. */
  private settingStore = false;
  private muted = 0;
  private listeners = new Set<ControllerListener>();
  private beforeUndo = new Set<() => void>();
  private unsubscribe: () => void;

  constructor(
    private readonly store: SessionStore,
    private readonly live: LiveLayout,
  ) {
    this.historyValue = createHistory(this.snapshot());
    this.unsubscribe = store.subscribe((state) => this.observe(state));
    store.handleActions((action) => this.act(action));
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

  /** Called before an undo: a change still being made becomes its step, which the undo then takes back. */
  onBeforeUndo(listener: () => void): () => void {
    this.beforeUndo.add(listener);
    return () => this.beforeUndo.delete(listener);
  }

  onChange(listener: ControllerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Actions dispatched until the returned function is called are applied but are no steps (the queries a share
   * link re-runs, say: the link opens as one step).
   */
  mute(): () => void {
    this.muted++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.muted--;
    };
  }

  /**
   * Applies a named action to the session and records it in History (`session/act.ts`), then sets the store to
   * the result. Throws, changing nothing, when the action refuses (a note too long).
   */
  act(named: NamedAction): void {
    if (named.step !== false && !KEEPS_POSITIONS.has(named.action.kind)) this.positionsChanged();
    const now = this.snapshot();
    const moving = named.step !== false ? this.positionsBeforeMove(named.action) : null;
    const before: SessionModel = { history: this.historyValue, current: moving ? { ...now, layout: { ...now.layout, positions: moving } } : now };
    const recording = this.muted === 0 && named.step !== false;
    const after = act(before, recording ? named : { ...named, step: false as const, name: "muted", state: named.state ?? ((s: SessionState) => s) }, { labelOf: (iri) => this.live.labelOf(iri) });
    if (after === before) return;
    this.historyValue = after.history;
    if (recording) {
      this.adoptExtras(after.current);
      this.positionsCache = after.current.layout.positions;
    }
    this.setStore(after.current.state);
    this.emit(after.history !== before.history ? "step" : "edit");
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
    return { state: this.store.get(), layout, appearance: this.appearanceValue, notes: this.notesValue };
  }

  /**
   * Where the nodes were before a drag or a layout run, which the drawn graph already shows done: the step's own
   * positions for the nodes it moves (for a run, all), the drawn ones for the rest.
   */
  private positionsBeforeMove(action: SessionAction): Record<string, [number, number]> | null {
    if (action.kind !== "move-nodes" && action.kind !== "layout") return null;
    const { entries, cursor } = this.historyValue;
    const atStep = entries[cursor]?.snapshot?.layout.positions ?? {};
    if (action.kind === "layout") return atStep;
    const out = this.live.positions();
    for (const node of action.params.nodes) if (Object.hasOwn(atStep, node)) out[node] = atStep[node];
    return out;
  }

  /** A store change made without an action (a click selecting, typed ends): no step; the autosave keeps it. */
  private observe(state: SessionState): void {
    // A query on its way is saved with the step it ends in.
    if (this.settingStore || state.path.status === "running" || state.neighbourhood.status === "running") return;
    this.emit("edit");
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
    this.act(actions.runLayout(this.live.positions()));
  }

  /** Nodes were dragged: the move is a step. */
  moved(nodes: string[]): void {
    const at = this.live.positions();
    this.act(actions.moveNodes(Object.fromEntries(nodes.filter((n) => Object.hasOwn(at, n)).map((n) => [n, at[n]]))));
  }

  /**
   * Goes to step `index` and returns its snapshot for the view to show (null when it cannot); the store is set to
   * its state without recording anything. The notes stay as they are: going back never takes a note away.
   */
  goTo(index: number): SessionSnapshot | null {
    return this.travel((model) => goToStep(model, index));
  }
  undo(): SessionSnapshot | null {
    // A change under way (a play run through the years) ends as its step first, so undo takes back that change.
    for (const listener of [...this.beforeUndo]) listener();
    return this.travel(undoStep);
  }
  redo(): SessionSnapshot | null {
    return this.travel(redoStep);
  }
  /** Returns to the last step of a branch (steps left by going back and acting); the steps it replaces become one. */
  goToBranch(id: string): SessionSnapshot | null {
    return this.travel((model) => goToBranch(model, id));
  }
  private travel(move: (model: SessionModel) => SessionModel): SessionSnapshot | null {
    const before: SessionModel = { history: this.historyValue, current: { ...this.snapshot(), notes: this.notesValue } };
    const after = move(before);
    if (after === before) return null;
    this.historyValue = after.history;
    this.adopt(after.current);
    this.emit("travel");
    return after.current;
  }

  /** Replaces the whole session (opened file, restored autosave, new session); the store takes the current state. */
  reset(history: History, current: SessionSnapshot): void {
    this.historyValue = history;
    this.adopt(current);
    this.emit("reset");
  }

  private adopt(snapshot: SessionSnapshot): void {
    this.adoptExtras(snapshot);
    this.positionsCache = snapshot.layout.positions;
    this.setStore(snapshot.state);
  }
  /** What the session keeps beside the store's state: notes, pins, appearance. */
  private adoptExtras(snapshot: SessionSnapshot): void {
    this.notesValue = snapshot.notes;
    this.pinnedValue = [...snapshot.layout.pinned];
    this.appearanceValue = snapshot.appearance;
  }
  private setStore(state: SessionState): void {
    this.settingStore = true;
    try {
      this.store.apply(() => state);
    } finally {
      this.settingStore = false;
    }
  }

  private emit(reason: Parameters<ControllerListener>[0]): void {
    for (const listener of [...this.listeners]) listener(reason);
  }

  kill(): void {
    this.store.handleActions(null);
    this.unsubscribe();
    this.listeners.clear();
  }
}
