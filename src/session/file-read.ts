// Reading a session file: size and nesting caps, JSON, format and version (migrating older ones), schema, consistency, known nodes.
import { queryKinds, type HistoryEntry } from "./history.ts";
import { isIri, SessionFileError, validate } from "./schema.ts";
import { sha256Hex } from "./sha256.ts";
import { formatBytes, MAX_NESTING, nestingDepth, utf8Length } from "./text-size.ts";
import type { SessionState } from "./types.ts";
import { withPositionsFilled } from "./written-positions.ts";
import { SESSION_FORMAT, SESSION_LIMITS, SESSION_VERSION, type SessionFile } from "./file-types.ts";
import { sessionSchema } from "./file-schema.ts";
import { migrations } from "./file-migrate.ts";

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
  // Steps made on data with additions that are undone now name nodes the data lacks until redo puts them back.
  const loaded = new Set((file.state.authored ?? []).map((a) => a.sha256));
  lists.forEach(([list, entries]) => entries.forEach((entry, i) => {
    if (entry.snapshot?.state.authored?.some((a) => !loaded.has(a.sha256))) return;
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
