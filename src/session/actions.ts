// Every change the workbench makes, as plain data (a kind and its parameters), its label for people, and what a query step found.
import type { Direction, ForceAtlas2Choice, PathOptions, PathResultView, YearRange } from "./types.ts";
import { forceAtlas2Label } from "./layout-settings.ts";
import { localName as shortName } from "../graph/labels.ts";

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
  /** For authoring steps: the addition's Turtle (what redo loads again). */
  turtle?: string;
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
  | { kind: "connect"; params: { terminals: string[]; options: PathOptions } }
  | { kind: "choose-path"; params: { index: number } }
  | { kind: "neighbourhood"; params: NeighbourhoodParams }
  | { kind: "expand"; params: { node: string; limit: number; predicates?: string[] } }
  | { kind: "add-nodes"; params: { nodes: string[] } }
  | { kind: "hide-nodes"; params: { nodes: string[] } }
  | { kind: "show-all-nodes"; params: Record<string, never> }
  | { kind: "toggle-class"; params: { class: string } }
  | { kind: "toggle-predicate"; params: { predicate: string } }
  | { kind: "date-range"; params: { range: YearRange | null } }
  | { kind: "undated"; params: { shown: boolean } }
  | { kind: "show-schema"; params: { on: boolean } }
  | { kind: "reset-filters"; params: Record<string, never> }
  | { kind: "source-filter"; params: { source?: string; shown?: boolean; minSources?: number; colour?: boolean } }
  | { kind: "select"; params: { node?: string; edge?: string } }
  | { kind: "clear-focus"; params: Record<string, never> }
  | { kind: "move-nodes"; params: { nodes: string[] } }
  | { kind: "layout"; params: Record<string, never> }
  | { kind: "layout-settings"; params: { settings: ForceAtlas2Choice | null } }
  | { kind: "pin"; params: { nodes: string[]; pinned: boolean } }
  | { kind: "note"; params: { target: "session" | "node" | "edge"; key: string } }
  | { kind: "appearance"; params: { setting: string } }
  | { kind: "edge-labels"; params: { on: boolean } }
  | { kind: "sparql"; params: { query: string; target: string } }
  | { kind: "author"; params: { op: "accept" | "relation" | "source"; iri: string; sha256: string } }
  | { kind: "reject-candidate"; params: { source: string; quote: string; subject: string; predicate: string; object: string } };

export type ActionKind = SessionAction["kind"];
/** Actions that run a query on the data (what replay re-runs). */
export const queryKinds: readonly ActionKind[] = ["path", "connect", "neighbourhood", "expand"];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A label for people: "Path Huawei → Kenya", "Hide Huawei", "Neighbourhood of DJI (2 hops)". */
export function describeAction(action: SessionAction, labelOf: (iri: string) => string = shortName): string {
  const name = (iri: string) => labelOf(iri) || shortName(iri);
  const names = (list: readonly string[]) => (list.length <= 3 ? list.map(name).join(", ") : `${list.slice(0, 2).map(name).join(", ")} and ${list.length - 2} more`);
  switch (action.kind) {
    case "start": return "Start";
    case "load": return `${action.params.replace ? "Open" : "Add"} ${names(action.params.sources)}`;
    case "path": return `Path ${name(action.params.from)} → ${name(action.params.to)}`;
    case "connect": return `Connect ${names(action.params.terminals)}`;
    case "choose-path": return `Show path ${action.params.index + 1}`;
    case "neighbourhood": return `Neighbourhood of ${names(action.params.centers)} (${plural(action.params.depth, "hop")}, ${action.params.direction})`;
    case "expand": return `Expand ${name(action.params.node)}${action.params.predicates?.length ? ` by ${names(action.params.predicates)}` : ""}`;
    case "add-nodes": return `Add ${names(action.params.nodes)}`;
    case "hide-nodes": return `Hide ${names(action.params.nodes)}`;
    case "show-all-nodes": return "Show hidden nodes";
    case "toggle-class": return `Show/hide class ${name(action.params.class)}`;
    case "toggle-predicate": return `Show/hide relation ${name(action.params.predicate)}`;
    case "date-range": return action.params.range ? `Dates ${action.params.range.from}–${action.params.range.to}` : "All dates";
    case "undated": return action.params.shown ? "Show undated relations" : "Hide undated relations";
    case "show-schema": return action.params.on ? "Show schema" : "Hide schema";
    case "reset-filters": return "Reset filters";
    case "source-filter": return sourceFilterLabel(action.params, name);
    case "select": return action.params.node ? `Select ${name(action.params.node)}` : action.params.edge ? "Select a relation" : "Clear selection";
    case "clear-focus": return "Clear highlight";
    case "move-nodes": return `Move ${names(action.params.nodes)}`;
    case "layout": return "Layout run";
    case "layout-settings": return forceAtlas2Label(action.params.settings);
    case "pin": return `${action.params.pinned ? "Pin" : "Unpin"} ${names(action.params.nodes)}`;
    case "note": return action.params.target === "session" ? "Edit session note" : `Note on ${action.params.target === "node" ? name(action.params.key) : "a relation"}`;
    case "appearance": return `Appearance: ${action.params.setting}`;
    case "edge-labels": return action.params.on ? "Show relation labels" : "Hide relation labels";
    case "sparql": return sparqlLabel(action.params.query, action.params.target);
    case "author": return `${action.params.op === "source" ? "Add source" : action.params.op === "accept" ? "Accept relation" : "New relation"}: ${name(action.params.iri)}`;
    case "reject-candidate": return `Reject candidate: ${name(action.params.subject)} – ${name(action.params.predicate)} – ${name(action.params.object)}`;
  }
}

/** "Hide source Carnegie AI Global Surveillance Index, 2019", "Relations stated by ≥ 2 sources", "Colour relations by source". */
function sourceFilterLabel(params: { source?: string; shown?: boolean; minSources?: number; colour?: boolean }, name: (iri: string) => string): string {
  if (params.source !== undefined) return `${params.shown ? "Show" : "Hide"} source ${name(params.source)}`;
  if (params.minSources !== undefined) return params.minSources > 1 ? `Relations stated by ≥ ${params.minSources} sources` : "Relations stated by any source";
  return params.colour ? "Colour relations by source" : "Relations not coloured by source";
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
