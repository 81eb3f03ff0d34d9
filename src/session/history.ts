// Pure undo/redo over whole-session snapshots: a list of labelled actions, a cursor, and the snapshot after each step.
import { describeAction, type ActionKind, type RecordedResult, type SessionAction } from "./actions.ts";
import type { Appearance, SessionLayout } from "./layout.ts";
import type { Notes } from "./notes.ts";
import type { SessionState } from "./types.ts";

// The actions used to live here; they are re-exported so that importers keep working.
export * from "./actions.ts";

/**
 * The session after a step: the query state, where things are, how they look, and the notes as they were then (undo
 * never puts older notes back: see `undoTarget`; the notes at the cursor are the analyst's, kept by the caller).
 */
export interface SessionSnapshot {
  state: SessionState;
  layout: SessionLayout;
  appearance: Appearance;
  notes: Notes;
}

export interface HistoryEntry {
  /** Unique within the session, branches included (`h1`, `h2`, ...). */
  id: string;
  /** ISO 8601 time of the change. */
  at: string;
  /** For people: "Path Huawei → Kenya", "Hide Huawei". */
  label: string;
  action: SessionAction;
  /** What a query step found (path, neighbourhood, expand). */
  recorded?: RecordedResult;
  /** The whole session after this step; only the most recent MAX_SNAPSHOTS entries keep one. */
  snapshot?: SessionSnapshot;
}

/**
 * Steps the analyst went back from and then left by taking another step: nothing is dropped, they wait here until
 * the analyst returns to them (`switchBranch`).
 */
export interface Branch {
  /** Unique within the session (`b1`, `b2`, ...). */
  id: string;
  /** Id of the entry these steps followed (in the current line, or in another branch). */
  from: string;
  /** When the analyst left them (ISO 8601). */
  at: string;
  /** The steps, oldest first (at least one). */
  entries: HistoryEntry[];
}

/** entries[0] is the start; `cursor` is the entry whose snapshot is the current session; `branches` the steps left. */
export interface History {
  entries: HistoryEntry[];
  cursor: number;
  branches?: Branch[];
}

/** Entries kept in a history (older ones are dropped, oldest first). */
export const MAX_HISTORY = 2000;
/** Entries that keep their snapshot (older ones keep the action only, so they can be read and replayed, not restored). */
export const MAX_SNAPSHOTS = 200;
/** Branches kept (the oldest left is dropped first): each holds at most MAX_HISTORY entries. */
export const MAX_BRANCHES = 30;

/** Steps undo passes over: notes are the analyst's work and stay as they are (History still lists when they changed). */
export const keptKinds: readonly ActionKind[] = ["note"];
/** Steps undo cannot go back past: loaded data stays loaded, and earlier snapshots were made on other data. */
export const barrierKinds: readonly ActionKind[] = ["load"];

export function createHistory(initial: SessionSnapshot, at: string = new Date().toISOString(), label = "Start"): History {
  return { entries: [{ id: "h1", at, label, action: { kind: "start", params: {} }, snapshot: initial }], cursor: 0 };
}

export interface RecordOptions {
  label?: string;
  recorded?: RecordedResult;
  at?: string;
  /** IRI → label, for the default label. */
  labelOf?: (iri: string) => string;
}

/**
 * A new step after the cursor. The steps after the cursor (the redo steps every editor drops) become a branch, so
 * going back in History and then acting loses nothing.
 */
export function record(history: History, action: SessionAction, next: SessionSnapshot, options: RecordOptions = {}): History {
  const at = options.at ?? new Date().toISOString();
  const kept = history.entries.slice(0, history.cursor + 1);
  const left = history.entries.slice(history.cursor + 1);
  const id = `h${nextNumber(allEntries(history))}`;
  const entry: HistoryEntry = { id, at, label: options.label ?? describeAction(action, options.labelOf), action, snapshot: next };
  if (options.recorded) entry.recorded = options.recorded;
  let entries = [...kept, entry];
  if (entries.length > MAX_HISTORY) entries = entries.slice(entries.length - MAX_HISTORY);
  entries = dropOldSnapshots(entries);
  const branches = left.length ? [...(history.branches ?? []), newBranch(history, kept[kept.length - 1].id, left, at)] : (history.branches ?? []);
  return withBranches({ entries, cursor: entries.length - 1 }, branches);
}

/** Every entry of the history: the current line and every branch. */
export function allEntries(history: History): HistoryEntry[] {
  return [...history.entries, ...(history.branches ?? []).flatMap((b) => b.entries)];
}

