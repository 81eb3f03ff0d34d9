// The session file: versioned JSON holding sources, history, state, layout, appearance and notes; strict parse, migration, stable save.
import {
  MAX_BRANCHES,
  MAX_HISTORY,
  queryKinds,
  type Branch,
  type EdgeTriple,
  type History,
  type HistoryEntry,
  type SessionSnapshot,
} from "./history.ts";
import { defaultAppearance, emptyLayout, type Appearance, type SessionLayout } from "./layout.ts";
import { emptyNotes, MAX_NOTE_LENGTH, type Notes } from "./notes.ts";
import { getEmptySession, MAX_SELECTION, SPARQL_LIMITS, sparqlQuerySchema } from "./producers.ts";
import {
  arr,
  bool,
  int,
  iri,
  isIri,
  nullable,
  num,
  obj,
  oneOf,
  SessionFileError,
  str,
  stripUserinfo,
  validate,
  withoutControlCharacters,
  fitToSchema,
  withDoc,
  type ObjectSchema,
  type RecordSchema,
  type Schema,
  type UnionSchema,
} from "./schema.ts";
import { sha256Hex } from "./sha256.ts";
import { formatBytes, MAX_NESTING, nestingDepth, utf8Length } from "./text-size.ts";
import { stepsForWriting, withPositionsFilled } from "./written-positions.ts";

export { utf8Length } from "./text-size.ts";
export { withRepeatedPositionsLeftOut } from "./written-positions.ts";
import type { SessionState } from "./types.ts";

export { SessionFileError, type SessionErrorKind } from "./schema.ts";

export const SESSION_FORMAT = "smartcity-kg-session";
/** Bump only with a migration in `migrations` below. */
export const SESSION_VERSION = 2;

/** Caps on untrusted session files (also documented in docs/session-format.md). */
export const SESSION_LIMITS = {
  /** Whole file, UTF-8 bytes. */
  maxBytes: 20 * 1024 * 1024,
  /** Content of one loaded data file carried in the session (characters). */
  maxSourceContent: 16 * 1024 * 1024,
  maxSources: 32,
  maxHistory: MAX_HISTORY,
  /** Node lists (added, hidden, results, positions, labels). */
  maxNodes: 50_000,
  /** Nodes selected at once (every undo snapshot carries the selection). */
  maxSelection: MAX_SELECTION,
  /** Edge lists and edge key tables. */
  maxEdges: 100_000,
  /** Names, labels, messages, explanations. */
  maxText: 4_000,
  /** Evidence quotes. */
  maxQuote: 20_000,
  maxNote: MAX_NOTE_LENGTH,
  /** Path results kept per query (the workbench allows k ≤ 20). */
  maxPaths: 20,
  /** Hops per path (the workbench allows maxLength ≤ 12). */
  maxHops: 12,
  maxEvidence: 500,
} as const;

export interface SessionSource {
  /** File name as the user loaded it, or the bundled file's path (e.g. "graph-data/companies.ttl"). */
  name: string;
  /** Lower-case hex SHA-256 of the file's text (UTF-8). */
  sha256: string;
  kind: "bundled" | "file";
  /** The text of a file the user loaded (bundled files are not copied: the hash identifies them). */
  content?: string;
  format?: "turtle" | "ntriples" | "nquads" | "trig";
}

export interface SessionFile {
  format: typeof SESSION_FORMAT;
  version: typeof SESSION_VERSION;
  name: string;
  createdAt: string;
  savedAt: string;
  sources: SessionSource[];
  history: HistoryEntry[];
  /** Index in `history` of the current step. */
  cursor: number;
  /** Steps left by going back and then acting, each after the step it grew from (absent when there are none). */
  branches?: Branch[];
  state: SessionState;
  layout: SessionLayout;
  appearance: Appearance;
  notes: Notes;
  /** Edge key (`e<id>`) → triple, for every edge key the state mentions, so edges stay identifiable across data versions. */
  edges: Record<string, EdgeTriple>;
  /** Node IRI → label as shown, for reports and messages without the data. */
  labels: Record<string, string>;
}

// ---- Schema (the single description the validator and the documentation test use) ----------------------------

