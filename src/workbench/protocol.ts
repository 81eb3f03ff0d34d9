// The messages between the workbench and its data worker: plain JSON requests, replies and progress events.
import type { EvidenceView, NeighbourhoodResultView, PathOptions, PathResultView } from "../session/types.ts";
import type { NeighbourhoodParams } from "../session/history.ts";
import type { SparqlReply, SparqlRequest } from "./sparql/protocol.ts";
import type { AuthorReplies, AuthorRequest } from "./authoring-protocol.ts";
import type { DatasetSummary, ViewGraph } from "./view-graph.ts";
import type { LoadLimits } from "./load-limits.ts";

// Where these were defined before; the SPARQL protocol imports them from view-graph.ts so the two protocols do not import each other.
export type { DatasetSummary, LegendEntry, ViewEdge, ViewGraph, ViewNode } from "./view-graph.ts";

export interface Overview {
  graph: ViewGraph;
  /** How many nodes the overview could have shown (instances, or everything when there are none). */
  candidates: number;
  cap: number;
  capped: boolean;
  schemaHidden: boolean;
}

export interface SearchHit {
  node: string;
  label: string;
  matched: string;
  kind: string;
  score: number;
  classLabel: string;
}

export interface RelationView {
  edge: string;
  predicate: string;
  predicateLabel: string;
  /** "out": this node is the subject; "in": the object. */
  direction: "out" | "in";
  other: string;
  otherLabel: string;
  date?: string;
  evidence: EvidenceView[];
}

export interface NodeDetails {
  kind: "node";
  iri: string;
  label: string;
  altLabels: string[];
  description?: string;
  classes: { iri: string; label: string }[];
  literals: { predicate: string; predicateLabel: string; value: string; language: string }[];
  links: { predicate: string; predicateLabel: string; iri: string }[];
  relations: RelationView[];
  schema: boolean;
}

export interface EdgeDetails {
  kind: "edge";
  edge: string;
  source: string;
  sourceLabel: string;
  target: string;
  targetLabel: string;
  predicate: string;
  predicateLabel: string;
  date?: string;
  evidence: EvidenceView[];
}

export interface SourceFile {
  name: string;
  text: string;
  format?: "turtle" | "ntriples" | "nquads" | "trig";
  /** What the text's relative IRIs resolve against: the page's URL (a picked file has no URL of its own). */
  baseIRI?: string;
}

/**
 * A file to load as the page sends it: a Blob (a picked File, or one kept in IndexedDB), read in the worker so a big
 * file's text never exists on the page, or text (a session file's carried content, already on the page).
 */
export interface IncomingFile {
  name: string;
  file?: Blob;
  text?: string;
  format?: SourceFile["format"];
  /**
   * The SHA-256 a session file says this text has: the worker refuses the load when the text's own differs, with
   * the session's error (`session: <at>.sha256: does not match the content of …`). `at` is where it was, `sources[i]`.
   */
  expect?: { sha256: string; at: string };
}

/** A file the worker loaded, with the SHA-256 of its text (hashed there, so the page never hashes big files). */
export interface LoadedFile {
  name: string;
  sha256: string;
}

/** A neighbourhood query as the worker runs it: the session's recorded parameters without the display mode. */
export type NeighbourhoodRequest = Omit<NeighbourhoodParams, "mode">;

/** Requests by type, each with its reply type. */
export interface Requests {
  /** No files: the bundled ontology and graph data. `loaded`: the files of this request (or the bundled ones), in order, hashed. */
  /** `baseIRI`: the page's URL, which relative IRIs in the files resolve against (the worker's own is its script's). */
  /** `limits`: lower load limits than the workbench's own (load-limits.ts), from the page's address. */
  load: { args: { files: IncomingFile[]; replace: boolean; baseIRI?: string; limits?: LoadLimits }; reply: DatasetSummary & { loaded: LoadedFile[] } };
  /** Stops the load under way (answered at once, not after it): it fails with `cancelled`, the data before stays. */
  cancelLoad: { args: Record<string, never>; reply: boolean };
  /** With `layout`, the nodes come with positions from a ForceAtlas2 run in the worker. */
  overview: { args: { cap: number; includeSchema: boolean; layout?: boolean }; reply: Overview };
  search: { args: { text: string; limit: number }; reply: SearchHit[] };
  details: { args: { node?: string; edge?: string }; reply: NodeDetails | EdgeDetails | null };
  /** The given nodes and edges; with `induce`, also every edge among the given nodes (capped). */
  subgraph: { args: { nodes: string[]; edges: string[]; induce?: boolean }; reply: ViewGraph };
  path: {
    args: { from: string; to: string; options: PathOptions };
    reply: { paths: PathResultView[]; graph: ViewGraph; suggestion: string };
  };
  /** The class IRIs that are kinds of event (below prov:Activity), for the path constraints. */
  eventKinds: { args: Record<string, never>; reply: string[] };
  /** The smallest tree of relations joining several entities, as one path-shaped result (issue 18). */
  connect: {
    args: { terminals: string[]; options: PathOptions };
    reply: { paths: PathResultView[]; graph: ViewGraph; suggestion: string };
  };
  neighbourhood: { args: NeighbourhoodRequest; reply: { result: NeighbourhoodResultView; graph: ViewGraph } };
  /** With `predicates`, only neighbours joined by relations of those predicates. */
  expand: { args: { node: string; limit: number; predicates?: string[] }; reply: ViewGraph };
  /** The Turtle in pieces of about 1 Mi characters, for `new Blob(parts)`: a large export is never one string. */
  export: { args: { nodes: string[]; edges: string[] }; reply: { parts: string[]; quads: number } };
  /** The SPARQL panel's requests (sparql/protocol.ts), answered by a module the worker imports on first use. */
  sparql: { args: SparqlRequest; reply: SparqlReply };
  /** Evidence-first authoring (authoring-protocol.ts), answered by a module the worker imports on first use. */
  author: { args: AuthorRequest; reply: AuthorReplies[keyof AuthorReplies] };
}

export type RequestType = keyof Requests;

export interface RequestMessage<T extends RequestType = RequestType> {
  id: number;
  type: T;
  args: Requests[T]["args"];
}

/** A failure the user can act on; `location` is set for syntax errors (`file:line:column`). */
export interface WorkerFailure {
  message: string;
  location?: { file: string; line: number; column: number };
  /** The analyst stopped the load (cancelLoad): nothing changed, nothing to show as an error. */
  cancelled?: boolean;
}

export type ReplyMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WorkerFailure }
  | { id: number; progress: LoadProgress };

/** A load's progress: bytes (characters of a text) read of the total; quads parsed and their rate per second. */
export interface LoadProgress {
  file: string;
  done: number;
  total: number;
  quads?: number;
  rate?: number;
}
