// Typo-tolerant label matches, bounded: vocabulary words within a typo budget, the rarest query word driving.
import type { SearchIndex } from "./search-index.ts";
import { editDistance, typoBudget } from "./text.ts";

/**
 * Typo-tolerant matches. For each query word with a typo budget, the vocabulary words within budget (as a prefix,
 * since the user may still be typing), looked up by first letter (and, for two swapped first letters, by the
 * second). The word whose matches have the fewest entries drives: its closer matches are tried first, and each
 * entry must match every query word within budget. Stops after the distance level that brings `limit` matches,
 * or after `cap` candidates, so a permissive query stays cheap.
 */
export function fuzzy(index: SearchIndex, query: string, limit: number, cap: number, offer: (entry: number, penalty: number) => void): void {
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