const L = SESSION_LIMITS;
const text = (doc?: string) => str(L.maxText, { doc });
const iriList = (doc?: string) => arr(iri(), L.maxNodes, doc);
const isoTime = (doc: string) => str(40, { pattern: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/, patternName: "an ISO 8601 time (2026-11-22T08:00:00Z)", doc });
const edgeKeyPattern = /^e\d{1,10}$/;
const edgeKey = (doc?: string) => str(16, { pattern: edgeKeyPattern, patternName: "an edge key (e<id>)", doc });
const hexColour = str(7, { pattern: /^#[0-9a-fA-F]{6}$/, patternName: "a colour #rrggbb" });

const tripleSchema = obj({ source: iri("subject IRI"), predicate: iri("predicate IRI"), target: iri("object IRI") });

const evidenceSchema = obj(
  {
    statement: str(2048, { doc: "IRI or _:label of the evidence node" }),
    quote: str(L.maxQuote, { doc: "the quote from the source" }),
    source: str(2048, { doc: "source document IRI" }),
    sourceLabel: text(),
    locator: text(),
    page: int(0, 1_000_000),
    date: str(40),
    text: str(512, { doc: "cleaned source text file, relative to graph-data/" }),
  },
  ["page", "date", "text"],
);

const pathOptionsSchema = obj({
  k: int(1, 20, "how many shortest paths"),
  maxLength: int(1, 12, "longest path in hops"),
  directed: bool("follow relations only in their direction"),
  excludePredicates: iriList(),
  excludeClasses: iriList(),
  excludeNodes: iriList(),
});

const pathResultSchema = obj({
  nodes: arr(iri(), L.maxHops + 1),
  nodeLabels: arr(text(), L.maxHops + 1),
  steps: arr(
    obj({
      edge: edgeKey(),
      forward: bool(),
      from: iri(),
      to: iri(),
      predicate: iri(),
      predicateLabel: text(),
      evidence: arr(evidenceSchema, L.maxEvidence),
    }),
    L.maxHops,
  ),
  explanation: arr(str(L.maxQuote + L.maxText), L.maxHops),
});

const status = oneOf(["idle", "running", "done", "error"]);
const direction = oneOf(["out", "in", "both"]);

const selectionSchema: UnionSchema = {
  type: "union",
  tag: "kind",
  variants: {
    none: obj({ kind: oneOf(["none"]) }),
    node: obj({ kind: oneOf(["node"]), node: iri() }),
    nodes: obj({ kind: oneOf(["nodes"]), nodes: arr(iri(), L.maxSelection, "two or more node IRIs, in the order picked (one node is `node`)") }),
    edge: obj({ kind: oneOf(["edge"]), edge: edgeKey() }),
  },
};

const yearRange = obj({ from: int(-10_000, 10_000), to: int(-10_000, 10_000) });

export const stateSchema: ObjectSchema = obj({
  selection: selectionSchema,
  filters: obj({
    hiddenClasses: iriList("class IRIs whose nodes are hidden"),
    hiddenPredicates: iriList("predicate IRIs whose edges are hidden"),
    hiddenNodes: iriList("node IRIs the analyst hid"),
    dateRange: nullable(yearRange, "inclusive years; edges dated outside are hidden"),
    showSchema: bool(),
  }),
  path: obj({
    from: nullable(iri()),
    to: nullable(iri()),
    options: pathOptionsSchema,
    status,
    results: arr(pathResultSchema, L.maxPaths),
    chosen: int(-1, L.maxPaths - 1),
    message: text(),
  }),
  neighbourhood: obj({
    centers: iriList(),
    depth: int(1, 3),
    direction,
    classes: iriList(),
    predicates: iriList(),
    mode: oneOf(["only", "highlight"]),
    status,
    result: nullable(
      obj({
        centers: iriList(),
        nodes: arr(obj({ node: iri(), depth: int(0, 3) }), L.maxNodes),
        edges: arr(edgeKey(), L.maxEdges),
        truncated: bool(),
      }),
    ),
    message: text(),
  }),
  focus: oneOf(["none", "path", "neighbourhood"]),
  view: obj({ edgeLabels: bool(), hovered: nullable(iri()) }),
  added: obj({ nodes: iriList(), edges: arr(edgeKey(), L.maxEdges) }),
  sparql: obj({ queries: arr(sparqlQuerySchema, SPARQL_LIMITS.maxQueries, "newest first") }, [], "SPARQL queries run in the SPARQL panel (absent until one is run)"),
}, ["sparql"]);

const layoutSchema = obj({
  positions: { type: "record", keys: iri(), values: { type: "tuple", items: [num(), num()] }, max: L.maxNodes, doc: "node IRI → [x, y]" } satisfies RecordSchema,
  camera: obj({ x: num(), y: num(), ratio: num({ min: 1e-6, max: 1e6 }), angle: num() }),
  pinned: iriList("nodes fixed in place"),
});

const appearanceSchema = obj({
  nodeScale: num({ min: 0.25, max: 4, doc: "multiplies node sizes" }),
  labelDensity: num({ min: 0, max: 3, doc: "0 no labels, 1 default, 3 dense" }),
  colours: { type: "record", keys: iri(), values: hexColour, max: 1000, doc: "class IRI → #rrggbb" } satisfies RecordSchema,
});

const notesSchema = obj({
  session: str(L.maxNote, { doc: "note on the whole session" }),
  nodes: { type: "record", keys: iri(), values: str(L.maxNote), max: L.maxNodes, doc: "node IRI → note" } satisfies RecordSchema,
  edges: {
    type: "record",
    keys: str(3 * 2048 + 2, { pattern: /^\S+ \S+ \S+$/, patternName: 'an edge triple key "<subject> <predicate> <object>"' }),
    values: str(L.maxNote),
    max: L.maxEdges,
    doc: "edge triple key → note",
  } satisfies RecordSchema,
});

const recordedSchema = obj(
  {
    nodes: iriList(),
    edges: arr(tripleSchema, L.maxEdges),
    paths: arr(obj({ nodes: arr(iri(), L.maxHops + 1), edges: arr(tripleSchema, L.maxHops), explanation: arr(str(L.maxQuote + L.maxText), L.maxHops) }, ["explanation"]), L.maxPaths),
    truncated: bool(),
    message: text(),
    rows: int(0, 1_000_000_000, "for SPARQL steps: rows, true/false as 1/0, or triples returned"),
  },
  ["paths", "truncated", "message", "rows"],
);

const none = obj({});
const actionSchema: UnionSchema = {
  type: "union",
  tag: "kind",
  doc: "what the step did: a kind and its parameters",
  variants: Object.fromEntries(
    (
      [
        ["start", none],
        ["load", obj({ sources: arr(text(), L.maxSources), replace: bool() })],
        ["path", obj({ from: iri(), to: iri(), options: pathOptionsSchema })],
        ["choose-path", obj({ index: int(0, L.maxPaths - 1) })],
        ["neighbourhood", obj({ centers: iriList(), depth: int(1, 3), direction, classes: iriList(), predicates: iriList(), limit: int(1, L.maxNodes), mode: oneOf(["only", "highlight"]) })],
        ["expand", obj({ node: iri(), limit: int(1, L.maxNodes) })],
        ["add-nodes", obj({ nodes: iriList() })],
        ["hide-nodes", obj({ nodes: iriList() })],
        ["show-all-nodes", none],
        ["toggle-class", obj({ class: iri() })],
        ["toggle-predicate", obj({ predicate: iri() })],
        ["date-range", obj({ range: nullable(yearRange) })],
        ["show-schema", obj({ on: bool() })],
        ["reset-filters", none],
        ["select", obj({ node: iri(), edge: edgeKey() }, ["node", "edge"])],
        ["clear-focus", none],
        ["move-nodes", obj({ nodes: iriList() })],
        ["layout", none],
        ["pin", obj({ nodes: iriList(), pinned: bool() })],
        ["note", obj({ target: oneOf(["session", "node", "edge"]), key: str(3 * 2048 + 2) })],
        ["appearance", obj({ setting: str(64) })],
        ["edge-labels", obj({ on: bool() })],
        ["sparql", obj({ query: sparqlQuerySchema.fields.query, target: sparqlQuerySchema.fields.target })],
      ] as [string, ObjectSchema][]
    ).map(([kind, params]) => [kind, obj({ kind: oneOf([kind]), params })]),
  ),
};

/** A history snapshot's layout: since version 2 its `positions` are left out when no node moved in the step. */
const snapshotLayoutSchema = obj(layoutSchema.fields, ["positions"], "as `layout`; `positions` left out when they are the previous snapshot's");
const snapshotSchema = obj({ state: stateSchema, layout: snapshotLayoutSchema, appearance: appearanceSchema, notes: notesSchema });

const historyEntrySchema = obj(
  {
    id: str(32, { pattern: /^h\d{1,9}$/, patternName: "an entry id (h<number>)" }),
    at: isoTime("when the step was taken"),
    label: text("the step as the history panel shows it"),
    action: actionSchema,
    recorded: withDoc(recordedSchema, "what a query step found (IRIs and triples)"),
    snapshot: withDoc(snapshotSchema, "the whole session after the step (recent steps only)"),
  },
  ["recorded", "snapshot"],
);

const branchSchema = obj({
  id: str(32, { pattern: /^b\d{1,9}$/, patternName: "a branch id (b<number>)" }),
  from: str(32, { pattern: /^h\d{1,9}$/, patternName: "an entry id (h<number>)", doc: "id of the step it grew from, in `history` or another branch" }),
  at: isoTime("when the analyst left these steps"),
  entries: arr(historyEntrySchema, L.maxHistory, "the steps, oldest first, as in `history`"),
});

const sourceSchema = obj(
  {
    name: text("file name, or the bundled file's path"),
    sha256: str(64, { pattern: /^[0-9a-f]{64}$/, patternName: "64 lower-case hex digits (SHA-256)" }),
    kind: oneOf(["bundled", "file"]),
    content: str(L.maxSourceContent, { verbatim: true, doc: "the text of a file the user loaded, verbatim" }),
    format: oneOf(["turtle", "ntriples", "nquads", "trig"]),
  },
  ["content", "format"],
);

export const sessionSchema: ObjectSchema = obj({
  format: oneOf([SESSION_FORMAT], "always \"smartcity-kg-session\""),
  version: int(SESSION_VERSION, SESSION_VERSION, "format version"),
  name: text("the session's name"),
  createdAt: isoTime("when the session was started"),
  savedAt: isoTime("when it was saved"),
  sources: arr(sourceSchema, L.maxSources, "the data, in load order"),
  history: arr(historyEntrySchema, L.maxHistory, "every step, oldest first"),
  cursor: int(0, L.maxHistory - 1, "index of the current step"),
  branches: arr(branchSchema, MAX_BRANCHES, "steps left by going back in History and then acting; absent when none"),
  state: stateSchema,
  layout: layoutSchema,
  appearance: appearanceSchema,
  notes: notesSchema,
  edges: { type: "record", keys: edgeKey(), values: tripleSchema, max: L.maxEdges, doc: "edge key → triple" } satisfies RecordSchema,
  labels: { type: "record", keys: iri(), values: text(), max: L.maxNodes, doc: "node IRI → label as shown" } satisfies RecordSchema,
}, ["branches"]);

// ---- Making and saving ------------------------------------------------------------------------------------------

export interface SessionParts {
  name?: string;
  createdAt?: string;
  savedAt?: string;
  sources?: SessionSource[];
  /** The history; without one, the session is a single "Start" step holding the current snapshot. */
  history?: History;
  state: SessionState;
  layout?: SessionLayout;
  appearance?: Appearance;
  notes?: Notes;
  edges?: Record<string, EdgeTriple>;
  labels?: Record<string, string>;
}

/** Assembles a session file from the workbench's parts, stripping credentials from any URL in any string. */
export function toSessionFile(parts: SessionParts): SessionFile {
  const now = new Date().toISOString();
  const layout = parts.layout ?? emptyLayout();
  const appearance = parts.appearance ?? defaultAppearance();
  const notes = parts.notes ?? emptyNotes();
  const history = parts.history ?? {
    entries: [{ id: "h1", at: parts.createdAt ?? now, label: "Start", action: { kind: "start", params: {} }, snapshot: { state: parts.state, layout, appearance, notes } }],
    cursor: 0,
  };
  const file: SessionFile = {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    name: parts.name ?? "Untitled session",
    createdAt: parts.createdAt ?? history.entries[0]?.at ?? now,
    savedAt: parts.savedAt ?? now,
    sources: parts.sources ?? [],
    history: history.entries,
    cursor: history.cursor,
    ...(history.branches?.length ? { branches: history.branches } : {}),
    state: parts.state,
    layout,
    appearance,
    notes,
    edges: parts.edges ?? {},
    labels: parts.labels ?? {},
  };
  // Positions are left out before the deep copy, which would otherwise copy every snapshot's.
  return withPositionsFilled(withoutCredentials(stepsForWriting(file)));
}

/** The file as written: snapshots leave out positions repeated from the snapshot before (written-positions.ts). */
export function forWriting(file: SessionFile): SessionFile {
  return stepsForWriting(file);
}

/**
 * A deep copy with `user:password@` removed from every URL and control characters replaced in every string (keys
 * included), so what is saved always reads back. A loaded file's text (`sources[].content`) is kept verbatim: it is
 * the user's data, pinned by its hash.
 */
export function withoutCredentials<T>(value: T): T {
  const cleanString = (s: string) => withoutControlCharacters(stripUserinfo(s));
  const clean = (v: unknown, key?: string): unknown => {
    if (typeof v === "string") return key === "content" ? v : cleanString(v);
    if (Array.isArray(v)) return v.map((x) => clean(x));
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [cleanString(k), clean(x, k)]));
    return v;
  };
  return clean(value) as T;
}

