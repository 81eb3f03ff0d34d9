// Label search as the user types: exact, prefix, word-prefix, then bounded fuzzy matches over labels and alt labels.
import { fuzzy } from "./search-fuzzy.ts";
import { lowerBound, type SearchIndex } from "./search-index.ts";
import type { RankTree } from "./search-rank-tree.ts";
import { normaliseText } from "./text.ts";

export { buildSearchIndex, entriesWithKey, lowerBound, type SearchIndex } from "./search-index.ts";
export { RankTree } from "./search-rank-tree.ts";

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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
