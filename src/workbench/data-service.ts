// What the data worker does, as a plain class: owns the Dataset and GraphIndex and answers the protocol's requests.
import { formatFromFileName, loadDataset, RdfSyntaxError } from "../rdf/parse.ts";
import type { Dataset } from "../rdf/dataset.ts";
import { kg } from "../rdf/vocab.ts";
import { writeTurtle } from "../rdf/serialize.ts";
import type { Evidence, GraphIndex } from "../graph/types.ts";
import { projectGraph } from "../graph/project.ts";
import { defaultProjection } from "../graph/projection-config.ts";
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import { sizeForDegree } from "./display.ts";
import { layoutExtent } from "./extent.ts";
import { firstLayoutIterations, layoutSettings } from "./fa2-settings.ts";
import { buildSearchIndex, searchLabels } from "../query/search.ts";
import { findPaths } from "../query/path.ts";
import { neighbourhood } from "../query/neighbourhood.ts";
import { explainPath } from "../query/explain.ts";
import { subgraphQuads } from "../query/subgraph.ts";
import { currentTermIds } from "../query/replacements.ts";
import type { EvidenceView, PathOptions, PathResultView } from "../session/types.ts";
import type {
  DatasetSummary,
  EdgeDetails,
  LegendEntry,
  NeighbourhoodRequest,
  NodeDetails,
  Overview,
  RelationView,
  SearchHit,
  SourceFile,
  ViewGraph,
  WorkerFailure,
} from "./protocol.ts";

type SearchIndex = ReturnType<typeof buildSearchIndex>;

/** Most edges any one reply adds to the view, so that a hub never floods the renderer. */
const EDGE_CAP = 20_000;

export interface LoadProgressEvent {
  file: string;
  done: number;
  total: number;
}

export class DataService {
  private dataset: Dataset | null = null;
  private index: GraphIndex | null = null;
  private search: SearchIndex | null = null;
  private colourClass: Int32Array = new Int32Array(0);
  private hash = 2166136261;
  private files: string[] = [];
  private readonly shownElsewhere = new Set([
    ...defaultProjection.labelPredicates,
    ...defaultProjection.altLabelPredicates,
    ...defaultProjection.descriptionPredicates,
  ]);

  /** The loaded data and its projection, for modules the worker imports on demand (SPARQL); null before the first load. */
  get loaded(): { dataset: Dataset; index: GraphIndex } | null {
    return this.dataset && this.index ? { dataset: this.dataset, index: this.index } : null;
  }

  /** Parses the files into a new dataset (added to the current one unless `replace`); on any error nothing changes. */
  async load(files: readonly SourceFile[], replace: boolean, onProgress?: (event: LoadProgressEvent) => void): Promise<DatasetSummary> {
    const base = replace ? undefined : (this.dataset ?? undefined);
    // An estimate of the quads for the progress bar (line formats spell every term out), corrected as files finish.
    const estimate = (file: SourceFile) => Math.ceil(file.text.length / (/^n/.test(file.format ?? formatFromFileName(file.name) ?? "") ? 120 : 60));
    const total = Math.max(1, files.reduce((sum, file) => sum + estimate(file), 0));
    let doneBefore = 0;
    let current = "";
    const dataset = await loadDataset(
      files.map((file) => ({ name: file.name, text: file.text, format: file.format, baseIRI: file.baseIRI })),
      {
        base,
        progressEvery: 20_000,
        onProgress: (progress) => {
          if (progress.file !== current) {
            const finished = files.find((f) => f.name === current);
            doneBefore += finished ? estimate(finished) : 0;
            current = progress.file;
          }
          onProgress?.({ file: progress.file, done: Math.min(total, doneBefore + progress.quads), total });
        },
      },
    );
    const index = projectGraph(dataset);
    const search = buildSearchIndex(index);
    // Only now, with everything built, does the service switch to the new data.
    let hash = replace ? 2166136261 : this.hash;
    for (const file of files) hash = fnv1a(fnv1a(hash, file.name), file.text);
    this.dataset = dataset;
    this.index = index;
    this.search = search;
    this.hash = hash;
    this.files = replace ? files.map((f) => f.name) : [...this.files, ...files.map((f) => f.name)];
    this.colourClass = pickColourClasses(index);
    onProgress?.({ file: "", done: total, total });
    return this.summary();
  }

