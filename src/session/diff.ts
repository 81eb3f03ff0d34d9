// Diff of two sessions: the nodes, relations (by triple), notes and queries one has and the other has not.
import type { SessionFile } from "./format.ts";
import { describeAction, queryKinds, tripleKey, type EdgeTriple } from "./history.ts";

/** What a session found: the nodes and relations added to the view and those of its current query results. */
export interface SessionContent {
  nodes: string[];
  edges: EdgeTriple[];
}

/** Nodes and relations of a session: added to the view, the current path results and neighbourhood (edges by triple). */
export function sessionContent(file: SessionFile): SessionContent {
  const nodes = new Set<string>();
  const edges = new Map<string, EdgeTriple>();
  const addEdge = (t: EdgeTriple | undefined) => {
    if (t) edges.set(tripleKey(t), { source: t.source, predicate: t.predicate, target: t.target });
  };
  const byKey = (key: string) => (Object.hasOwn(file.edges, key) ? file.edges[key] : undefined);
  const s = file.state;
  s.added.nodes.forEach((n) => nodes.add(n));
  s.added.edges.forEach((k) => addEdge(byKey(k)));
  for (const result of s.path.results) {
    result.nodes.forEach((n) => nodes.add(n));
    for (const step of result.steps) addEdge(step.forward ? { source: step.from, predicate: step.predicate, target: step.to } : { source: step.to, predicate: step.predicate, target: step.from });
  }
  if (s.neighbourhood.result) {
    s.neighbourhood.result.nodes.forEach((n) => nodes.add(n.node));
    s.neighbourhood.result.edges.forEach((k) => addEdge(byKey(k)));
  }
  for (const t of edges.values()) {
    nodes.add(t.source);
    nodes.add(t.target);
  }
  return { nodes: [...nodes].sort(), edges: [...edges.values()].sort((a, b) => tripleKey(a).localeCompare(tripleKey(b))) };
}

export interface AddedRemoved<T> {
  added: T[];
  removed: T[];
}

export interface NoteChange {
  /** "session", a node IRI, or an edge triple key. */
  target: "session" | "node" | "edge";
  key: string;
  before: string;
  after: string;
}

export interface SessionDiff {
  nodes: AddedRemoved<string>;
  edges: AddedRemoved<EdgeTriple>;
  notes: { added: NoteChange[]; removed: NoteChange[]; changed: NoteChange[] };
  /** Query steps (compared by kind and parameters, listed by label) in one session's history and not the other's. */
  queries: AddedRemoved<string>;
}

/** What `b` has that `a` has not (added), and the reverse (removed). */
export function diffSessions(a: SessionFile, b: SessionFile): SessionDiff {
  const ca = sessionContent(a), cb = sessionContent(b);
  const na = new Set(ca.nodes), nb = new Set(cb.nodes);
  const ea = new Set(ca.edges.map(tripleKey)), eb = new Set(cb.edges.map(tripleKey));
  return {
    nodes: { added: cb.nodes.filter((n) => !na.has(n)), removed: ca.nodes.filter((n) => !nb.has(n)) },
    edges: { added: cb.edges.filter((t) => !ea.has(tripleKey(t))), removed: ca.edges.filter((t) => !eb.has(tripleKey(t))) },
    notes: diffNotes(a, b),
    queries: diffQueries(a, b),
  };
}

function diffNotes(a: SessionFile, b: SessionFile): SessionDiff["notes"] {
  const out: SessionDiff["notes"] = { added: [], removed: [], changed: [] };
  const compare = (target: NoteChange["target"], before: Record<string, string>, after: Record<string, string>) => {
    for (const key of Object.keys(after).sort()) {
      const was = Object.hasOwn(before, key) ? before[key] : undefined;
      if (was === undefined) out.added.push({ target, key, before: "", after: after[key] });
      else if (was !== after[key]) out.changed.push({ target, key, before: was, after: after[key] });
    }
    for (const key of Object.keys(before).sort()) if (!Object.hasOwn(after, key)) out.removed.push({ target, key, before: before[key], after: "" });
  };
  compare("session", a.notes.session.trim() ? { session: a.notes.session } : {}, b.notes.session.trim() ? { session: b.notes.session } : {});
  compare("node", a.notes.nodes, b.notes.nodes);
  compare("edge", a.notes.edges, b.notes.edges);
  return out;
}

/** The query steps up to the cursor, keyed by what was asked (kind and parameters), with the label shown. */
function queries(file: SessionFile): Map<string, string> {
  const out = new Map<string, string>();
  file.history.forEach((entry, i) => {
    if (i > file.cursor || !queryKinds.includes(entry.action.kind)) return;
    const key = canonical(entry.action);
    if (!out.has(key)) out.set(key, entry.label || describeAction(entry.action));
  });
  return out;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function diffQueries(a: SessionFile, b: SessionFile): AddedRemoved<string> {
  const qa = queries(a), qb = queries(b);
  return { added: [...qb].filter(([k]) => !qa.has(k)).map(([, label]) => label), removed: [...qa].filter(([k]) => !qb.has(k)).map(([, label]) => label) };
}

/** Whether the two sessions differ in anything the diff reports. */
export function isEmptyDiff(d: SessionDiff): boolean {
  return [d.nodes.added, d.nodes.removed, d.edges.added, d.edges.removed, d.notes.added, d.notes.removed, d.notes.changed, d.queries.added, d.queries.removed].every((l) => l.length === 0);
}
