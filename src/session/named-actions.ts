// The workbench's changes by name (runPath, hideNodes, writeNote, loadFile, ...): each builds the NamedAction that `act` applies and records.
import { recordNeighbourhood, recordPaths, tripleKey, type EdgeTriple, type NeighbourhoodParams } from "./actions.ts";
import type { EditAction, StepAction as NamedAction } from "./act.ts";
import { moveNodes as moveProducer, setPinned, type Appearance, type ColourBy, type SizeBy } from "./layout.ts";
import { setEdgeNote, setNodeNote, setSessionNote } from "./notes.ts";
import * as produce from "./producers.ts";
import { connectFailed, connectFinished } from "./path-query.ts";
import * as sources from "./source-settings.ts";
import { setForceAtlas2 } from "./layout-settings.ts";
import { playLabel, setUndatedShown } from "./time-settings.ts";
import type { ForceAtlas2Choice, NeighbourhoodResultView, PathOptions, PathResultView, Selection, SparqlQueryRecord, YearRange } from "./types.ts";

/** Nodes and edges a step adds to the drawn graph beyond the overview. */
export interface Added {
  nodes: readonly string[];
  edges: readonly string[];
}
const none: Added = { nodes: [], edges: [] };
/** Milliseconds within which slider moves of the same kind are one step. */
export const SLIDER_COALESCE_MS = 1500;

/** Applies producers in order (an action's state change is often a few). */
const all = (...producers: produce.Producer[]): produce.Producer => (state) => producers.reduce((s, p) => p(s), state);
const withAdded = (added: Added) => (added.nodes.length || added.edges.length ? produce.addToView(added.nodes, added.edges) : (s: ReturnType<produce.Producer>) => s);

/** A path query that finished (`results`, maybe none with `message`) or failed (`error`). */
export type PathOutcome = { results: PathResultView[]; message?: string } | { error: string };
/**
 * A neighbourhood query that finished or failed. `relations` are the result's edges as triples (the result names
 * them by edge key, which changes with the data): History records them, so reports and replays list what was shown.
 */
export type NeighbourhoodOutcome = { result: NeighbourhoodResultView; relations: readonly EdgeTriple[]; message?: string } | { error: string };

