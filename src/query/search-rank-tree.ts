// Range-argmax over ranked positions: the best matches of a key range come out first, lazily, however large the range.

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
