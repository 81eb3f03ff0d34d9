// Text helpers shared by name resolution and search: normalised keys and bounded edit distances.

/** Case- and accent-insensitive key: NFD, marks stripped, lower case, apostrophes dropped, other punctuation as spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// Three DP rows reused across calls (edit distance runs thousands of times per fuzzy search).
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance between `a` and `b` (a transposition costs 1), or `max + 1` once it must
 * exceed `max`. With `prefix`, the distance between `a` and the closest prefix of `b` (for text still being typed).
 */
export function editDistance(a: string, b: string, max: number, prefix = false): number {
  const n = a.length;
  const m = prefix ? Math.min(b.length, n + max) : b.length;
  if (!prefix && Math.abs(n - m) > max) return max + 1;
  if (n === 0) return prefix ? 0 : Math.min(m, max + 1);
  if (rows[0].length <= m + 1) rows = [new Int32Array(2 * m + 2), new Int32Array(2 * m + 2), new Int32Array(2 * m + 2)];
  let [before, previous, current] = rows;
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    const ca1 = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = previous[j - 1] + (ca === cb ? 0 : 1);
      if (previous[j] + 1 < d) d = previous[j] + 1;
      if (current[j - 1] + 1 < d) d = current[j - 1] + 1;
      if (j > 1 && ca === b.charCodeAt(j - 2) && ca1 === cb && before[j - 2] + 1 < d) d = before[j - 2] + 1;
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  let result = previous[m];
  if (prefix) for (let j = 0; j <= m; j++) if (previous[j] < result) result = previous[j];
  return Math.min(result, max + 1);
}

/** The typo budget for a word of this length. */
export function typoBudget(length: number): number {
  return length < 4 ? 0 : length <= 7 ? 1 : 2;
}