/** The source entry of a text: its name, hash and (for user files) the text itself. */
export function describeSource(name: string, text: string, kind: SessionSource["kind"], format?: SessionSource["format"]): SessionSource {
  return describeHashedSource(name, sha256Hex(text), kind, kind === "file" ? text : undefined, format);
}

/**
 * The source entry of a text hashed elsewhere (the workbench hashes in its data worker, so that a big file never
 * holds up the page); `content` is the text of a user file, left out for bundled ones.
 */
export function describeHashedSource(
  name: string,
  sha256: string,
  kind: SessionSource["kind"],
  content?: string,
  format?: SessionSource["format"],
): SessionSource {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`session/sources: "${sha256.slice(0, 80)}" is not a SHA-256 (64 lower-case hex digits) for ${JSON.stringify(name)}`);
  const source: SessionSource = { name: stripUserinfo(name), sha256, kind };
  if (kind === "file" && content !== undefined) source.content = content;
  if (format) source.format = format;
  return source;
}

/** The sources without the texts of user files (which the workbench keeps once, by hash, beside its autosaves). */
export function withoutContent(sources: readonly SessionSource[]): SessionSource[] {
  return sources.map(({ content: _content, ...source }) => source);
}

/** The history as a History value (for undo/redo after opening a file). */
export function historyOf(file: SessionFile): History {
  return file.branches?.length ? { entries: file.history, cursor: file.cursor, branches: file.branches } : { entries: file.history, cursor: file.cursor };
}

