// Writes quads as N-Triples or N-Quads in one canonical order, so that export, import and export again give the same bytes.
import { canonicalBlankRanks } from "./blank-colours.ts";
import type { Dataset } from "./dataset.ts";
import { iriRef, ntriplesLiteral } from "./serialize-terms.ts";
import { sortRun } from "./sort-run.ts";
import { DEFAULT_GRAPH_ID, KIND_BLANK, KIND_IRI, KIND_LITERAL } from "./terms.ts";

/**
 * The selected quads, one line each, sorted by subject, predicate, object and graph: literals, then IRIs, each
 * in code-unit order of their term keys, then blank nodes in canonical order (by their surroundings, never their labels).
 * Blank nodes are labelled `_:bN` in order of first appearance, so the labels follow the sorted text. Blank
 * nodes that tie in that order keep input order among themselves (see canonicalBlankRanks). `withGraphs` adds
 * the graph name (N-Quads); without it the caller passes one quad per triple. Order "dataset" skips the sort.
 */
export function writeLines(dataset: Dataset, selected: Uint32Array, withGraphs: boolean, order: "canonical" | "dataset"): string {
  return [...lineChunks(dataset, selected, withGraphs, order, Infinity)].join("");
}

/** writeLines's text in pieces of about `chunkChars` characters (whole lines each). */
export function* lineChunks(dataset: Dataset, selected: Uint32Array, withGraphs: boolean, order: "canonical" | "dataset", chunkChars: number): Generator<string> {
  const { terms, subjects: S, predicates: P, objects: O, graphs: G } = dataset;
  const kinds = terms.kindCodes();
  const ordered = order === "dataset" ? selected : sortQuads(dataset, selected, termRanks(dataset, selected, kinds, withGraphs), withGraphs);
  const cache: (string | undefined)[] = new Array(terms.size);
  let blankCount = 0;
  const text = (id: number): string => {
    let written = cache[id];
    if (written === undefined) {
      if (kinds[id] === KIND_LITERAL) written = ntriplesLiteral(terms.key(id));
      else if (kinds[id] === KIND_BLANK) written = `_:b${blankCount++}`;
      else written = iriRef(terms.value(id));
      cache[id] = written;
    }
    return written;
  };
  let out: string[] = [];
  let chars = 0;
  for (let k = 0; k < ordered.length; k++) {
    const i = ordered[k];
    const graph = withGraphs && G[i] !== DEFAULT_GRAPH_ID ? ` ${text(G[i])}` : "";
    const line = `${text(S[i])} ${text(P[i])} ${text(O[i])}${graph} .\n`;
    out.push(line);
    chars += line.length;
    if (chars >= chunkChars) {
      yield out.join("");
      out = [];
      chars = 0;
    }
  }
  if (out.length > 0) yield out.join("");
}

/** Per term id used by the selection, its place in the canonical order (the default graph first, at 0). */
function termRanks(dataset: Dataset, selected: Uint32Array, kinds: Uint8Array, withGraphs: boolean): Uint32Array {
  const { terms, subjects: S, predicates: P, objects: O, graphs: G } = dataset;
  const used = new Uint8Array(terms.size);
  const byKind: number[][] = [[], [], []]; // literals, IRIs, blank nodes
  const slot = (kind: number) => (kind === KIND_LITERAL ? 0 : kind === KIND_IRI ? 1 : kind === KIND_BLANK ? 2 : -1);
  const use = (id: number) => {
    if (used[id] === 0) {
      used[id] = 1;
      const at = slot(kinds[id]);
      if (at >= 0) byKind[at].push(id);
    }
  };
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k];
    use(S[i]);
    use(P[i]);
    use(O[i]);
    if (withGraphs && G[i] !== DEFAULT_GRAPH_ID) use(G[i]);
  }
  const rank = new Uint32Array(terms.size);
  let next = 1;
  for (const ids of byKind.slice(0, 2)) {
    // Keys are distinct per term: sort them natively (no comparator call; IRIs share long namespaces) and
    // find each id again through the table's own index.
    const keys = ids.map((id) => terms.key(id)).sort();
    for (const key of keys) rank[terms.idOfKey(key)] = next++;
  }
  const blanks = byKind[2];
  if (blanks.length > 0) {
    const blankRank = canonicalBlankRanks(dataset, selected, kinds, withGraphs);
    blanks.sort((a, b) => blankRank[a] - blankRank[b]);
    for (const id of blanks) rank[id] = next++;
  }
  return rank;
}

/** The selection sorted by the ranks of subject, predicate, object and graph: bucketed by subject, then each bucket sorted. */
function sortQuads(dataset: Dataset, selected: Uint32Array, rank: Uint32Array, withGraphs: boolean): Uint32Array {
  const { subjects: S, predicates: P, objects: O, graphs: G } = dataset;
  let maxRank = 0;
  for (let k = 0; k < selected.length; k++) maxRank = Math.max(maxRank, rank[S[selected[k]]]);
  const start = new Uint32Array(maxRank + 2);
  for (let k = 0; k < selected.length; k++) start[rank[S[selected[k]]] + 1]++;
  for (let r = 0; r <= maxRank; r++) start[r + 1] += start[r];
  const fill = start.slice(0, maxRank + 1);
  const ordered = new Uint32Array(selected.length);
  for (let k = 0; k < selected.length; k++) ordered[fill[rank[S[selected[k]]]]++] = selected[k];
  const compare = (a: number, b: number): number =>
    rank[P[a]] - rank[P[b]] || rank[O[a]] - rank[O[b]] || (withGraphs ? rank[G[a]] - rank[G[b]] : 0);
  for (let r = 0; r <= maxRank; r++) {
    const from = start[r], to = start[r + 1];
    if (to - from > 1) sortRun(ordered, from, to, compare);
  }
  return ordered;
}
