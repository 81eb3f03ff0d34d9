// What the data worker does, as a plain class: owns the Dataset and GraphIndex and answers the protocol's requests.
import { loadDatasetStream, RdfSyntaxError } from "../rdf/parse.ts";
import { LoadCancelled, textSource } from "./file-stream.ts";
import { fnv1a } from "./digest.ts";
import { LOAD_LIMITS, LoadGuard, LoadLimitExceeded, type LoadLimits } from "./load-limits.ts";
import type { Dataset } from "../rdf/dataset.ts";
import { writeChunks } from "../rdf/serialize.ts";
import type { GraphIndex } from "../graph/types.ts";
import { projectGraph } from "../graph/project.ts";
import { countInstances, detailsOf, edgeId, pickColourClasses, summaryOf, viewGraphOf } from "./data-views.ts";
import { connectAnswer, pathAnswer } from "./data-paths.ts";
import { eventClasses } from "../query/path-constraints.ts";
import { layOut } from "./worker-layout.ts";
import { classGroupsOf } from "./class-groups.ts";
import { buildSearchIndex, searchLabels } from "../query/search.ts";
import { neighbourhood } from "../query/neighbourhood.ts";
import { subgraphQuads } from "../query/subgraph.ts";
import { currentTermIds } from "../query/replacements.ts";
import type { PathOptions, PathResultView } from "../session/types.ts";
import type {
  DatasetSummary,
  EdgeDetails,
  NeighbourhoodRequest,
  NodeDetails,
  Overview,
  SearchHit,
  SourceFile,
  ViewGraph,
  WorkerFailure,
} from "./protocol.ts";

export { edgeId, yearOf } from "./data-views.ts";
export { layOut } from "./worker-layout.ts";

type SearchIndex = ReturnType<typeof buildSearchIndex>;

/** Most edges any one reply adds to the view, so that a hub never floods the renderer. */
const EDGE_CAP = 20_000;

export interface LoadProgressEvent {
  file: string;
  /** Bytes (characters for a text) read of `total`. */
  done: number;
  total: number;
  /** Quads parsed so far, and per second since the load began. */
  quads?: number;
  rate?: number;
}

/** One file to load, read piece by piece. */
export interface LoadSource {
  name: string;
  format?: SourceFile["format"];
  baseIRI?: string;
  /** Bytes of a file (characters of a text): the progress bar's total. */
  size: number;
  chunks: AsyncIterable<string> | Iterable<string>;
  /** How much of `size` has been read. */
  read(): number;
}

export class DataService {
  private dataset: Dataset | null = null;
  private index: GraphIndex | null = null;
  private search: SearchIndex | null = null;
  private colourClass: Int32Array = new Int32Array(0);
  private hash = 2166136261;
  private files: string[] = [];

  /** The loaded data and its projection, for modules the worker imports on demand (SPARQL); null before the first load. */
  get loaded(): { dataset: Dataset; index: GraphIndex } | null {
    return this.dataset && this.index ? { dataset: this.dataset, index: this.index } : null;
  }

  /**
   * Parses the sources (streamed: no file is ever one string) into a new dataset, added to the current one unless
   * `replace`; `check` runs once all is read (a session's SHA-256s). On any error, a cancel or passing `limits`
   * nothing changes.
   */
  async load(given: readonly (LoadSource | SourceFile)[], replace: boolean, onProgress?: (event: LoadProgressEvent) => void, check?: () => void, limits: LoadLimits = LOAD_LIMITS): Promise<DatasetSummary> {
    const sources = given.map((s) => ("chunks" in s ? s : textSource(s.name, s.text, s.format, s.baseIRI)));
    const base = replace ? undefined : (this.dataset ?? undefined);
    const total = Math.max(1, sources.reduce((sum, source) => sum + source.size, 0));
    // The graph held stays until the new one is ready; an added-to graph's terms are in the new one's count.
    const guard = new LoadGuard({ triples: this.dataset?.size ?? 0, termChars: replace ? (this.dataset?.terms.chars ?? 0) : 0 }, limits);
    const started = Date.now();
    let quadsBefore = 0, lastQuads = 0, lastPost = 0, current = "";
    let hash = replace ? 2166136261 : this.hash;
    // The same FNV-1a as over each file's name and whole text, taken piece by piece.
    async function* hashed(source: LoadSource): AsyncGenerator<string> {
      hash = fnv1a(hash, source.name);
      for await (const piece of source.chunks) {
        guard.check(source.name);
        hash = fnv1a(hash, piece);
        yield piece;
      }
    }
    const dataset = await loadDatasetStream(
      sources.map((source) => ({ name: source.name, chunks: hashed(source), format: source.format, baseIRI: source.baseIRI })),
      {
        base,
        progressEvery: 20_000,
        onProgress: (progress) => {
          if (progress.file !== current) {
            quadsBefore += lastQuads;
            current = progress.file;
          }
          lastQuads = progress.quads;
          guard.read(quadsBefore + progress.quads, progress.termChars);
          const now = Date.now();
          // A few times a second: a message per piece read would only keep the page busy.
          if (now - lastPost < 100) return;
          lastPost = now;
          const quads = quadsBefore + progress.quads;
          const done = sources.reduce((sum, source) => sum + source.read(), 0);
          onProgress?.({ file: progress.file, done: Math.min(total, done), total, quads, rate: Math.round(quads / Math.max(0.001, (now - started) / 1000)) });
        },
      },
    ).catch((error: unknown) => {
      // A cancel or a limit reaches the parser as a read failure: it is reported as what it is.
      throw error instanceof Error && (error.cause instanceof LoadCancelled || error.cause instanceof LoadLimitExceeded) ? error.cause : error;
    });
    guard.check(current || sources.map((s) => s.name).join(", "));
    check?.();
    const index = projectGraph(dataset);
    const search = buildSearchIndex(index);
    // Only now, with everything built, does the service switch to the new data.
    this.dataset = dataset;
    this.index = index;
    this.search = search;
    this.hash = hash;
    this.files = replace ? sources.map((f) => f.name) : [...this.files, ...sources.map((f) => f.name)];
    this.colourClass = pickColourClasses(index);
    onProgress?.({ file: "", done: total, total });
    return this.summary();
  }