/** The snapshot the file describes as current. */
export function snapshotOf(file: SessionFile): SessionSnapshot {
  return { state: file.state, layout: file.layout, appearance: file.appearance, notes: file.notes };
}

/**
 * Pretty JSON with keys in a fixed order (objects sorted by key), so saved files diff cleanly. Credentials are
 * stripped and over-long free text cut to its cap, so that what is saved always reads back.
 */
export function serializeSession(file: SessionFile): string {
  return `${JSON.stringify(fitToSchema(forWriting(file), sessionSchema), null, 2)}\n`;
}

// ---- Reading ----------------------------------------------------------------------------------------------------

export interface ParseOptions {
  /** Cap on the text's UTF-8 size; default SESSION_LIMITS.maxBytes. */
  maxBytes?: number;
  /** Whether a node IRI is in the current data; when given, unknown nodes are an error. */
  knownNodes?: (iri: string) => boolean;
  /** The nearest labels to an unknown IRI, for the error message. */
  suggest?: (iri: string) => string[];
  /**
   * Whether to check carried file texts against their SHA-256 (default true). The workbench passes false: its data
   * worker checks each text when it parses it, so that the page does not hash megabytes.
   */
  verifyContent?: boolean;
}

/** Older versions and how each becomes the next one. */
const migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  0: migrateFrom0,
  // Version 2 may leave out a snapshot's repeated positions; a version 1 file, which never does, reads as it is.
  1: (old) => ({ ...old, version: 2 }),
};

