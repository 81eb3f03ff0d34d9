// The label search index: every node's label and alt labels, normalised, sorted for prefix and word-prefix search, with ranks.
import type { GraphIndex } from "../graph/types.ts";
import { RankTree } from "./search-rank-tree.ts";
import { normaliseText } from "./text.ts";

/**
 * Entries are (node, label text, normalised key); `byKey` orders entries by key for prefix search, `wordKeys`
 * holds every key suffix that starts a word after the first (for word-prefix search), and `vocabulary` maps
 * each distinct word to its entries, bucketed by first letter for fuzzy search.
 */
export interface SearchIndex {
  readonly graph: GraphIndex;
  readonly entryNodes: Uint32Array;
  readonly entryTexts: readonly string[];
  readonly entryKeys: readonly string[];
  /** 1 when the entry is an alt label. */
  readonly entryAlt: Uint8Array;
  readonly byKey: Uint32Array;
  readonly sortedKeys: readonly string[];
  readonly wordKeys: readonly string[];
  readonly wordEntries: Uint32Array;
  readonly vocabulary: ReadonlyMap<string, readonly number[]>;
  readonly wordsByFirstLetter: ReadonlyMap<string, readonly string[]>;
  /** Per entry: popularity minus length and alt-label penalties; a match's score is its kind's base plus this. */
  readonly entryRank: Float64Array;
  /** Range-argmax trees over `byKey` and `wordKeys` order, so the best matches of a prefix come out first. */
  readonly prefixTree: RankTree;
  readonly wordTree: RankTree;
}

/** Builds the search index of every node's label and alt labels (schema nodes included). */
export function buildSearchIndex(g: GraphIndex): SearchIndex {
  const nodes: number[] = [];
  const texts: string[] = [];
  const keys: string[] = [];
  const alt: number[] = [];
  for (let n = 0; n < g.nodeCount; n++) {
    const label = g.label(n);
    const key = normaliseText(label);
    if (key !== "") {
      nodes.push(n);
      texts.push(label);
      keys.push(key);
      alt.push(0);
    }
    for (const other of g.altLabels(n)) {
      const otherKey = normaliseText(other);
      if (otherKey === "" || otherKey === key) continue;
      nodes.push(n);
      texts.push(other);
      keys.push(otherKey);
      alt.push(1);
    }
  }
  const byKey = sortedOrder(keys);
  const sortedKeys = Array.from(byKey, (i) => keys[i]);

  const wordSuffixes: string[] = [];
  const wordOwners: number[] = [];
  const vocabulary = new Map<string, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let start = 0;
    for (const word of key.split(" ")) {
      if (start > 0) {
        wordSuffixes.push(key.substring(start));
        wordOwners.push(i);
      }
      start += word.length + 1;
      const postings = vocabulary.get(word);
      if (postings === undefined) vocabulary.set(word, [i]);
      else if (postings[postings.length - 1] !== i) postings.push(i);
    }
  }
  const wordOrder = sortedOrder(wordSuffixes);
  const wordsByFirstLetter = new Map<string, string[]>();
  for (const word of vocabulary.keys()) {
    const bucket = wordsByFirstLetter.get(word[0]);
    if (bucket) bucket.push(word);
    else wordsByFirstLetter.set(word[0], [word]);
  }
  // Popular nodes win ties between equally good matches (a hub is more often what is meant); shorter and
  // preferred labels beat longer ones and alt labels; entities beat classes and properties of the same name.
  const entryRank = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const schemaPenalty = g.isSchema(nodes[i]) ? 10 : 0;
    entryRank[i] = Math.min(9, Math.log2(1 + g.degree(nodes[i]))) - Math.min(100, keys[i].length) - alt[i] * 5 - schemaPenalty;
  }
  const wordEntries = Uint32Array.from(wordOrder, (i) => wordOwners[i]);
  return {
    graph: g,
    entryRank,
    prefixTree: new RankTree(Float64Array.from(byKey, (entry) => entryRank[entry])),
    wordTree: new RankTree(Float64Array.from(wordEntries, (entry) => entryRank[entry])),
    entryNodes: Uint32Array.from(nodes),
    entryTexts: texts,
    entryKeys: keys,
    entryAlt: Uint8Array.from(alt),
    byKey,
    sortedKeys,
    wordKeys: Array.from(wordOrder, (i) => wordSuffixes[i]),
    wordEntries,
    vocabulary,
    wordsByFirstLetter,
  };
}

/**
 * Indices of `keys` in key order (ties by index). Sorting `key + "\u0000" + index` strings natively is several
 * times faster than a comparator, and keys are normalised (letters, digits, spaces) so "\u0000" sorts first.
 */
function sortedOrder(keys: readonly string[]): Uint32Array {
  const tagged = keys.map((key, i) => `${key}\u0000${i.toString(36).padStart(6, "0")}`);
  tagged.sort();
  return Uint32Array.from(tagged, (t) => parseInt(t.substring(t.lastIndexOf("\u0000") + 1), 36));
}

/** The first index whose key is >= `key`. */
export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Entry ids whose normalised key equals `key`. */
export function entriesWithKey(index: SearchIndex, key: string): number[] {
  const out: number[] = [];
  for (let i = lowerBound(index.sortedKeys, key); i < index.sortedKeys.length && index.sortedKeys[i] === key; i++) {
    out.push(index.byKey[i]);
  }
  return out;
}