  summary(): DatasetSummary {
    const summary = summaryOf(this.need(), this.colourClass, this.hash, this.files);
    return { ...summary, groups: classGroupsOf(this.need(), summary.classes) };
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
    const graph = viewGraphOf(this.need(), this.colourClass, chosen, edges);
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
    return detailsOf(this.need(), node, edge);
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
    return viewGraphOf(this.need(), this.colourClass, nodeIds, edgeIds);
  }

  path(from: string, to: string, options: PathOptions): { paths: PathResultView[]; graph: ViewGraph; suggestion: string } {
    const index = this.need();
    const { found, paths, suggestion } = pathAnswer(index, this.nodeOf(from, "from"), this.nodeOf(to, "to"), options, (iris) => this.termIds(iris));
    return { paths, graph: this.graphOfPaths(found), suggestion };
  }

  eventKinds(): string[] {
    const index = this.need();
    return [...eventClasses(index)].map((c) => index.dataset.terms.value(c));
  }

  /** The smallest tree of relations joining the terminals (issue 18), as one path-shaped result. */
  connect(terminals: string[], options: PathOptions): { paths: PathResultView[]; graph: ViewGraph; suggestion: string } {
    terminals.forEach((t, i) => this.nodeOf(t, `entity ${i + 1}`));
    const { found, paths, suggestion } = connectAnswer(this.need(), terminals, options, (iris) => this.termIds(iris));
    return { paths, graph: this.graphOfPaths(found), suggestion };
  }

  private graphOfPaths(found: readonly { nodes: number[]; steps: { edge: number }[] }[]): ViewGraph {
    const nodeIds = new Set<number>();
    const edgeIds = new Set<number>();
    for (const path of found) {
      for (const n of path.nodes) nodeIds.add(n);
      for (const step of path.steps) edgeIds.add(step.edge);
    }
    return viewGraphOf(this.need(), this.colourClass, [...nodeIds], [...edgeIds]);
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
      graph: viewGraphOf(this.need(), this.colourClass, nodes, edges),
    };
  }

  /** The node's direct neighbours (both directions) and the edges to them, for double-click expansion. */
  expand(node: string, limit: number, predicates: readonly string[] = []): ViewGraph {
    return this.neighbourhood({ centers: [node], depth: 1, direction: "both", classes: [], predicates: [...predicates], limit }).graph;
  }

  /** Turtle of the given nodes and edges, with their evidence and the data's prefixes, as pieces for a Blob (never one string). */
  exportTurtle(nodes: readonly string[], edges: readonly string[], chunkChars?: number): { parts: string[]; quads: number } {
    const index = this.need();
    const nodeIds = nodes.map((iri) => index.nodeByIri(iri)).filter((n) => n >= 0);
    const edgeIds = edges.map(edgeId).filter((e) => e >= 0 && e < index.edgeCount);
    const quads = subgraphQuads(index, { nodes: nodeIds, edges: edgeIds });
    return { parts: [...writeChunks(index.dataset, "turtle", { quads, chunkChars })], quads: quads.length };
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

  private need(): GraphIndex {
    if (!this.index) throw new Error("workbench/data: no data is loaded yet.");
    return this.index;
  }
}

/** What went wrong, in a form the page can show; syntax errors keep their `file:line:column`. */
export function describeFailure(error: unknown): WorkerFailure {
  if (error instanceof RdfSyntaxError) {
    return { message: error.message, location: { file: error.file, line: error.line, column: error.column } };
  }
  if (error instanceof LoadCancelled) return { message: error.message, cancelled: true };
  return { message: error instanceof Error ? error.message : String(error) };
}