/**
 * Parses and checks a session file: JSON, size, format, version (older ones migrated, newer refused), every field
 * (types, lengths, counts, IRIs, no prototype or credential keys), hashes of carried content, the cursor, and, with
 * `knownNodes`, that every node exists. Throws SessionFileError saying where and what; returns a fresh object.
 */
export function parseSessionFile(text: string, options: ParseOptions = {}): SessionFile {
  const maxBytes = options.maxBytes ?? SESSION_LIMITS.maxBytes;
  if (typeof text !== "string") throw new SessionFileError("", "expected the file's text", "wrong-type");
  const size = text.length * 3 <= maxBytes ? text.length : utf8Length(text);
  if (size > maxBytes) throw new SessionFileError("", `the file is ${formatBytes(size)}, larger than the ${formatBytes(maxBytes)} a session may be`, "too-large");
  const depth = nestingDepth(text, MAX_NESTING);
  if (depth > MAX_NESTING) throw new SessionFileError("", `nested more than ${MAX_NESTING} levels deep (a session is about 12); not a session file`, "too-many");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new SessionFileError("", `not JSON (${why.slice(0, 200)}); a session file is the JSON the workbench saves`, "not-json");
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new SessionFileError("", `expected a JSON object, got ${Array.isArray(raw) ? "an array" : raw === null ? "null" : typeof raw}`, "not-a-session");
  let record = raw as Record<string, unknown>;
  if (record.format !== SESSION_FORMAT) {
    throw new SessionFileError("format", `not a smartcity-kg session (format is ${JSON.stringify(record.format)?.slice(0, 60) ?? "missing"}, expected "${SESSION_FORMAT}")`, "not-a-session");
  }
  const version = record.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0) {
    throw new SessionFileError("version", `expected a whole version number, got ${JSON.stringify(version)?.slice(0, 40) ?? "nothing"}`, "bad-version");
  }
  if (version > SESSION_VERSION) {
    throw new SessionFileError("version", `${version} is newer than the version this build reads (${SESSION_VERSION}); open the file with a newer smartcity-kg`, "future-version");
  }
  for (let v = version; v < SESSION_VERSION; v++) {
    const migrate = migrations[v];
    if (!migrate) throw new SessionFileError("version", `version ${v} cannot be migrated (no migration from it)`, "bad-version");
    record = migrate(record);
  }
  const file = withPositionsFilled(validate<SessionFile>(record, sessionSchema));
  checkConsistency(file, options.verifyContent ?? true);
  if (options.knownNodes) checkKnownNodes(file, options.knownNodes, options.suggest);
  return file;
}

