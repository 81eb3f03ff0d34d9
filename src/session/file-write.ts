// Making and saving a session file: assembled from the workbench's parts, credentials stripped, stable JSON.
import type { EdgeTriple, History, SessionSnapshot } from "./history.ts";
import { defaultAppearance, emptyLayout, type Appearance, type SessionLayout } from "./layout.ts";
import { emptyNotes, type Notes } from "./notes.ts";
import { fitToSchema, stripUserinfo, withoutControlCharacters } from "./schema.ts";
import { sha256Hex } from "./sha256.ts";
import type { SessionState } from "./types.ts";
import { stepsForWriting, withPositionsFilled } from "./written-positions.ts";
import { SESSION_FORMAT, SESSION_VERSION, type SessionFile, type SessionSource } from "./file-types.ts";
import { sessionSchema } from "./file-schema.ts";

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
