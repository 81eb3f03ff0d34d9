// A string -> dense id hash index in one typed array: the term table's lookup, tuned for millions of mostly distinct keys.

/**
 * Why not a `Map<string, number>`: at a million triples interning is bound by memory latency, and a Map
 * probe reads its bucket, its entry and the stored key string before it can say "absent". Here a probe
 * reads one slot (hash and id side by side) and touches a stored key only when the full 32-bit hashes agree.
 * Keys are the strings of an append-only list the caller owns; the index stores their positions.
 */
export class StringIndex {
  /** Pairs (hash, id + 1); id + 1 === 0 marks an empty slot. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(
    private readonly keys: readonly string[],
    expected = 1024,
  ) {
    let capacity = 1024;
    while (capacity < 2 * expected) capacity *= 2;
    this.slots = new Int32Array(2 * capacity);
    this.mask = capacity - 1;
  }

  /** The id of `key`, or -1. */
  get(key: string): number {
    const hash = hashString(key);
    const slots = this.slots, mask = this.mask;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const idPlusOne = slots[2 * slot + 1];
      if (idPlusOne === 0) return -1;
      if (slots[2 * slot] === hash && this.keys[idPlusOne - 1] === key) return idPlusOne - 1;
    }
  }

  /** The id of `key`; when absent, records `nextId` for it (the caller appends `key` to its list as that id). */
  getOrAdd(key: string, nextId: number): number {
    const hash = hashString(key);
    const slots = this.slots, mask = this.mask;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const idPlusOne = slots[2 * slot + 1];
      if (idPlusOne === 0) break;
      if (slots[2 * slot] === hash && this.keys[idPlusOne - 1] === key) return idPlusOne - 1;
    }
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = nextId + 1;
    // Half full at most, so runs of occupied slots stay short.
    if (2 * ++this.count > mask) this.grow();
    return nextId;
  }

  /** The index's table, to be stored beside its keys (see `fromTable`). */
  table(): { slots: Int32Array; mask: number; count: number } {
    return { slots: this.slots, mask: this.mask, count: this.count };
  }

  /** An index over `keys` from a table `table()` gave for the same keys at the same positions. */
  static fromTable(keys: readonly string[], table: { slots: Int32Array; mask: number; count: number }): StringIndex {
    const index = new StringIndex(keys, 0);
    index.slots = table.slots;
    index.mask = table.mask;
    index.count = table.count;
    return index;
  }

  /** An independent copy over another list holding the same keys at the same positions. */
  cloneFor(keys: readonly string[]): StringIndex {
    const copy = new StringIndex(keys, 0);
    copy.slots = this.slots.slice();
    copy.mask = this.mask;
    copy.count = this.count;
    return copy;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = 2 * (this.mask + 1), mask = capacity - 1;
    const slots = new Int32Array(2 * capacity);
    for (let from = 0; from < old.length; from += 2) {
      if (old[from + 1] === 0) continue;
      let slot = old[from] & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[from];
      slots[2 * slot + 1] = old[from + 1];
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/**
 * FNV-1a over the UTF-16 units, then an avalanche. Keys up to 96 units are hashed whole; longer ones (quotes)
 * by their first 32 and last 48 units and every 8th unit between, which keeps the cost flat. Keys that agree
 * on all sampled units only collide (the comparison on a hash match keeps results exact); typed literals
 * such as timestamps, which differ in the middle of a fixed head and tail, are short enough to hash whole.
 */
export function hashString(key: string): number {
  const length = key.length;
  let hash = length ^ 0x811c9dc5;
  if (length <= 96) {
    for (let i = 0; i < length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  } else {
    for (let i = 0; i < 32; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    for (let i = 32; i < length - 48; i += 8) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    for (let i = length - 48; i < length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  }
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return hash;
}
