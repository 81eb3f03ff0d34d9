// The analyst's notes on the session, on nodes (by IRI) and on edges (by triple key), with pure producers.
import { tripleKey, type EdgeTriple } from "./actions.ts";

export interface Notes {
  /** Free text about the whole session. */
  session: string;
  /** Node IRI → note. */
  nodes: Record<string, string>;
  /** Edge triple key (`tripleKey`: "<s> <p> <o>") → note; keys survive edge ids changing with the data. */
  edges: Record<string, string>;
}

/** Longest note accepted (characters). */
export const MAX_NOTE_LENGTH = 20_000;

export function emptyNotes(): Notes {
  return { session: "", nodes: {}, edges: {} };
}

/** A copy of `record` with `key` set to `text`, or removed when the text is blank (built with fromEntries: no prototype keys). */
function withEntry(record: Record<string, string>, key: string, text: string): Record<string, string> {
  const entries = Object.entries(record).filter(([k]) => k !== key);
  if (text.trim() !== "") entries.push([key, text]);
  return Object.fromEntries(entries);
}

function checkLength(text: string): string {
  if (text.length > MAX_NOTE_LENGTH) throw new RangeError(`session/notes: a note of ${text.length} characters is longer than the ${MAX_NOTE_LENGTH} allowed`);
  return text;
}

export const setSessionNote = (text: string) => (notes: Notes): Notes => ({ ...notes, session: checkLength(text) });
export const setNodeNote = (iri: string, text: string) => (notes: Notes): Notes => ({ ...notes, nodes: withEntry(notes.nodes, iri, checkLength(text)) });
export const setEdgeNote = (edge: EdgeTriple, text: string) => (notes: Notes): Notes => ({
  ...notes,
  edges: withEntry(notes.edges, tripleKey(edge), checkLength(text)),
});

export function nodeNote(notes: Notes, iri: string): string {
  return Object.hasOwn(notes.nodes, iri) ? notes.nodes[iri] : "";
}
export function edgeNote(notes: Notes, edge: EdgeTriple): string {
  const key = tripleKey(edge);
  return Object.hasOwn(notes.edges, key) ? notes.edges[key] : "";
}

export function noteCount(notes: Notes): number {
  return (notes.session.trim() ? 1 : 0) + Object.keys(notes.nodes).length + Object.keys(notes.edges).length;
}
