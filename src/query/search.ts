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
  /** Per entry: popularity minus length and alt-label penalties; a match's score is its kind's base plus this. */
  readonly entryRank: Float64Array;
  /** Range-argmax trees over `byKey` and `wordKeys` order, so the best matches of a prefix come out first. */
  readonly prefixTree: RankTree;
  readonly wordTree: RankTree;
}

/**
 * A segment tree holding, for each range of positions, the position of the best rank (ties: the lower position),
 * so the best few positions of any range come out in O(k log n) however large the range is.
 */
export class RankTree {
  private readonly size: number;
  private readonly best: Int32Array;

  constructor(private readonly ranks: Float64Array) {
    let size = 1;
    while (size < ranks.length) size *= 2;
    this.size = size;
    this.best = new Int32Array(2 * size).fill(-1);
    for (let i = 0; i < ranks.length; i++) this.best[size + i] = i;
    for (let i = size - 1; i >= 1; i--) this.best[i] = this.better(this.best[2 * i], this.best[2 * i + 1]);
  }

  private better(a: number, b: number): number {
    if (a < 0) return b;
    if (b < 0) return a;
    return this.ranks[b] > this.ranks[a] ? b : a;
  }

  /** The best position in [from, to), or -1 when the range is empty. */
  argmax(from: number, to: number): number {
    let result = -1;
    for (let lo = from + this.size, hi = to + this.size; lo < hi; lo >>= 1, hi >>= 1) {
      if (lo & 1) result = this.better(result, this.best[lo++]);
      if (hi & 1) result = this.better(result, this.best[--hi]);
    }
    return result;
  }

