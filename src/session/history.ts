// Pure undo/redo over whole-session snapshots: a list of labelled actions, a cursor, and the snapshot after each step.
import type { Appearance, SessionLayout } from "./layout.ts";
import type { Notes } from "./notes.ts";
import type { Direction, PathOptions, PathResultView, SessionState, YearRange } from "./types.ts";

/** An edge by its triple, which stays the same when edge ids (`e<id>`) change with the data. */
export interface EdgeTriple {
  source: string;
  predicate: string;
  target: string;
}

export interface RecordedPath {
  nodes: string[];
  /** The triples walked, in travel order. */
  edges: EdgeTriple[];
  /** One sentence per hop, with its quote (as the workbench showed it). */
  explanation?: string[];
}

/** What a query step found, by IRI and triple, so a replay on other data can say what changed. */
export interface RecordedResult {
  nodes: string[];
  edges: EdgeTriple[];
  /** For path queries: each path found, shortest first. */
  paths?: RecordedPath[];
  /** For neighbourhoods: whether the node cap cut the result. */
  truncated?: boolean;
  /** Why nothing was found, or what failed. */
  message?: string;
  /** For SPARQL steps: rows (SELECT), 1/0 (ASK) or triples (CONSTRUCT/DESCRIBE) returned. */
  rows?: number;
}

export interface NeighbourhoodParams {
  centers: string[];
  depth: number;
  direction: Direction;
  classes: string[];
  predicates: string[];
  /** Cap on nodes, as the query ran. */
  limit: number;
  mode: "only" | "highlight";
}

/** Every change the workbench makes, as plain data: a kind and its parameters. */
export type SessionAction =
  | { kind: "start"; params: Record<string, never> }
  | { kind: "load"; params: { sources: string[]; replace: boolean } }
  | { kind: "path"; params: { from: string; to: string; options: PathOptions } }
  | { kind: "choose-path"; params: { index: number } }
  | { kind: "neighbourhood"; params: NeighbourhoodParams }
  | { kind: "expand"; params: { node: string; limit: number } }
  | { kind: "add-nodes"; params: { nodes: string[] } }
  | { kind: "hide-nodes"; params: { nodes: string[] } }
  | { kind: "show-all-nodes"; params: Record<string, never> }
  | { kind: "toggle-class"; params: { class: string } }
  | { kind: "toggle-predicate"; params: { predicate: string } }
  | { kind: "date-range"; params: { range: YearRange | null } }
  | { kind: "show-schema"; params: { on: boolean } }
  | { kind: "reset-filters"; params: Record<string, never> }
  | { kind: "select"; params: { node?: string; edge?: string } }
  | { kind: "clear-focus"; params: Record<string, never> }
  | { kind: "move-nodes"; params: { nodes: string[] } }
  | { kind: "layout"; params: Record<string, never> }
  | { kind: "pin"; params: { nodes: string[]; pinned: boolean } }
  | { kind: "note"; params: { target: "session" | "node" | "edge"; key: string } }
  | { kind: "appearance"; params: { setting: string } }
  | { kind: "edge-labels"; params: { on: boolean } }
  | { kind: "sparql"; params: { query: string; target: string } };

export type ActionKind = SessionAction["kind"];
/** Actions that run a query on the data (what replay re-runs). */
export const queryKinds: readonly ActionKind[] = ["path", "neighbourhood", "expand"];

/** Everything undo restores: the query state, where things are, how they look and the notes. */
export interface SessionSnapshot {
  state: SessionState;
  layout: SessionLayout;
  appearance: Appearance;
  notes: Notes;
}