function nextNumber(items: readonly { id: string }[]): number {
  let max = 0;
  for (const item of items) {
    const n = Number(item.id.slice(1));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max + 1;
}

function newBranch(history: History, from: string, entries: HistoryEntry[], at: string): Branch {
  return { id: `b${nextNumber(history.branches ?? [])}`, from, at, entries };
}

/** The history with these branches, less those that lost the step they followed and the oldest beyond MAX_BRANCHES. */
function withBranches(line: History, branches: readonly Branch[]): History {
  const known = new Set(line.entries.map((e) => e.id));
  let kept = branches.slice(-MAX_BRANCHES);
  // A branch may follow a step of another branch: keep adding those whose step is known until nothing changes.
  let reachable: Branch[] = [];
  for (let grew = true; grew; ) {
    grew = false;
    for (const branch of kept) {
      if (!known.has(branch.from)) continue;
      reachable.push(branch);
      for (const e of branch.entries) known.add(e.id);
      grew = true;
    }
    kept = kept.filter((b) => !reachable.includes(b));
  }
  reachable = branches.filter((b) => reachable.includes(b));
  return reachable.length ? { ...line, branches: reachable } : { entries: line.entries, cursor: line.cursor };
}

function dropOldSnapshots(entries: HistoryEntry[]): HistoryEntry[] {
  const keepFrom = entries.length - MAX_SNAPSHOTS;
  if (keepFrom <= 0) return entries;
  return entries.map((entry, i) => {
    if (i >= keepFrom || entry.snapshot === undefined) return entry;
    const { snapshot: _dropped, ...rest } = entry;
    return rest;
  });
}

/** Index of the last load at or before the cursor: no step before it can be restored (0 when there is none). */
export function firstRestorable(history: History): number {
  for (let i = Math.min(history.cursor, history.entries.length - 1); i > 0; i--) if (barrierKinds.includes(history.entries[i].action.kind)) return i;
  return 0;
}

/** Whether the session can go to entry `index`: it exists, kept its snapshot, and no data was loaded since. */
export function canGoTo(history: History, index: number): boolean {
  return Number.isInteger(index) && index >= firstRestorable(history) && index < history.entries.length && history.entries[index].snapshot !== undefined;
}

const isKept = (entry: HistoryEntry) => keptKinds.includes(entry.action.kind);

/**
 * Where undo goes: back before the latest step at the cursor that changed more than notes (note steps are passed
 * over: undo never takes a note back), never past a load; -1 when there is nothing to undo.
 */
export function undoTarget(history: History): number {
  let step = history.cursor;
  while (step > 0 && isKept(history.entries[step])) step--;
  return step > 0 && canGoTo(history, step - 1) ? step - 1 : -1;
}

/** Where redo goes: through the next step that changes more than notes and the note steps after it; -1 when none. */
export function redoTarget(history: History): number {
  const { entries, cursor } = history;
  if (cursor >= entries.length - 1) return -1;
  let step = cursor + 1;
  while (step < entries.length && isKept(entries[step])) step++;
  let end = Math.min(step, entries.length - 1);
  while (end + 1 < entries.length && isKept(entries[end + 1])) end++;
  return canGoTo(history, end) ? end : -1;
}

export const canUndo = (history: History): boolean => undoTarget(history) >= 0;
export const canRedo = (history: History): boolean => redoTarget(history) >= 0;

/** The history with the cursor on entry `index`; unchanged when that entry cannot be restored. */
export function goTo(history: History, index: number): History {
  return canGoTo(history, index) && index !== history.cursor ? { ...history, cursor: index } : history;
}
export const undo = (history: History): History => goTo(history, undoTarget(history));
export const redo = (history: History): History => goTo(history, redoTarget(history));

/** The session at the cursor. */
export function currentSnapshot(history: History): SessionSnapshot | undefined {
  return history.entries[history.cursor]?.snapshot;
}

/** Index in the current line of the step a branch (or the branch it follows, and so on) grew from; -1 when lost. */
export function forkIndex(history: History, branch: Branch): number {
  const branches = history.branches ?? [];
  let from = branch.from;
  for (let hops = 0; hops <= branches.length; hops++) {
    const at = history.entries.findIndex((e) => e.id === from);
    if (at >= 0) return at;
    const parent = branches.find((b) => b.entries.some((e) => e.id === from));
    if (!parent) return -1;
    from = parent.from;
  }
  return -1;
}

/** Whether the analyst can return to a branch: its last step kept its snapshot and no data was loaded since it grew. */
export function canSwitchBranch(history: History, id: string): boolean {
  const branch = history.branches?.find((b) => b.id === id);
  if (!branch || branch.entries.at(-1)?.snapshot === undefined) return false;
  if (branch.entries.some((e) => barrierKinds.includes(e.action.kind))) return false;
  return forkIndex(history, branch) >= firstRestorable(history);
}

/**
 * Returns to a branch's last step: its steps follow the step they grew from again, and the steps they replace
 * become a branch in turn (nothing is dropped). Unchanged when the branch cannot be returned to.
 */
export function switchBranch(history: History, id: string, at: string = new Date().toISOString()): History {
  if (!canSwitchBranch(history, id)) return history;
  const branches = history.branches ?? [];
  const branch = branches.find((b) => b.id === id)!;
  let line = history;
  if (!line.entries.some((e) => e.id === branch.from)) {
    // It grew from a step of another branch: that one comes back first.
    const parent = branches.find((b) => b.entries.some((e) => e.id === branch.from));
    if (!parent) return history;
    line = switchBranch(history, parent.id, at);
  }
  const fork = line.entries.findIndex((e) => e.id === branch.from);
  if (fork < 0) return history;
  const left = line.entries.slice(fork + 1);
  const others = (line.branches ?? []).filter((b) => b.id !== id);
  let entries = [...line.entries.slice(0, fork + 1), ...branch.entries];
  if (entries.length > MAX_HISTORY) entries = entries.slice(entries.length - MAX_HISTORY);
  entries = dropOldSnapshots(entries);
  const replaced: Branch[] = left.length ? [{ id: `b${nextNumber([...others, branch])}`, from: branch.from, at, entries: left }] : [];
  return withBranches({ entries, cursor: entries.length - 1 }, [...others, ...replaced]);
}