function checkConsistency(file: SessionFile, verifyContent: boolean): void {
  if (file.history.length === 0) throw new SessionFileError("history", "empty; a session has at least its start step", "inconsistent");
  if (file.cursor >= file.history.length) throw new SessionFileError("cursor", `${file.cursor} is past the last step (${file.history.length - 1})`, "inconsistent");
  const ids = new Set<string>();
  const lists: [string, HistoryEntry[]][] = [["history", file.history], ...(file.branches ?? []).map((b, i): [string, HistoryEntry[]] => [`branches[${i}].entries`, b.entries])];
  for (const [at, entries] of lists) {
    entries.forEach((entry, i) => {
      if (ids.has(entry.id)) throw new SessionFileError(`${at}[${i}].id`, `"${entry.id}" is used twice`, "inconsistent");
      ids.add(entry.id);
    });
  }
  file.branches?.forEach((b, i) => {
    if (b.entries.length === 0) throw new SessionFileError(`branches[${i}].entries`, "empty; a branch holds at least one step", "inconsistent");
    if (!ids.has(b.from)) throw new SessionFileError(`branches[${i}].from`, `"${b.from}" is no step of the history or of a branch`, "inconsistent");
  });
  file.sources.forEach((source, i) => {
    if (verifyContent && source.content !== undefined && sha256Hex(source.content) !== source.sha256) {
      throw new SessionFileError(`sources[${i}].sha256`, `does not match the content of "${source.name}" (the file was changed or damaged)`, "hash-mismatch");
    }
    if (source.kind === "bundled" && source.content !== undefined) throw new SessionFileError(`sources[${i}].content`, "bundled sources are identified by their hash, not copied", "inconsistent");
  });
  checkSelection(file.state, "state");
  for (const [at, entries] of lists) entries.forEach((entry, i) => entry.snapshot && checkSelection(entry.snapshot.state, `${at}[${i}].snapshot.state`));
  const results = file.state.path.results.length;
  if (file.state.path.chosen >= results) throw new SessionFileError("state.path.chosen", `${file.state.path.chosen} but there ${results === 1 ? "is 1 result" : `are ${results} results`}`, "inconsistent");
}