  /** Positions of [from, to) best first, lazily. */
  *descending(from: number, to: number): Generator<number> {
    const pending: Array<[number, number, number]> = [];
    const push = (lo: number, hi: number) => {
      if (lo < hi) pending.push([this.argmax(lo, hi), lo, hi]);
    };
    push(from, to);
    while (pending.length > 0) {
      let top = 0;
      for (let i = 1; i < pending.length; i++) {
        const [a] = pending[i], [b] = pending[top];
        if (this.ranks[a] > this.ranks[b] || (this.ranks[a] === this.ranks[b] && a < b)) top = i;
      }
      const [position, lo, hi] = pending[top];
      pending[top] = pending[pending.length - 1];
      pending.pop();
      yield position;
      push(lo, position);
      push(position + 1, hi);
    }
  }
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

// Bounds on the work of one call: exact duplicates scanned, fuzzy candidate entries scored.
const exactScanCap = 5000;
// Fuzzy candidates to score: a fallback when nothing matched, a garnish when some hits are already there.
const fuzzyCandidateCap = 1000;
const fuzzyGarnishCap = 300;

const base: Record<SearchKind, number> = { exact: 1000, prefix: 800, word: 600, fuzzy: 400 };

/** The first index whose key does not start with `prefix`, from `from` on (binary search on the sorted keys). */
function prefixEnd(sorted: readonly string[], prefix: string, from: number): number {
  let lo = from, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].startsWith(prefix) || sorted[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ranked hits for `text`: exact, then prefix, word-prefix and fuzzy matches; one hit per node, best first.
 * Prefix and word matches come best-first from range-argmax trees, so a one-letter query costs O(limit log n).
 */
export function searchLabels(index: SearchIndex, text: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 10;
  const includeSchema = options.includeSchema ?? true;
  const query = normaliseText(text);
  if (query === "" || limit <= 0) return [];
  const g = index.graph;
  const best = new Map<number, { entry: number; kind: SearchKind; score: number }>();
  const offer = (entry: number, kind: SearchKind, score: number): boolean => {
    const node = index.entryNodes[entry];
    if (!includeSchema && g.isSchema(node)) return false;
    const previous = best.get(node);
    if (previous === undefined || previous.score < score) best.set(node, { entry, kind, score });
    return previous === undefined;
  };
  const rank = index.entryRank;

  const keys = index.sortedKeys;
  const start = lowerBound(keys, query);
  let exactEnd = start;
  while (exactEnd < keys.length && keys[exactEnd] === query) exactEnd++;
  for (let i = start; i < Math.min(exactEnd, start + exactScanCap); i++) {
    const entry = index.byKey[i];
    offer(entry, "exact", base.exact + rank[entry] + Math.min(100, query.length));
  }
  // Each kind contributes its best `limit` distinct nodes: enough for the overall best `limit`.
  const takeBest = (tree: RankTree, order: Uint32Array, from: number, to: number, kind: SearchKind) => {
    let fresh = 0;
    for (const position of tree.descending(from, to)) {
      const entry = order[position];
      if (offer(entry, kind, base[kind] + rank[entry]) && ++fresh >= limit) break;
    }
  };
  takeBest(index.prefixTree, index.byKey, exactEnd, prefixEnd(keys, query, exactEnd), "prefix");
  const words = index.wordKeys;
  const wordStart = lowerBound(words, query);
  takeBest(index.wordTree, index.wordEntries, wordStart, prefixEnd(words, query, wordStart), "word");
  if (best.size < limit) fuzzy(index, query, limit, best.size === 0 ? fuzzyCandidateCap : fuzzyGarnishCap, (entry, penalty) => offer(entry, "fuzzy", base.fuzzy - penalty + rank[entry] + Math.min(100, query.length)));

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
 * Typo-tolerant matches. For each query word with a typo budget, the vocabulary words within budget (as a prefix,
 * since the user may still be typing), looked up by first letter (and, for two swapped first letters, by the
 * second). The word whose matches have the fewest entries drives: its closer matches are tried first, and each
 * entry must match every query word within budget. Stops after the distance level that brings `limit` matches,
 * or after `cap` candidates, so a permissive query stays cheap.
 */
function fuzzy(index: SearchIndex, query: string, limit: number, cap: number, offer: (entry: number, penalty: number) => void): void {
  const tokens = query.split(" ");
  let driver: string[][] | undefined;
  let driverCost = Infinity;
  for (const token of new Set(tokens)) {
    const budget = typoBudget(token.length);
    if (budget === 0) continue;
    const byDistance: string[][] = Array.from({ length: budget + 1 }, () => []);
    let cost = 0;
    const consider = (word: string) => {
      if (word.length < token.length - budget) return;
      const d = editDistance(token, word, budget, true);
      if (d <= budget) {
        byDistance[d].push(word);
        cost += index.vocabulary.get(word)!.length;
      }
    };
    for (const word of index.wordsByFirstLetter.get(token[0]) ?? []) consider(word);
    if (token[1] !== token[0]) {
      for (const word of index.wordsByFirstLetter.get(token[1]) ?? []) if (word[1] === token[0]) consider(word);
    }
    if (cost < driverCost) {
      driverCost = cost;
      driver = byDistance;
    }
  }
  if (driver === undefined) return;
  const seen = new Set<number>();
  let found = 0;
  for (const words of driver) {
    for (const word of words) {
      for (const entry of index.vocabulary.get(word)!) {
        if (seen.has(entry)) continue;
        seen.add(entry);
        const total = entryDistance(index.entryKeys[entry], tokens);
        if (total >= 0) {
          offer(entry, total * 30);
          found++;
        }
        if (seen.size >= cap) return;
      }
    }
    if (found >= limit) return;
  }
}

/** The summed typo distance of every query word to its closest word of the key, or -1 when one is over budget. */
function entryDistance(key: string, tokens: string[]): number {
  const entryWords = key.split(" ");
  let total = 0;
  for (const token of tokens) {
    const tokenBudget = typoBudget(token.length);
    let closest = tokenBudget + 1;
    for (const word of entryWords) {
      closest = Math.min(closest, editDistance(token, word, tokenBudget, true));
      if (closest === 0) break;
    }
    if (closest > tokenBudget) return -1;
    total += closest;
  }
  return total;
}
