// Label search as the user types: exact, prefix, word-prefix, then bounded fuzzy matches over labels and alt labels.
import type { GraphIndex } from "../graph/types.ts";
import { editDistance, normaliseText, typoBudget } from "./text.ts";

export type SearchKind = "exact" | "prefix" | "word" | "fuzzy";

export interface SearchHit {
  node: number;
  /** The node's preferred label. */
  label: string;
  /** The label or alt label that matched. */
  matched: string;
  kind: SearchKind;
  /** Higher is better; only the order is meaningful. */
  score: number;
}

export interface SearchOptions {
  limit?: number;
  /** Whether classes, properties and other schema nodes may be hits; default true. */
  includeSchema?: boolean;
}

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
  const byKey = Uint32Array.from(keys.keys()).sort((a, b) => compare(keys[a], keys[b]) || a - b);
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
  const wordOrder = Array.from(wordSuffixes.keys()).sort((a, b) => compare(wordSuffixes[a], wordSuffixes[b]) || a - b);
  const wordsByFirstLetter = new Map<string, string[]>();
  for (const word of vocabulary.keys()) {
    const bucket = wordsByFirstLetter.get(word[0]);
    if (bucket) bucket.push(word);
    else wordsByFirstLetter.set(word[0], [word]);
  }
  return {
    graph: g,
    entryNodes: Uint32Array.from(nodes),
    entryTexts: texts,
    entryKeys: keys,
    entryAlt: Uint8Array.from(alt),
    byKey,
    sortedKeys,
    wordKeys: wordOrder.map((i) => wordSuffixes[i]),
    wordEntries: Uint32Array.from(wordOrder, (i) => wordOwners[i]),
    vocabulary,
    wordsByFirstLetter,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

// How many prefix matches to score before ranking; bounds the cost of one-letter queries on large graphs.
const scanCap = 5000;
const fuzzyCandidateCap = 5000;

const base: Record<SearchKind, number> = { exact: 1000, prefix: 800, word: 600, fuzzy: 400 };

/** Ranked hits for `text`: exact, then prefix, word-prefix and fuzzy matches; one hit per node, best first. */
export function searchLabels(index: SearchIndex, text: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 10;
  const query = normaliseText(text);
  if (query === "" || limit <= 0) return [];
  const g = index.graph;
  const best = new Map<number, { entry: number; kind: SearchKind; score: number }>();
  const includeSchema = options.includeSchema ?? true;
  const offer = (entry: number, kind: SearchKind, penalty: number) => {
    const node = index.entryNodes[entry];
    if (!includeSchema && g.isSchema(node)) return;
    // Popular nodes win ties between equally good matches: a hub is more often what is meant.
    const popularity = Math.min(9, Math.log2(1 + g.degree(node)));
    const score = base[kind] - Math.min(100, penalty) - index.entryAlt[entry] * 5 + popularity;
    const previous = best.get(node);
    if (previous === undefined || previous.score < score) best.set(node, { entry, kind, score });
  };

  const keys = index.sortedKeys;
  for (let i = lowerBound(keys, query), seen = 0; i < keys.length && seen < scanCap && keys[i].startsWith(query); i++, seen++) {
    const entry = index.byKey[i];
    offer(entry, keys[i] === query ? "exact" : "prefix", keys[i].length - query.length);
  }
  const words = index.wordKeys;
  for (let i = lowerBound(words, query), seen = 0; i < words.length && seen < scanCap && words[i].startsWith(query); i++, seen++) {
    const entry = index.wordEntries[i];
    offer(entry, "word", index.entryKeys[entry].length - query.length);
  }
  if (best.size < limit) fuzzy(index, query, offer);

  const ranked = [...best.entries()].sort(
    ([nodeA, a], [nodeB, b]) => b.score - a.score || compare(index.entryTexts[a.entry], index.entryTexts[b.entry]) || nodeA - nodeB,
  );
  return ranked.slice(0, limit).map(([node, hit]) => ({
    node,
    label: g.label(node),
    matched: index.entryTexts[hit.entry],
    kind: hit.kind,
    score: hit.score,
  }));
}

/**
 * Typo-tolerant matches: words within the typo budget of the query's longest word (as a prefix, since the user
 * may still be typing), looked up by first letter (and by second letter, for a slip on the first key); each
 * candidate entry must then match every query word within budget.
 */
function fuzzy(index: SearchIndex, query: string, offer: (entry: number, kind: SearchKind, penalty: number) => void): void {
  const tokens = query.split(" ");
  const longest = tokens.reduce((a, b) => (b.length > a.length ? b : a));
  const budget = typoBudget(longest.length);
  if (budget === 0) return;
  const candidates = new Set<number>();
  const letters = new Set([longest[0], longest[1]]);
  outer: for (const letter of letters) {
    for (const word of index.wordsByFirstLetter.get(letter) ?? []) {
      if (word.length < longest.length - budget) continue;
      if (editDistance(longest, word, budget, true) > budget) continue;
      for (const entry of index.vocabulary.get(word) ?? []) {
        candidates.add(entry);
        if (candidates.size >= fuzzyCandidateCap) break outer;
      }
    }
  }
  for (const entry of candidates) {
    const entryWords = index.entryKeys[entry].split(" ");
    let total = 0;
    let matches = true;
    for (const token of tokens) {
      const tokenBudget = typoBudget(token.length);
      let closest = tokenBudget + 1;
      for (const word of entryWords) {
        closest = Math.min(closest, editDistance(token, word, tokenBudget, true));
        if (closest === 0) break;
      }
      if (closest > tokenBudget) {
        matches = false;
        break;
      }
      total += closest;
    }
    if (matches) offer(entry, "fuzzy", total * 30 + Math.abs(index.entryKeys[entry].length - query.length));
  }
}