  summary(): DatasetSummary {
    const index = this.need();
    const instances = countInstances(index);
    const classCounts = new Map<number, number>();
    const predicateCounts = new Map<number, number>();
    for (let n = 0; n < index.nodeCount; n++) {
      if (instances > 0 && index.isSchema(n)) continue;
      const cls = this.colourClass[n];
      if (cls >= 0) classCounts.set(cls, (classCounts.get(cls) ?? 0) + 1);
    }
    let minYear = Infinity;
    let maxYear = -Infinity;
    for (let e = 0; e < index.edgeCount; e++) {
      // Relations of the schema (subClassOf, domain…) are not drawn when instances are, so they are not offered as filters.
      if (instances > 0 && (index.isSchema(index.edgeSources[e]) || index.isSchema(index.edgeTargets[e]))) continue;
      const p = index.edgePredicates[e];
      predicateCounts.set(p, (predicateCounts.get(p) ?? 0) + 1);
      const year = yearOf(index.edgeDate(e));
      if (year !== undefined) {
        minYear = Math.min(minYear, year);
        maxYear = Math.max(maxYear, year);
      }
    }
    const legend = (counts: Map<number, number>): LegendEntry[] =>
      [...counts]
        .map(([term, count]) => ({ iri: index.dataset.terms.value(term), label: index.termLabel(term), count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    return {
      quads: index.dataset.size,
      nodes: index.nodeCount,
      edges: index.edgeCount,
      instances,
      hash: (this.hash >>> 0).toString(36),
      classes: legend(classCounts),
      predicates: legend(predicateCounts),
      years: minYear <= maxYear ? { min: minYear, max: maxYear } : null,
      files: [...this.files],
    };
  }

  /** The top `cap` nodes by degree (instances only when the data has any) and the edges among them. */
  overview(cap: number, includeSchema: boolean, layout = false): Overview {
    const index = this.need();
    const hideSchema = !includeSchema && countInstances(index) > 0;
    const candidates: number[] = [];
    for (let n = 0; n < index.nodeCount; n++) if (!(hideSchema && index.isSchema(n))) candidates.push(n);
    candidates.sort((a, b) => index.degree(b) - index.degree(a) || a - b);
    const chosen = candidates.slice(0, cap);
    const inView = new Uint8Array(index.nodeCount);
    for (const n of chosen) inView[n] = 1;
    const edges: number[] = [];
    for (const n of chosen) {
      for (let i = index.outOffsets[n]; i < index.outOffsets[n + 1] && edges.length < EDGE_CAP; i++) {
        const e = index.outEdgeIds[i];
        if (inView[index.edgeTargets[e]]) edges.push(e);
      }
    }
    const graph = this.viewGraph(chosen, edges);
    if (layout) layOut(graph);
    return {
      graph,
      candidates: candidates.length,
      cap,
      capped: candidates.length > chosen.length,
      schemaHidden: hideSchema,
    };
  }

  searchLabels(text: string, limit: number): SearchHit[] {
    const index = this.need();
    if (!this.search || text.trim() === "") return [];
    return searchLabels(this.search, text, { limit }).map((hit) => ({
      node: index.iri(hit.node),
      label: hit.label,
      matched: hit.matched,
      kind: hit.kind,
      score: hit.score,
      classLabel: this.colourClass[hit.node] >= 0 ? index.termLabel(this.colourClass[hit.node]) : "",
    }));
  }

  details(node?: string, edge?: string): NodeDetails | EdgeDetails | null {
    const index = this.need();
    if (edge !== undefined) {
      const e = edgeId(edge);
      if (e < 0 || e >= index.edgeCount) return null;
      const s = index.edgeSources[e];
      const t = index.edgeTargets[e];
      const p = index.edgePredicates[e];
      return {
        kind: "edge",
        edge,
        source: index.iri(s),
        sourceLabel: index.label(s),
        target: index.iri(t),
        targetLabel: index.label(t),
        predicate: index.dataset.terms.value(p),
        predicateLabel: index.termLabel(p),
        date: index.edgeDate(e),
        evidence: this.evidenceOf(e),
      };
    }
    if (node === undefined) return null;
    const n = index.nodeByIri(node);
    if (n < 0) return null;
    const terms = index.dataset.terms;
    const relations: RelationView[] = [];
    const relation = (e: number, direction: "out" | "in"): RelationView => {
      const other = direction === "out" ? index.edgeTargets[e] : index.edgeSources[e];
      const p = index.edgePredicates[e];
      return {
        edge: `e${e}`,
        predicate: terms.value(p),
        predicateLabel: index.termLabel(p),
        direction,
        other: index.iri(other),
        otherLabel: index.label(other),
        date: index.edgeDate(e),
        evidence: this.evidenceOf(e),
      };
    };
    for (let i = index.outOffsets[n]; i < index.outOffsets[n + 1]; i++) relations.push(relation(index.outEdgeIds[i], "out"));
    for (let i = index.inOffsets[n]; i < index.inOffsets[n + 1]; i++) relations.push(relation(index.inEdgeIds[i], "in"));
    return {
      kind: "node",
      iri: node,
      label: index.label(n),
      altLabels: index.altLabels(n),
      description: index.description(n),
      classes: index.classes(n).map((c) => ({ iri: terms.value(c), label: index.termLabel(c) })),
      // Labels and the description are shown as such; the list holds the other literals.
      literals: index.literals(n).filter((l) => !this.shownElsewhere.has(terms.value(l.predicate))).map((l) => ({
        predicate: terms.value(l.predicate),
        predicateLabel: index.termLabel(l.predicate),
        value: l.value,
        language: l.language,
      })),
      links: index.links(n).map((l) => ({ predicate: terms.value(l.predicate), predicateLabel: index.termLabel(l.predicate), iri: l.iri })),
      relations,
      schema: index.isSchema(n),
    };
  }

  subgraph(nodes: readonly string[], edges: readonly string[], induce = false): ViewGraph {
    const index = this.need();
    const nodeIds = nodes.map((iri) => index.nodeByIri(iri)).filter((n) => n >= 0);
    const edgeIds = edges.map(edgeId).filter((e) => e >= 0 && e < index.edgeCount);
    if (induce) {
      const inView = new Uint8Array(index.nodeCount);
      for (const n of nodeIds) inView[n] = 1;
      const seen = new Set(edgeIds);
      for (const n of nodeIds) {
        for (let i = index.outOffsets[n]; i < index.outOffsets[n + 1] && seen.size < EDGE_CAP; i++) {
          const e = index.outEdgeIds[i];
          if (!inView[index.edgeTargets[e]] || seen.has(e)) continue;
          seen.add(e);
          edgeIds.push(e);
        }
      }
    }
    return this.viewGraph(nodeIds, edgeIds);
  }

  path(from: string, to: string, options: PathOptions): { paths: PathResultView[]; graph: ViewGraph; suggestion: string } {
    const index = this.need();
    const source = this.nodeOf(from, "from");
    const target = this.nodeOf(to, "to");
    const found = findPaths(index, source, target, {
      k: options.k,
      maxLength: options.maxLength,
      directed: options.directed,
      excludePredicates: this.termIds(options.excludePredicates),
      excludeClasses: this.termIds(options.excludeClasses),
      excludeNodes: options.excludeNodes.map((iri) => index.nodeByIri(iri)).filter((n) => n >= 0),
    });
    const paths: PathResultView[] = found.map((path) => {
      const explanation = explainPath(index, path);
      let at = path.nodes[0];
      const steps = path.steps.map((step) => {
        const e = step.edge;
        const next = step.forward ? index.edgeTargets[e] : index.edgeSources[e];
        const p = index.edgePredicates[e];
        const view = {
          edge: `e${e}`,
          forward: step.forward,
          from: index.iri(at),
          to: index.iri(next),
          predicate: index.dataset.terms.value(p),
          predicateLabel: index.termLabel(p),
          evidence: this.evidenceOf(e),
        };
        at = next;
        return view;
      });
      return { nodes: path.nodes.map((n) => index.iri(n)), nodeLabels: path.nodes.map((n) => index.label(n)), steps, explanation };
    });
    const nodeIds = new Set<number>();
    const edgeIds = new Set<number>();
    for (const path of found) {
      for (const n of path.nodes) nodeIds.add(n);
      for (const step of path.steps) edgeIds.add(step.edge);
    }
    return { paths, graph: this.viewGraph([...nodeIds], [...edgeIds]), suggestion: paths.length ? "" : suggestLoosening(options) };
  }

  neighbourhood(request: NeighbourhoodRequest) {
    const index = this.need();
    const centers = request.centers.map((c, i) => this.nodeOf(c, `centre ${i + 1}`));
    const result = neighbourhood(index, centers, {
      depth: request.depth,
      direction: request.direction,
      predicates: this.termIds(request.predicates),
      classes: this.termIds(request.classes),
      limit: request.limit,
    });
    const nodes = result.nodes.map((entry) => entry.node);
    const edges = result.edges.slice(0, EDGE_CAP);
    return {
      result: {
        centers: centers.map((n) => index.iri(n)),
        nodes: result.nodes.map((entry) => ({ node: index.iri(entry.node), depth: entry.depth })),
        edges: edges.map((e) => `e${e}`),
        truncated: result.truncated || edges.length < result.edges.length,
      },
      graph: this.viewGraph(nodes, edges),
    };
  }

  /** The node's direct neighbours (both directions) and the edges to them, for double-click expansion. */
  expand(node: string, limit: number): ViewGraph {
    return this.neighbourhood({ centers: [node], depth: 1, direction: "both", classes: [], predicates: [], limit }).graph;
  }

  /** Turtle of the given nodes and edges, with their evidence and the data's prefixes. */
  exportTurtle(nodes: readonly string[], edges: readonly string[]): { turtle: string; quads: number } {
    const index = this.need();
    const nodeIds = nodes.map((iri) => index.nodeByIri(iri)).filter((n) => n >= 0);
    const edgeIds = edges.map(edgeId).filter((e) => e >= 0 && e < index.edgeCount);
    const quads = subgraphQuads(index, { nodes: nodeIds, edges: edgeIds });
    return { turtle: writeTurtle(index.dataset, { quads }), quads: quads.length };
  }

  /** Term ids of IRIs, old ones (a share link or session made before a rename) replaced; IRIs the data does not use are dropped. */
  private termIds(iris: readonly string[]): number[] {
    return currentTermIds(this.need(), iris);
  }

  private nodeOf(iri: string, role: string): number {
    const index = this.need();
    const n = index.nodeByIri(iri);
    if (n < 0) throw new Error(`workbench/data: unknown ${role} node "${iri}" (pick one from the suggestions).`);
    return n;
  }

  private evidenceOf(e: number): EvidenceView[] {
    const index = this.need();
    return index.evidence(e).map((evidence: Evidence) => ({ ...evidence, text: this.cleanedTextOf(evidence.source) }));
  }

  private cleanedTextOf(source: string): string | undefined {
    const index = this.need();
    const n = index.nodeByIri(source);
    if (n < 0) return undefined;
    const cleanedText = index.dataset.terms.iriId(kg.cleanedText);
    return index.literals(n).find((l) => l.predicate === cleanedText)?.value;
  }

  private viewGraph(nodes: readonly number[], edges: readonly number[]): ViewGraph {
    const index = this.need();
    const terms = index.dataset.terms;
    const nodeSet = new Set(nodes);
    for (const e of edges) {
      nodeSet.add(index.edgeSources[e]);
      nodeSet.add(index.edgeTargets[e]);
    }
    return {
      nodes: [...nodeSet].map((n) => ({
        key: index.iri(n),
        label: index.label(n),
        classes: index.classes(n).map((c) => terms.value(c)),
        colourClass: this.colourClass[n] >= 0 ? terms.value(this.colourClass[n]) : "",
        schema: index.isSchema(n),
        degree: index.degree(n),
      })),
      edges: edges.map((e) => {
        const p = index.edgePredicates[e];
        return {
          key: `e${e}`,
          source: index.iri(index.edgeSources[e]),
          target: index.iri(index.edgeTargets[e]),
          predicate: terms.value(p),
          label: index.termLabel(p),
          year: yearOf(index.edgeDate(e)),
        };
      }),
    };
  }

  private need(): GraphIndex {
    if (!this.index) throw new Error("workbench/data: no data is loaded yet.");
    return this.index;
  }
}

/**
 * Gives the view's nodes positions: a seeded random start, ForceAtlas2, then noverlap (here, in the data worker, so
 * the page draws a laid-out graph at once instead of hundreds of intermediate frames).
 */
export function layOut(view: ViewGraph): void {
  const graph = new Graph({ multi: true, type: "directed" });
  const random = seededRandom(view.nodes.length);
  const extent = 10 * Math.sqrt(view.nodes.length);
  for (const node of view.nodes) graph.addNode(node.key, { x: (random() - 0.5) * extent, y: (random() - 0.5) * extent });
  for (const edge of view.edges) if (edge.source !== edge.target) graph.addDirectedEdge(edge.source, edge.target);
  if (graph.order === 0) return;
  forceAtlas2.assign(graph, { iterations: firstLayoutIterations(graph.order), settings: layoutSettings(graph), getEdgeWeight: null });
  // Then noverlap, with the sizes the page will draw (pixels, converted to layout units for a ~700 px view).
  const unitsPerPixel = Math.max(layoutExtent(graph), 1e-6) / 700;
  let maxDegree = 1;
  for (const node of view.nodes) maxDegree = Math.max(maxDegree, node.degree);
  const sizes = new Map(view.nodes.map((node) => [node.key, sizeForDegree(node.degree, maxDegree, view.nodes.length) * unitsPerPixel]));
  noverlap.assign(graph, {
    // Each pass costs about as much as a ForceAtlas2 iteration; big views get fewer (a touch of overlap is fine there).
    maxIterations: graph.order <= 500 ? 120 : 40,
    inputReducer: (key, attrs) => ({ x: attrs.x, y: attrs.y, size: sizes.get(key) ?? unitsPerPixel * 4 }),
    settings: { ratio: 1.15, margin: 3 * unitsPerPixel, speed: 3 },
  });
  for (const node of view.nodes) {
    const attrs = graph.getNodeAttributes(node.key);
    node.x = attrs.x;
    node.y = attrs.y;
  }
}

function seededRandom(seed: number): () => number {
  let a = (seed * 2654435761) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What went wrong, in a form the page can show; syntax errors keep their `file:line:column`. */
export function describeFailure(error: unknown): WorkerFailure {
  if (error instanceof RdfSyntaxError) {
    return { message: error.message, location: { file: error.file, line: error.line, column: error.column } };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

/** The graphology edge key of an edge id, and back. */
export function edgeId(key: string): number {
  return /^e\d+$/.test(key) ? Number(key.slice(1)) : -1;
}

/** A year from an xsd:gYear, gYearMonth, date or dateTime lexical form. */
export function yearOf(date: string | undefined): number | undefined {
  const match = date ? /^(-?\d{4,})/.exec(date) : null;
  return match ? Number(match[1]) : undefined;
}

function suggestLoosening(options: PathOptions): string {
  const tips: string[] = [];
  if (options.directed) tips.push("untick “follow edge direction”");
  if (options.excludePredicates.length || options.excludeClasses.length || options.excludeNodes.length) tips.push("remove some exclusions");
  if (options.maxLength < 12) tips.push(`raise the maximum length above ${options.maxLength}`);
  return tips.length ? `Try to ${tips.join(", or ")}.` : "The two nodes are not connected in this graph.";
}

function countInstances(index: GraphIndex): number {
  let count = 0;
  for (let n = 0; n < index.nodeCount; n++) if (!index.isSchema(n)) count++;
  return count;
}

/** Each node's colour class: its least common class (the most specific, usually), or -1 when untyped. */
function pickColourClasses(index: GraphIndex): Int32Array {
  const frequency = new Map<number, number>();
  for (let n = 0; n < index.nodeCount; n++) for (const c of index.classes(n)) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  const out = new Int32Array(index.nodeCount).fill(-1);
  for (let n = 0; n < index.nodeCount; n++) {
    let best = -1;
    for (const c of index.classes(n)) {
      if (best < 0 || frequency.get(c)! < frequency.get(best)! || (frequency.get(c) === frequency.get(best) && c < best)) best = c;
    }
    out[n] = best;
  }
  return out;
}

function fnv1a(hash: number, text: string): number {
  let h = hash >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}
