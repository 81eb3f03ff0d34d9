// The data worker's path and connect answers: ranked, constrained paths with their scores, connecting trees, and what to loosen.
import type { GraphIndex } from "../graph/types.ts";
import { explainPath } from "../query/explain.ts";
import { findPaths, type Path } from "../query/path.ts";
import { costsOf, scoreOfCosts, scorePath } from "../query/path-score.ts";
import { connectAsPath, queryOptions } from "../session/path-query.ts";
import type { PathOptions, PathResultView } from "../session/types.ts";
import { evidenceOf } from "./data-views.ts";

type TermIds = (iris: readonly string[]) => number[];

/**
 * Paths as the panel shows them: nodes, steps with their evidence (from/to in travel order; for a tree, subject and
 * object), one sentence per step and, when ranked, a score.
 */
export function pathViews(index: GraphIndex, found: readonly Path[], scored: boolean, tree = false): PathResultView[] {
  return found.map((path) => {
    const explanation = explainPath(index, path);
    let at = path.nodes[0];
    const steps = path.steps.map((step) => {
      const e = step.edge;
      const next = step.forward ? index.edgeTargets[e] : index.edgeSources[e];
      const p = index.edgePredicates[e];
      const view = {
        edge: `e${e}`,
        forward: step.forward,
        from: index.iri(tree ? index.edgeSources[e] : at),
        to: index.iri(tree ? index.edgeTargets[e] : next),
        predicate: index.dataset.terms.value(p),
        predicateLabel: index.termLabel(p),
        evidence: evidenceOf(index, e),
      };
      at = next;
      return view;
    });
    const view: PathResultView = { nodes: path.nodes.map((n) => index.iri(n)), nodeLabels: path.nodes.map((n) => index.label(n)), steps, explanation };
    if (scored) view.score = scorePath(index, path);
    return view;
  });
}

/** Each restriction of the options, by the words the panel uses, and the options without it. */
function loosenings(o: PathOptions): [string, PathOptions][] {
  const out: [string, PathOptions][] = [];
  if (o.directed) out.push(["untick “follow edge direction”", { ...o, directed: false }]);
  if (o.excludePredicates.length || o.excludeClasses.length || o.excludeNodes.length) out.push(["remove the exclusions", { ...o, excludePredicates: [], excludeClasses: [], excludeNodes: [] }]);
  if (o.fromDate !== undefined || o.toDate !== undefined) out.push(["clear the date range", { ...o, fromDate: undefined, toDate: undefined }]);
  if (o.eventKinds?.length) out.push(["clear the event kinds", { ...o, eventKinds: [] }]);
  if (o.sources?.length) out.push([`clear “only from these sources” (${o.sources.length} chosen)`, { ...o, sources: [] }]);
  if ((o.minSources ?? 1) > 1) out.push([`lower “stated by at least ${o.minSources} sources” to 1`, { ...o, minSources: 1 }]);
  if (o.maxLength < 12) out.push([`raise the maximum length to 12`, { ...o, maxLength: 12 }]);
  return out;
}

/** Which single restriction, dropped, lets a connection through (tried one by one), in words. */
export function loosenAdvice(o: PathOptions, connects: (options: PathOptions) => boolean, what: string): string {
  const all = loosenings(o);
  const enough = all.filter(([, loose]) => connects(loose)).map(([words]) => words);
  if (enough.length > 0) return `To find one, ${enough.join(", or ")}.`;
  if (all.length > 1) return `No single change is enough: ${all.map(([words]) => words).join(", and ")}.`;
  return all.length === 1 ? `Try to ${all[0][0]}.` : `The ${what} are not connected in this graph.`;
}

export function pathAnswer(index: GraphIndex, source: number, target: number, options: PathOptions, termIds: TermIds): { found: Path[]; paths: PathResultView[]; suggestion: string } {
  const found = findPaths(index, source, target, queryOptions(index, options, termIds));
  const suggestion = found.length > 0 ? "" : loosenAdvice(options, (loose) => findPaths(index, source, target, { ...queryOptions(index, loose, termIds), k: 1 }).length > 0, "two nodes");
  return { found, paths: pathViews(index, found, options.rank === "informative"), suggestion };
}

export function connectAnswer(index: GraphIndex, terminals: readonly string[], options: PathOptions, termIds: TermIds): { found: Path[]; paths: PathResultView[]; suggestion: string } {
  const { path, unreached } = connectAsPath(index, terminals, options, termIds);
  const label = (iri: string) => index.label(index.nodeByIri(iri));
  let suggestion = "";
  if (unreached.length > 0) {
    const advice = loosenAdvice(options, (loose) => connectAsPath(index, terminals, loose, termIds).unreached.length === 0, "entities");
    suggestion = `${unreached.map(label).join(", ")} ${unreached.length === 1 ? "is" : "are"} not connected to the others. ${advice}`;
  }
  // A session keeps at most 12 steps a result (SESSION_LIMITS.maxHops): a bigger tree is not shown half.
  if (path && path.steps.length > 12) {
    return { found: [], paths: [], suggestion: `The connecting tree has ${path.steps.length} relations, more than the workbench keeps (12): connect fewer entities, or use kg connect.` };
  }
  const found = path ? [path] : [];
  const paths = pathViews(index, found, false, true);
  // Ranked informative, the tree shows its score: its relations, and each entity not asked about once.
  if (path && options.rank === "informative") {
    const { nodeCost, edgeGeneric } = costsOf(index);
    const asked = new Set(terminals.map((iri) => index.nodeByIri(iri)));
    paths[0].score = scoreOfCosts(path.nodes.filter((n) => !asked.has(n)).map((n) => nodeCost[n]), path.steps.map((s) => edgeGeneric[s.edge]));
  }
  return { found, paths, suggestion };
}
