// Writes a Dataset, or a subset of its quads, as Turtle, TriG, N-Triples or N-Quads; Turtle and TriG are byte-for-byte deterministic, blank node labels included.
import type { Dataset } from "./dataset.ts";
import { PrettyWriter } from "./pretty-writer.ts";
import { RdfWriteError } from "./serialize-terms.ts";
import { DEFAULT_GRAPH_ID } from "./terms.ts";
import { lineChunks, writeLines } from "./write-lines.ts";

export { RdfWriteError } from "./serialize-terms.ts";

export interface WriteOptions {
  /** Write only these quads (indices into the dataset, as subgraph queries produce them); default all. */
  quads?: ArrayLike<number>;
  /**
   * Prefixes to abbreviate with (Turtle, TriG); default: the well-known prefixes of vocab.ts overridden by the
   * dataset's own. Only the prefixes the output uses are declared, sorted by name.
   */
  prefixes?: Readonly<Record<string, string>>;
  /**
   * Turtle and N-Triples cannot name graphs. "union" (the default) writes the triples of all graphs once each,
   * dropping the graph names (see `namedGraphsIn` to warn about it); "error" throws an RdfWriteError instead.
   */
  namedGraphs?: "union" | "error";
  /**
   * N-Triples and N-Quads: "canonical" (the default) sorts the lines so that the same graph always gives the same
   * bytes; "dataset" keeps dataset order, for feeding another engine, where order does not matter and sorting
   * would only cost time (about as long again as writing at 1M triples).
   */
  order?: "canonical" | "dataset";
}

/** The named graphs (term ids, sorted) that the given quads (default: all) lie in; empty when all are in the default graph. */
export function namedGraphsIn(dataset: Dataset, quads?: ArrayLike<number>): number[] {
  const graphs = new Set<number>();
  const { graphs: column } = dataset;
  if (quads === undefined) {
    for (let i = 0; i < column.length; i++) if (column[i] !== DEFAULT_GRAPH_ID) graphs.add(column[i]);
  } else {
    for (const i of selectQuads(dataset, quads)) if (column[i] !== DEFAULT_GRAPH_ID) graphs.add(column[i]);
  }
  return [...graphs].sort((a, b) => a - b);
}

/** The dataset (or the selected quads) as Turtle; quads of named graphs are merged into one graph (see `namedGraphs`). */
export function writeTurtle(dataset: Dataset, options: WriteOptions = {}): string {
  const selected = tripleSelection(dataset, options);
  return new PrettyWriter(dataset, selected, false, options).write();
}

/** The dataset (or the selected quads) as TriG: the default graph first, then each named graph in a `{ }` block. */
export function writeTriG(dataset: Dataset, options: WriteOptions = {}): string {
  return new PrettyWriter(dataset, selectQuads(dataset, options.quads), true, options).write();
}

/** The dataset (or the selected quads) as N-Triples, one triple a line in canonical order (see writeLines); graph names as in writeTurtle. */
export function writeNTriples(dataset: Dataset, options: WriteOptions = {}): string {
  return writeLines(dataset, tripleSelection(dataset, options), false, options.order ?? "canonical");
}

/** The dataset (or the selected quads) as N-Quads, one quad a line in canonical order. */
export function writeNQuads(dataset: Dataset, options: WriteOptions = {}): string {
  return writeLines(dataset, selectQuads(dataset, options.quads), true, options.order ?? "canonical");
}

export type WriteFormat = "turtle" | "trig" | "ntriples" | "nquads";

/**
 * The same text as writeTurtle, writeTriG, writeNTriples or writeNQuads, handed out in pieces of about `chunkChars`
 * characters (default 1 Mi), so an export of any size is written to a file or a download piece by piece and never
 * needs one string (V8 caps a string at 2^29 - 24 characters: about 3M triples of N-Triples).
 */
export function writeChunks(dataset: Dataset, format: WriteFormat, options: WriteOptions & { chunkChars?: number } = {}): Iterable<string> {
  const chunkChars = options.chunkChars ?? 1 << 20;
  const order = options.order ?? "canonical";
  switch (format) {
    case "turtle":
      return new PrettyWriter(dataset, tripleSelection(dataset, options), false, { ...options, chunkChars }).chunks();
    case "trig":
      return new PrettyWriter(dataset, selectQuads(dataset, options.quads), true, { ...options, chunkChars }).chunks();
    case "ntriples":
      return lineChunks(dataset, tripleSelection(dataset, options), false, order, chunkChars);
    case "nquads":
      return lineChunks(dataset, selectQuads(dataset, options.quads), true, order, chunkChars);
  }
}

/** The chosen quad indices, checked, sorted and without repeats (so the output follows dataset order). */
function selectQuads(dataset: Dataset, quads: ArrayLike<number> | undefined): Uint32Array {
  const size = dataset.size;
  if (quads === undefined) {
    const all = new Uint32Array(size);
    for (let i = 0; i < size; i++) all[i] = i;
    return all;
  }
  const chosen = new Uint32Array(quads.length);
  for (let k = 0; k < quads.length; k++) {
    const i = quads[k];
    if (!Number.isInteger(i) || i < 0 || i >= size) {
      throw new RangeError(`rdf/write: quad index ${i} is not in the dataset (it has ${size} quads, indices 0 to ${size - 1})`);
    }
    chosen[k] = i;
  }
  chosen.sort();
  let unique = 0;
  for (let k = 0; k < chosen.length; k++) if (k === 0 || chosen[k] !== chosen[k - 1]) chosen[unique++] = chosen[k];
  return chosen.subarray(0, unique);
}

/**
 * Quads for a triple syntax: one per distinct triple. The dataset sorts each subject's quads by predicate,
 * object, then graph, so the same triple in several graphs is a run of neighbours.
 */
function tripleSelection(dataset: Dataset, options: WriteOptions): Uint32Array {
  const selected = selectQuads(dataset, options.quads);
  const { subjects: S, predicates: P, objects: O, graphs: G } = dataset;
  let named = -1;
  let unique = 0;
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k];
    if (named < 0 && G[i] !== DEFAULT_GRAPH_ID) named = G[i];
    if (unique > 0) {
      const j = selected[unique - 1];
      if (S[i] === S[j] && P[i] === P[j] && O[i] === O[j]) continue;
    }
    selected[unique++] = i;
  }
  if (named >= 0 && options.namedGraphs === "error") {
    const names = namedGraphsIn(dataset, selected.subarray(0, unique)).slice(0, 3).map((g) => dataset.terms.key(g));
    throw new RdfWriteError(`the quads lie in named graphs (${names.join(", ")}${names.length === 3 ? ", …" : ""}), which Turtle and N-Triples cannot name; write TriG or N-Quads to keep them`);
  }
  return selected.subarray(0, unique);
}
