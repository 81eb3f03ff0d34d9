// Snapshot positions as a session file writes them: left out where they repeat the snapshot before, filled on reading.
import type { Branch, HistoryEntry } from "./history.ts";
import type { SessionLayout } from "./layout.ts";
import { SessionFileError } from "./schema.ts";

type Positions = SessionLayout["positions"];
/** What holds snapshots: the history and its branches (a SessionFile, or its parts). */
interface Steps {
  history: HistoryEntry[];
  branches?: Branch[];
}

/**
 * A list of entries as written (version 2): a snapshot whose positions are the very object of the snapshot before it
 * (no node moved in that step; the session controller reuses the object until one does) leaves them out; `previous`
 * is what comes before the first (for a branch, the step it grew from). Why: they are most of a snapshot (2,000
 * nodes: ~140 KB) and most steps move nothing; written in full, 100 steps on the 2,000-node overview made each
 * autosave 15 MB and 0.3 s of the page's time.
 */
export function withRepeatedPositionsLeftOut(entries: readonly HistoryEntry[], previous?: Positions): HistoryEntry[] {
  return entries.map((entry) => {
    if (!entry.snapshot) return entry;
    const positions = entry.snapshot.layout.positions;
    const repeated = positions === previous;
    previous = positions;
    if (!repeated) return entry;
    const { positions: _left, ...layout } = entry.snapshot.layout;
    return { ...entry, snapshot: { ...entry.snapshot, layout: layout as SessionLayout } };
  });
}

function positionsById(entries: readonly HistoryEntry[], into = new Map<string, Positions>()): Map<string, Positions> {
  for (const entry of entries) if (entry.snapshot?.layout.positions) into.set(entry.id, entry.snapshot.layout.positions);
  return into;
}

/** The history and branches as written: each branch's first snapshot follows the step it grew from. */
export function stepsForWriting<F extends Steps>(file: F): F {
  const byId = positionsById([...file.history, ...(file.branches ?? []).flatMap((b) => b.entries)]);
  const branches = file.branches?.map((b) => ({ ...b, entries: withRepeatedPositionsLeftOut(b.entries, byId.get(b.from)) }));
  return { ...file, history: withRepeatedPositionsLeftOut(file.history), ...(branches ? { branches } : {}) };
}

/** The inverse: a snapshot without positions gets the previous snapshot's (the same object). */
function withLeftOutPositionsFilled(entries: readonly HistoryEntry[], at: string, previous?: Positions): HistoryEntry[] {
  return entries.map((entry, i) => {
    if (!entry.snapshot) return entry;
    const positions = entry.snapshot.layout.positions ?? previous;
    if (positions === undefined) {
      throw new SessionFileError(`${at}[${i}].snapshot.layout.positions`, "missing: the first snapshot lists the positions (later ones may leave out those that did not change)", "missing-field");
    }
    previous = positions;
    return entry.snapshot.layout.positions ? entry : { ...entry, snapshot: { ...entry.snapshot, layout: { ...entry.snapshot.layout, positions } } };
  });
}

/** Every left-out position filled in: the history's, then each branch's once the step it grew from is filled. */
export function withPositionsFilled<F extends Steps>(file: F): F {
  const history = withLeftOutPositionsFilled(file.history, "history");
  if (!file.branches) return { ...file, history };
  const byId = positionsById(history);
  const branches = [...file.branches];
  const pending = new Set(branches.keys());
  const growsFromPending = (b: Branch) => [...pending].some((j) => branches[j] !== b && branches[j].entries.some((e) => e.id === b.from));
  for (let progress = true; progress && pending.size > 0; ) {
    progress = false;
    for (const i of [...pending]) {
      // A branch may grow from a step of another branch (and be listed before it): that one is filled first.
      if (!byId.has(branches[i].from) && growsFromPending(branches[i])) continue;
      branches[i] = { ...branches[i], entries: withLeftOutPositionsFilled(branches[i].entries, `branches[${i}].entries`, byId.get(branches[i].from)) };
      positionsById(branches[i].entries, byId);
      pending.delete(i);
      progress = true;
    }
  }
  // Branches that grow from each other in a circle (a damaged file): their first snapshot must list positions.
  for (const i of pending) branches[i] = { ...branches[i], entries: withLeftOutPositionsFilled(branches[i].entries, `branches[${i}].entries`) };
  return { ...file, history, branches };
}
