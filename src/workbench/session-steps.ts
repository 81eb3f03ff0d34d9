// Which history step a change of the session state is: compares the last recorded state with the current one (pure).
import { recordNeighbourhood, recordPaths, type RecordedResult, type SessionAction } from "../session/history.ts";
import type { SessionState } from "../session/types.ts";

/** One step to record: the action, and for queries what they found. */
export interface Step {
  action: SessionAction;
  recorded?: RecordedResult;
}

/** Limits the workbench ran its queries with, recorded with the steps so a replay asks the same. */
export interface StepLimits {
  expand: number;
  neighbourhood: number;
}

const sameList = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
const toggledItems = (a: readonly string[], b: readonly string[]) => [...a.filter((x) => !b.includes(x)), ...b.filter((x) => !a.includes(x))];

/** Whether a query is on its way: its intermediate states are not steps (the finished query is one). */
export function isSettled(state: SessionState): boolean {
  return state.path.status !== "running" && state.neighbourhood.status !== "running";
}

/** The state a snapshot keeps: hover is transient and never part of a step. */
export function withoutTransient(state: SessionState): SessionState {
  return state.view.hovered === null ? state : { ...state, view: { ...state.view, hovered: null } };
}

/**
 * The steps that lead from `before` to `after`, most telling first. Selection, hover, typed path ends and query
 * options alone are not steps (they ride along in the next step's snapshot); nothing is a step while a query runs.
 */
export function classifyChange(before: SessionState, after: SessionState, limits: StepLimits): Step[] {
  if (!isSettled(after)) return [];
  const steps: Step[] = [];
  const bf = before.filters;
  const af = after.filters;
  const addedNodes = after.added.nodes.filter((n) => !before.added.nodes.includes(n));

  const pathChanged = after.path.results !== before.path.results || after.path.status !== before.path.status || after.path.message !== before.path.message;
  if (pathChanged && (after.path.status === "done" || after.path.status === "error") && after.path.from && after.path.to) {
    steps.push({
      action: { kind: "path", params: { from: after.path.from, to: after.path.to, options: after.path.options } },
      recorded: recordPaths(after.path.results, after.path.message),
    });
  } else if (after.path.chosen !== before.path.chosen && after.path.chosen >= 0 && after.focus === "path") {
    steps.push({ action: { kind: "choose-path", params: { index: after.path.chosen } } });
  }

  const nb = after.neighbourhood;
  const nbChanged = nb.result !== before.neighbourhood.result || nb.status !== before.neighbourhood.status;
  if (nbChanged && (nb.status === "done" || nb.status === "error")) {
    steps.push({
      action: {
        kind: "neighbourhood",
        params: { centers: nb.centers, depth: nb.depth, direction: nb.direction, classes: nb.classes, predicates: nb.predicates, limit: limits.neighbourhood, mode: nb.mode },
      },
      recorded: nb.result ? recordNeighbourhood(nb.result.nodes.map((n) => n.node), [], nb.result.truncated) : { nodes: [], edges: [], message: nb.message },
    });
  }

  // A SPARQL query run in the panel: the newest kept query is the step (its results live in the panel, not the state).
  const ranSparql = after.sparql?.queries[0];
  if (ranSparql && after.sparql !== before.sparql && after.sparql!.queries.length > 0) {
    const recorded: RecordedResult = { nodes: [], edges: [] };
    if (ranSparql.rows !== undefined) recorded.rows = ranSparql.rows;
    steps.push({ action: { kind: "sparql", params: { query: ranSparql.query, target: ranSparql.target } }, recorded });
  }

  // Nodes added outside a query: a double-click expansion (which selects the node) or a search pick.
  if (addedNodes.length > 0 && steps.length === 0) {
    const expanded = after.selection.kind === "node" && after.selection.node;
    if (expanded && !addedNodes.includes(expanded)) {
      steps.push({ action: { kind: "expand", params: { node: expanded, limit: limits.expand } }, recorded: recordNeighbourhood(addedNodes, [], false) });
    } else steps.push({ action: { kind: "add-nodes", params: { nodes: addedNodes } } });
  }

  if (!sameList(bf.hiddenNodes, af.hiddenNodes)) {
    const hidden = af.hiddenNodes.filter((n) => !bf.hiddenNodes.includes(n));
    if (hidden.length) steps.push({ action: { kind: "hide-nodes", params: { nodes: hidden } } });
    else steps.push({ action: { kind: "show-all-nodes", params: {} } });
  }
  const classesChanged = !sameList(bf.hiddenClasses, af.hiddenClasses);
  const predicatesChanged = !sameList(bf.hiddenPredicates, af.hiddenPredicates);
  const datesChanged = JSON.stringify(bf.dateRange) !== JSON.stringify(af.dateRange);
  const reset = af.hiddenClasses.length === 0 && af.hiddenPredicates.length === 0 && af.dateRange === null && [classesChanged, predicatesChanged, datesChanged].filter(Boolean).length > 1;
  if (reset) steps.push({ action: { kind: "reset-filters", params: {} } });
  else {
    if (classesChanged) for (const cls of toggledItems(bf.hiddenClasses, af.hiddenClasses)) steps.push({ action: { kind: "toggle-class", params: { class: cls } } });
    if (predicatesChanged) {
      for (const predicate of toggledItems(bf.hiddenPredicates, af.hiddenPredicates)) steps.push({ action: { kind: "toggle-predicate", params: { predicate } } });
    }
    if (datesChanged) steps.push({ action: { kind: "date-range", params: { range: af.dateRange } } });
  }
  if (bf.showSchema !== af.showSchema) steps.push({ action: { kind: "show-schema", params: { on: af.showSchema } } });
  if (before.view.edgeLabels !== after.view.edgeLabels) steps.push({ action: { kind: "edge-labels", params: { on: after.view.edgeLabels } } });
  if (steps.length === 0 && before.focus !== "none" && after.focus === "none") steps.push({ action: { kind: "clear-focus", params: {} } });
  return steps;
}

/** A label for a step that stands for several changes at once ("Hide Huawei, and 1 more change"). */
export function combinedLabel(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? "";
  return `${labels[0]}, and ${labels.length - 1} more change${labels.length === 2 ? "" : "s"}`;
}