export const actions = {
  /** No step of its own: a selection rides along in the next step (the workbench sets it with `store.apply`). */
  select: (selection: Selection): EditAction => ({ step: false, name: "select", state: (s) => ({ ...s, selection }) }),

  runPath(query: { from: string; to: string; options: PathOptions }, outcome: PathOutcome, added: Added = none): NamedAction {
    const finish = "error" in outcome ? produce.pathFailed(outcome.error) : produce.pathFinished(outcome.results, outcome.message);
    const recorded = "error" in outcome ? recordPaths([], outcome.error) : recordPaths(outcome.results, outcome.message);
    // The tab's ends are the query's (an endpoint's path is typed in its own panel).
    return { action: { kind: "path", params: { from: query.from, to: query.to, options: query.options } }, recorded, state: all(produce.setPathEnds(query.from, query.to), withAdded(added), finish) };
  },
  /** Several entities joined by one tree of relations (issue 18), kept in the path state as one result. */
  runConnect(query: { terminals: readonly string[]; options: PathOptions }, outcome: PathOutcome, added: Added = none): NamedAction {
    const finish = "error" in outcome ? connectFailed(query.terminals, outcome.error) : connectFinished(query.terminals, outcome.results, outcome.message);
    const recorded = "error" in outcome ? recordPaths([], outcome.error) : recordPaths(outcome.results, outcome.message);
    return { action: { kind: "connect", params: { terminals: [...query.terminals], options: query.options } }, recorded, state: all(withAdded(added), finish) };
  },
  choosePath: (index: number): NamedAction => ({ action: { kind: "choose-path", params: { index } }, state: produce.choosePath(index) }),
  runNeighbourhood(params: NeighbourhoodParams, outcome: NeighbourhoodOutcome, added: Added = none): NamedAction {
    if ("error" in outcome) {
      return { action: { kind: "neighbourhood", params }, recorded: { nodes: [], edges: [], message: outcome.error }, state: produce.neighbourhoodFailed(outcome.error) };
    }
    const recorded = recordNeighbourhood(outcome.result.nodes.map((n) => n.node), outcome.relations, outcome.result.truncated);
    // The tab shows the query that ran (an endpoint's Explore has its own centre and depth), with its node cap.
    const { centers, depth, direction, classes, predicates, mode, limit } = params;
    const ran = all(produce.setNeighbourhoodCenters([...centers]), produce.setNeighbourhoodOptions({ depth, direction, classes: [...classes], predicates: [...predicates], mode }));
    return { action: { kind: "neighbourhood", params }, recorded, state: all(ran, withAdded(added), produce.neighbourhoodFinished({ ...outcome.result, limit }, outcome.message)) };
  },
  /**
   * A double-click (or the context menu's Expand): the node's neighbours, or with `predicates` only those joined by
   * relations of these predicates, are added, hidden ones among them (`reveal`) shown again, the node selected.
   * `relations`: the node's relations the expansion drew, as triples (recorded for reports and replays).
   */
  expand(node: string, limit: number, added: Added, reveal: readonly string[] = [], predicates: readonly string[] = [], relations: readonly EdgeTriple[] = []): NamedAction {
    const gone = new Set(reveal);
    const unhide: produce.Producer = (s) =>
      gone.size && s.filters.hiddenNodes.some((n) => gone.has(n)) ? { ...s, filters: { ...s.filters, hiddenNodes: s.filters.hiddenNodes.filter((n) => !gone.has(n)) } } : s;
    return {
      action: { kind: "expand", params: predicates.length ? { node, limit, predicates: [...predicates] } : { node, limit } },
      recorded: recordNeighbourhood([...added.nodes, ...reveal], relations, false),
      state: all(withAdded(added), unhide, produce.selectNode(node)),
    };
  },
  /** Nodes put on the graph outside a query (a search pick, a SPARQL result shown). */
  addNodes: (added: Added): NamedAction => ({ action: { kind: "add-nodes", params: { nodes: [...added.nodes] } }, state: withAdded(added) }),
  hideNodes: (nodes: readonly string[]): NamedAction => ({ action: { kind: "hide-nodes", params: { nodes: [...nodes] } }, state: produce.hideNodes(nodes) }),
  showNodes: (): NamedAction => ({ action: { kind: "show-all-nodes", params: {} }, state: produce.showAllNodes() }),
  toggleClass: (cls: string): NamedAction => ({ action: { kind: "toggle-class", params: { class: cls } }, state: produce.toggleClass(cls) }),
  /** A class group's legend entry: hides every class of the group, or shows them all when all are hidden; one step. */
  toggleClassGroup(group: string, label: string, classes: readonly string[]): NamedAction {
    return {
      action: { kind: "toggle-class", params: { class: group } },
      label: `Show/hide class group ${label} (${classes.length} class${classes.length === 1 ? "" : "es"})`,
      state: (s) => {
        const hidden = new Set(s.filters.hiddenClasses);
        const allHidden = classes.every((c) => hidden.has(c));
        for (const c of classes) if (allHidden) hidden.delete(c); else hidden.add(c);
        return produce.setHiddenClasses([...hidden])(s);
      },
    };
  },
  togglePredicate: (predicate: string, replaced?: Readonly<Record<string, string>>): NamedAction => ({ action: { kind: "toggle-predicate", params: { predicate } }, state: produce.togglePredicate(predicate, replaced) }),
  setDateRange: (range: YearRange | null): NamedAction => ({ action: { kind: "date-range", params: { range } }, state: produce.setDateRange(range), coalesceMs: SLIDER_COALESCE_MS }),
  /** A play run through the years (time-play.ts), one step when it stops: its years went by as edits, no step each. */
  playDates: (first: YearRange, last: YearRange): NamedAction => ({ action: { kind: "date-range", params: { range: last } }, label: playLabel(first, last), state: produce.setDateRange(last) }),
  setUndatedShown: (shown: boolean): NamedAction => ({ action: { kind: "undated", params: { shown } }, state: setUndatedShown(shown) }),
  setShowSchema: (on: boolean): NamedAction => ({ action: { kind: "show-schema", params: { on } }, state: produce.setShowSchema(on) }),
  resetFilters: (): NamedAction => ({ action: { kind: "reset-filters", params: {} }, state: produce.resetFilters() }),
  /** Relations by source (issue 16): `label` names the source in History ("Hide source Carnegie AI Global Surveillance Index, 2019"). */
  setSourceShown: (source: string, shown: boolean, label?: string): NamedAction => ({
    action: { kind: "source-filter", params: { source, shown } },
    ...(label ? { label: `${shown ? "Show" : "Hide"} source ${label}` } : {}),
    state: sources.setSourceShown(source, shown),
  }),
  setMinSources: (n: number): NamedAction => ({ action: { kind: "source-filter", params: { minSources: Math.max(1, Math.floor(n) || 1) } }, state: sources.setMinSources(n) }),
  setColourBySource: (on: boolean): NamedAction => ({ action: { kind: "source-filter", params: { colour: on } }, state: sources.setColourBySource(on) }),
  /** The query highlight goes (the chosen path too, when it was the path's). */
  clearFocus: (): NamedAction => ({
    action: { kind: "clear-focus", params: {} },
    state: (s) => (s.focus === "none" ? s : { ...s, focus: "none", path: s.focus === "path" ? { ...s.path, chosen: -1 } : s.path }),
  }),
  setEdgeLabels: (on: boolean): NamedAction => ({ action: { kind: "edge-labels", params: { on } }, state: produce.setEdgeLabels(on) }),
  /** A SPARQL query run in the panel (its rows live in the panel; the session keeps the query). */
  runSparql(run: SparqlQueryRecord): NamedAction {
    const recorded = run.rows === undefined ? { nodes: [], edges: [] } : { nodes: [], edges: [], rows: run.rows };
    return { action: { kind: "sparql", params: { query: run.query, target: run.target } }, recorded, state: produce.recordSparqlQuery(run) };
  },

  /** The Layout controls' ForceAtlas2 settings (null: inferred again); a slider moved by keys is one step. */
  setForceAtlas2: (settings: ForceAtlas2Choice | null): NamedAction => ({
    action: { kind: "layout-settings", params: { settings } },
    state: setForceAtlas2(settings),
    coalesceMs: SLIDER_COALESCE_MS,
  }),

  pinNodes: (nodes: readonly string[], pinned: boolean): NamedAction => ({ action: { kind: "pin", params: { nodes: [...nodes], pinned } }, layout: setPinned(nodes, pinned) }),
  /** Nodes dragged to new places. */
  moveNodes: (moves: Readonly<Record<string, readonly [number, number]>>): NamedAction => ({ action: { kind: "move-nodes", params: { nodes: Object.keys(moves) } }, layout: moveProducer(moves) }),
  /** The analyst's layout run, with the positions it ended with. */
  runLayout: (positions: Readonly<Record<string, readonly [number, number]>>): NamedAction => ({
    action: { kind: "layout", params: {} },
    layout: (layout) => ({ ...layout, positions: Object.fromEntries(Object.entries(positions).map(([iri, [x, y]]) => [iri, [x, y] as [number, number]])) }),
  }),

  /** Writes (or, with blank text, deletes) the session note or a note on a node or relation; undo passes over it. */
  writeNote(target: NoteTarget, text: string): NamedAction {
    const key = target.kind === "session" ? "session" : target.kind === "node" ? target.iri : tripleKey(target.triple);
    const notes = target.kind === "session" ? setSessionNote(text) : target.kind === "node" ? setNodeNote(target.iri, text) : setEdgeNote(target.triple, text);
    const action = { kind: "note" as const, params: { target: target.kind, key } };
    if (text.trim() !== "") return { action, notes };
    // "Edit session note" → "Delete session note", "Note on Huawei" → "Delete note on Huawei".
    return { action, notes, label: (described) => described.replace(/^(Edit|Note on)/, (w) => (w === "Edit" ? "Delete" : "Delete note on")) };
  },
  deleteNote: (target: NoteTarget): NamedAction => actions.writeNote(target, ""),

  setAppearance: (patch: Partial<Appearance>, setting: string): NamedAction => ({ action: { kind: "appearance", params: { setting } }, appearance: (a) => ({ ...a, ...patch }) }),
  setNodeScale: (scale: number): NamedAction => actions.setAppearance({ nodeScale: scale }, `node size ×${scale}`),
  setLabelDensity: (density: number): NamedAction => actions.setAppearance({ labelDensity: density }, density === 0 ? "no labels" : `labels ×${density}`),
  setColourBy: (mode: ColourBy): NamedAction => actions.setAppearance({ colourBy: mode }, mode === "group" ? "colour by class group" : "colour by class"),
  setSizeBy: (metric: SizeBy): NamedAction => actions.setAppearance({ sizeBy: metric }, `size by ${metric === "pagerank" ? "PageRank" : metric}`),
  setClassColour(cls: string, label: string, colour: string): NamedAction {
    const setting = `colour of ${label}`;
    return {
      action: { kind: "appearance", params: { setting: setting.length > 64 ? `${setting.slice(0, 63)}…` : setting } },
      appearance: (a) => ({ ...a, colours: { ...a.colours, [cls]: colour.toLowerCase() } }),
    };
  },

  /** Data loaded by the analyst: a step undo cannot go back past (the data stays loaded). */
  loadFile: (names: readonly string[], replace = false): NamedAction => ({ action: { kind: "load", params: { sources: [...names], replace } } }),
};

export type NoteTarget = { kind: "session" } | { kind: "node"; iri: string } | { kind: "edge"; triple: EdgeTriple };