/** A `nodes` selection holds two or more different nodes, so each set of nodes has one way to be written. */
function checkSelection(state: SessionState, at: string): void {
  if (state.selection.kind !== "nodes") return;
  const nodes = state.selection.nodes;
  if (nodes.length < 2) {
    throw new SessionFileError(`${at}.selection.nodes`, `${nodes.length} node${nodes.length === 1 ? "" : "s"}; a "nodes" selection holds two or more (write one node as {"kind": "node", "node": …}, none as {"kind": "none"})`, "inconsistent");
  }
  const seen = new Set<string>();
  nodes.forEach((node, i) => {
    if (seen.has(node)) throw new SessionFileError(`${at}.selection.nodes[${i}]`, `<${node}> is selected twice`, "inconsistent");
    seen.add(node);
  });
}

/** Every node IRI the session refers to, with where it first appears. */
export function nodeReferences(file: SessionFile): Map<string, string> {
  const refs = new Map<string, string>();
  const add = (iri: string | null | undefined, path: string) => {
    if (iri && !refs.has(iri) && isIri(iri)) refs.set(iri, path);
  };
  const addState = (s: SessionState, at: string) => {
    if (s.selection.kind === "node") add(s.selection.node, `${at}.selection.node`);
    if (s.selection.kind === "nodes") s.selection.nodes.forEach((n, i) => add(n, `${at}.selection.nodes[${i}]`));
    s.filters.hiddenNodes.forEach((n, i) => add(n, `${at}.filters.hiddenNodes[${i}]`));
    add(s.path.from, `${at}.path.from`);
    add(s.path.to, `${at}.path.to`);
    s.path.options.excludeNodes.forEach((n, i) => add(n, `${at}.path.options.excludeNodes[${i}]`));
    s.path.results.forEach((r, j) => r.nodes.forEach((n, i) => add(n, `${at}.path.results[${j}].nodes[${i}]`)));
    s.neighbourhood.centers.forEach((n, i) => add(n, `${at}.neighbourhood.centers[${i}]`));
    s.neighbourhood.result?.nodes.forEach((n, i) => add(n.node, `${at}.neighbourhood.result.nodes[${i}].node`));
    s.added.nodes.forEach((n, i) => add(n, `${at}.added.nodes[${i}]`));
  };
  addState(file.state, "state");
  Object.keys(file.layout.positions).forEach((n) => add(n, `layout.positions[${JSON.stringify(n)}]`));
  file.layout.pinned.forEach((n, i) => add(n, `layout.pinned[${i}]`));
  Object.keys(file.notes.nodes).forEach((n) => add(n, `notes.nodes[${JSON.stringify(n)}]`));
  Object.entries(file.edges).forEach(([key, t]) => {
    add(t.source, `edges.${key}.source`);
    add(t.target, `edges.${key}.target`);
  });
  const lists: [string, HistoryEntry[]][] = [["history", file.history], ...(file.branches ?? []).map((b, j): [string, HistoryEntry[]] => [`branches[${j}].entries`, b.entries])];
  lists.forEach(([list, entries]) => entries.forEach((entry, i) => {
    const at = `${list}[${i}]`;
    const a = entry.action;
    if (a.kind === "path") {
      add(a.params.from, `${at}.action.params.from`);
      add(a.params.to, `${at}.action.params.to`);
    } else if (a.kind === "neighbourhood") a.params.centers.forEach((n, j) => add(n, `${at}.action.params.centers[${j}]`));
    else if (a.kind === "expand") add(a.params.node, `${at}.action.params.node`);
    else if (a.kind === "add-nodes" || a.kind === "hide-nodes" || a.kind === "move-nodes" || a.kind === "pin") a.params.nodes.forEach((n, j) => add(n, `${at}.action.params.nodes[${j}]`));
    if (entry.snapshot) addState(entry.snapshot.state, `${at}.snapshot.state`);
  }));
  return refs;
}

