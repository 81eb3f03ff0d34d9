// The session file's shape: format name, version, limits on untrusted files, and the types of a file and its sources.
import { MAX_HISTORY, type Branch, type EdgeTriple, type HistoryEntry } from "./history.ts";
import type { Appearance, SessionLayout } from "./layout.ts";
import { MAX_NOTE_LENGTH, type Notes } from "./notes.ts";
import { MAX_SELECTION } from "./producers.ts";
import type { SessionState } from "./types.ts";

export const SESSION_FORMAT = "smartcity-kg-session";
/** Bump only with a migration in file-migrate.ts. */
export const SESSION_VERSION = 3;

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