export interface HistoryEntry {
  /** Unique within the session (`h1`, `h2`, ...). */
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

/** entries[0] is the start; `cursor` is the entry whose snapshot is the current session. */
export interface History {
  entries: HistoryEntry[];
  cursor: number;
}

/** Entries kept in a history (older ones are dropped, oldest first). */
export const MAX_HISTORY = 2000;
/** Entries that keep their snapshot (older ones keep the action only, so they can be read and replayed, not restored). */
export const MAX_SNAPSHOTS = 200;

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

/** A new step after the cursor: redo steps beyond the cursor are dropped, as in every editor. */
export function record(history: History, action: SessionAction, next: SessionSnapshot, options: RecordOptions = {}): History {
  const kept = history.entries.slice(0, history.cursor + 1);
  const id = `h${nextIdNumber(history.entries)}`;
  const entry: HistoryEntry = {
    id,
    at: options.at ?? new Date().toISOString(),
    label: options.label ?? describeAction(action, options.labelOf),
    action,
    snapshot: next,
  };
  if (options.recorded) entry.recorded = options.recorded;
  let entries = [...kept, entry];
  if (entries.length > MAX_HISTORY) entries = entries.slice(entries.length - MAX_HISTORY);
  entries = dropOldSnapshots(entries);
  return { entries, cursor: entries.length - 1 };
}

function nextIdNumber(entries: readonly HistoryEntry[]): number {
  let max = 0;
  for (const entry of entries) {
    const n = Number(entry.id.slice(1));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max + 1;
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

/** Whether the session can go to entry `index` (it exists and kept its snapshot). */
export function canGoTo(history: History, index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < history.entries.length && history.entries[index].snapshot !== undefined;
}
export const canUndo = (history: History): boolean => canGoTo(history, history.cursor - 1);
export const canRedo = (history: History): boolean => canGoTo(history, history.cursor + 1);

/** The history with the cursor on entry `index`; unchanged when that entry cannot be restored. */
export function goTo(history: History, index: number): History {
  return canGoTo(history, index) && index !== history.cursor ? { entries: history.entries, cursor: index } : history;
}
export const undo = (history: History): History => goTo(history, history.cursor - 1);
export const redo = (history: History): History => goTo(history, history.cursor + 1);

/** The session at the cursor. */
export function currentSnapshot(history: History): SessionSnapshot | undefined {
  return history.entries[history.cursor]?.snapshot;
}

const shortName = (iri: string): string => {
  const cut = Math.max(iri.lastIndexOf("/"), iri.lastIndexOf("#"), iri.lastIndexOf(":"));
  return decodeSafe(iri.slice(cut + 1)) || iri;
};
function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A label for people: "Path Huawei → Kenya", "Hide Huawei", "Neighbourhood of DJI (2 hops)". */
export function describeAction(action: SessionAction, labelOf: (iri: string) => string = shortName): string {
  const name = (iri: string) => labelOf(iri) || shortName(iri);
  const names = (list: readonly string[]) => (list.length <= 3 ? list.map(name).join(", ") : `${list.slice(0, 2).map(name).join(", ")} and ${list.length - 2} more`);
  switch (action.kind) {
    case "start": return "Start";
    case "load": return `${action.params.replace ? "Open" : "Add"} ${names(action.params.sources)}`;
    case "path": return `Path ${name(action.params.from)} → ${name(action.params.to)}`;
    case "choose-path": return `Show path ${action.params.index + 1}`;
    case "neighbourhood": return `Neighbourhood of ${names(action.params.centers)} (${plural(action.params.depth, "hop")}, ${action.params.direction})`;
    case "expand": return `Expand ${name(action.params.node)}`;
    case "add-nodes": return `Add ${names(action.params.nodes)}`;
    case "hide-nodes": return `Hide ${names(action.params.nodes)}`;
    case "show-all-nodes": return "Show hidden nodes";
    case "toggle-class": return `Show/hide class ${name(action.params.class)}`;
    case "toggle-predicate": return `Show/hide relation ${name(action.params.predicate)}`;
    case "date-range": return action.params.range ? `Dates ${action.params.range.from}–${action.params.range.to}` : "All dates";
    case "show-schema": return action.params.on ? "Show schema" : "Hide schema";
    case "reset-filters": return "Reset filters";
    case "select": return action.params.node ? `Select ${name(action.params.node)}` : action.params.edge ? "Select a relation" : "Clear selection";
    case "clear-focus": return "Clear highlight";
    case "move-nodes": return `Move ${names(action.params.nodes)}`;
    case "layout": return "Layout run";
    case "pin": return `${action.params.pinned ? "Pin" : "Unpin"} ${names(action.params.nodes)}`;
    case "note": return action.params.target === "session" ? "Edit session note" : `Note on ${action.params.target === "node" ? name(action.params.key) : "a relation"}`;
    case "appearance": return `Appearance: ${action.params.setting}`;
    case "edge-labels": return action.params.on ? "Show relation labels" : "Hide relation labels";
    case "sparql": return sparqlLabel(action.params.query, action.params.target);
  }
}

/** "SPARQL SELECT ?company ?label WHERE {" (the query from its form keyword, one line), with the endpoint's host when remote. */
export function sparqlLabel(query: string, target = "local"): string {
  const body = query.replace(/^\s*#[^\n]*/gm, " ");
  const start = body.search(/\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i);
  const text = (start >= 0 ? body.slice(start) : body).replace(/\s+/g, " ").trim();
  const head = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const host = /^https?:\/\/([^/]+)/.exec(target)?.[1];
  return `SPARQL ${head.replace(/^(select|ask|construct|describe)\b/i, (k) => k.toUpperCase())}${host ? ` on ${host}` : ""}`;
}

/** The triple of a path step as the workbench records it (from/to are in travel order). */
export function stepTriple(step: { from: string; to: string; predicate: string; forward: boolean }): EdgeTriple {
  return step.forward ? { source: step.from, predicate: step.predicate, target: step.to } : { source: step.to, predicate: step.predicate, target: step.from };
}

/** The recorded result of a path query from the workbench's result views. */
export function recordPaths(results: readonly PathResultView[], message = ""): RecordedResult {
  const paths: RecordedPath[] = results.map((r) => ({ nodes: [...r.nodes], edges: r.steps.map(stepTriple), explanation: [...r.explanation] }));
  const out: RecordedResult = { nodes: uniqueStrings(paths.flatMap((p) => p.nodes)), edges: uniqueTriples(paths.flatMap((p) => p.edges)), paths };
  if (message) out.message = message;
  return out;
}

/** The recorded result of a neighbourhood or expansion, from its nodes and its edges' triples. */
export function recordNeighbourhood(nodes: readonly string[], edges: readonly EdgeTriple[], truncated: boolean): RecordedResult {
  return { nodes: uniqueStrings(nodes), edges: uniqueTriples(edges), truncated };
}

/** A stable text key for a triple: `<s> <p> <o>` (IRIs have no spaces, so it splits back unambiguously). */
export function tripleKey(t: EdgeTriple): string {
  return `${t.source} ${t.predicate} ${t.target}`;
}
export function parseTripleKey(key: string): EdgeTriple | undefined {
  const parts = key.split(" ");
  return parts.length === 3 && parts.every((p) => p !== "") ? { source: parts[0], predicate: parts[1], target: parts[2] } : undefined;
}

function uniqueStrings(list: readonly string[]): string[] {
  return [...new Set(list)];
}
function uniqueTriples(list: readonly EdgeTriple[]): EdgeTriple[] {
  const seen = new Map<string, EdgeTriple>();
  for (const t of list) if (!seen.has(tripleKey(t))) seen.set(tripleKey(t), { source: t.source, predicate: t.predicate, target: t.target });
  return [...seen.values()];
}