function checkKnownNodes(file: SessionFile, known: (iri: string) => boolean, suggest?: (iri: string) => string[]): void {
  const unknown = [...nodeReferences(file)].filter(([node]) => !known(node));
  if (unknown.length === 0) return;
  const shown = unknown.slice(0, 3).map(([node]) => {
    const near = suggest?.(node) ?? [];
    return `<${node}>${near.length ? ` (nearest: ${near.slice(0, 3).map((l) => JSON.stringify(l)).join(", ")})` : ""}`;
  });
  const more = unknown.length > 3 ? ` and ${unknown.length - 3} more` : "";
  throw new SessionFileError(unknown[0][1], `${unknown.length} node${unknown.length === 1 ? " is" : "s are"} not in the current data: ${shown.join(", ")}${more}`, "unknown-nodes");
}

/** Whether an action re-runs a query (path, neighbourhood, expand). */
export function isQueryEntry(entry: HistoryEntry): boolean {
  return queryKinds.includes(entry.action.kind);
}

// ---- Version 0 (the draft the workbench wrote before sessions had a history): state, positions, a session note ----

function migrateFrom0(old: Record<string, unknown>): Record<string, unknown> {
  const v0 = validate<V0File>(old, v0Schema);
  const state = v0.state as SessionState;
  const layout: SessionLayout = { ...emptyLayout(), positions: v0.positions };
  const notes: Notes = { ...emptyNotes(), session: v0.note };
  const appearance = defaultAppearance();
  const sources = v0.data.map((d) => ({ name: d.name, sha256: d.sha256, kind: d.name.startsWith("bundled:") ? "bundled" : "file" }));
  const start = { state: getEmptySession(), layout: emptyLayout(), appearance, notes: emptyNotes() };
  const history = [
    { id: "h1", at: v0.savedAt, label: "Start", action: { kind: "start", params: {} }, snapshot: start },
    ...v0.steps.map((step, i) => ({ id: `h${i + 2}`, at: step.at, label: step.label, action: { kind: step.kind, params: step.params } })),
  ];
  // Version 0 kept no snapshots: the last step gets the saved state, so undo stops there rather than guessing.
  const last = history[history.length - 1] as Record<string, unknown>;
  last.snapshot = { state, layout, appearance, notes };
  return {
    format: SESSION_FORMAT,
    version: 1,
    name: v0.name,
    createdAt: v0.savedAt,
    savedAt: v0.savedAt,
    sources: sources.map((s) => ({ ...s, name: s.name.replace(/^bundled:/, "") })),
    history,
    cursor: history.length - 1,
    state,
    layout,
    appearance,
    notes,
    edges: {},
    labels: {},
  };
}

interface V0File {
  name: string;
  savedAt: string;
  data: { name: string; sha256: string }[];
  state: unknown;
  positions: Record<string, [number, number]>;
  note: string;
  steps: { at: string; label: string; kind: string; params: unknown }[];
}

/** Version 0's own fields are checked here; its state and step parameters by the version 1 schema after migration. */
const anyJson: Schema = { type: "any", max: L.maxNodes };
const v0Schema: ObjectSchema = obj({
  format: oneOf([SESSION_FORMAT]),
  version: int(0, 0),
  name: text(),
  savedAt: isoTime("when it was saved"),
  data: arr(obj({ name: text(), sha256: str(64, { pattern: /^[0-9a-f]{64}$/, patternName: "a SHA-256 hex digest" }) }), L.maxSources),
  state: anyJson,
  positions: layoutSchema.fields.positions,
  note: str(L.maxNote),
  steps: arr(obj({ at: isoTime("step time"), label: text(), kind: str(64), params: anyJson }), L.maxHistory),
});
