// Colours blank nodes by their surroundings (hash refinement, like the first steps of RDF canonicalisation), so writers can order them without looking at labels.
import type { Dataset } from "./dataset.ts";
import { DEFAULT_GRAPH_ID, KIND_BLANK } from "./terms.ts";

/** The blank nodes of a selection, in order of first appearance, and each one's position in that list (-1 for other terms). */
export interface SelectionBlanks {
  blanks: number[];
  index: Int32Array;
}

/** The blank nodes that the selected quads use as subject, object or (with `withGraphs`) graph name. */
export function blanksOf(dataset: Dataset, selected: Uint32Array, kinds: Uint8Array, withGraphs: boolean): SelectionBlanks {
  const { subjects: S, objects: O, graphs: G } = dataset;
  const blanks: number[] = [];
  const index = new Int32Array(dataset.terms.size).fill(-1);
  const note = (id: number) => {
    if (kinds[id] === KIND_BLANK && index[id] < 0) {
      index[id] = blanks.length;
      blanks.push(id);
    }
  };
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k];
    note(S[i]);
    note(O[i]);
    if (withGraphs && G[i] !== DEFAULT_GRAPH_ID) note(G[i]);
  }
  return { blanks, index };
}

/** Incident quads per blank node (CSR over positions in `blanks`); entry = position in `selected` * 2 + (1 when the blank node is the object). */
interface Incidence {
  start: Uint32Array;
  entries: Uint32Array;
}

function incidenceOf(dataset: Dataset, selected: Uint32Array, kinds: Uint8Array, { blanks, index }: SelectionBlanks): Incidence {
  const { subjects: S, objects: O } = dataset;
  const n = blanks.length;
  const start = new Uint32Array(n + 1);
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k];
    if (kinds[S[i]] === KIND_BLANK) start[index[S[i]] + 1]++;
    if (kinds[O[i]] === KIND_BLANK) start[index[O[i]] + 1]++;
  }
  for (let b = 0; b < n; b++) start[b + 1] += start[b];
  const entries = new Uint32Array(start[n]);
  const fill = start.slice(0, n);
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k];
    if (kinds[S[i]] === KIND_BLANK) entries[fill[index[S[i]]]++] = k * 2;
    if (kinds[O[i]] === KIND_BLANK) entries[fill[index[O[i]]]++] = k * 2 + 1;
  }
  return { start, entries };
}

/**
 * Colour refinement: each round hashes a blank node's colour with the sorted hashes of its triples (predicate,
 * the other end's key or colour, or a mark when the triple loops back to the node itself, and with `withGraphs`
 * the graph), until the number of colours stops growing (at most 16 rounds). Returns colours indexed by term
 * id; nodes that look alike to the rounds run share one.
 */
function colourBlankNodes(dataset: Dataset, selected: Uint32Array, kinds: Uint8Array, withGraphs: boolean, { blanks }: SelectionBlanks, { start, entries }: Incidence): Uint32Array {
  const { subjects: S, predicates: P, objects: O, graphs: G, terms } = dataset;
  const n = blanks.length;
  const termHash = new Uint32Array(terms.size);
  const hashed = new Uint8Array(terms.size);
  const hashOf = (id: number): number => {
    if (hashed[id] === 0) {
      termHash[id] = hashString(terms.key(id));
      hashed[id] = 1;
    }
    return termHash[id];
  };
  const colour = new Uint32Array(terms.size);
  for (const b of blanks) colour[b] = 0x9e3779b9;
  const next = new Uint32Array(n);
  let scratch = new Uint32Array(16);
  let distinct = 1;
  for (let round = 0; round < 16; round++) {
    const other = (id: number) => (kinds[id] === KIND_BLANK ? mix(colour[id], 0x85ebca6b) : hashOf(id));
    for (let b = 0; b < n; b++) {
      const from = start[b], to = start[b + 1];
      if (to - from > scratch.length) scratch = new Uint32Array(2 * (to - from));
      for (let e = from; e < to; e++) {
        const entry = entries[e];
        const i = selected[entry >>> 1];
        const incoming = entry & 1;
        const end = incoming ? S[i] : O[i];
        let h = mix(incoming + 1, hashOf(P[i]));
        // 1-WL alone cannot tell a self-loop from a cycle of look-alikes: the mark can.
        h = mix(h, end === blanks[b] ? 0x27d4eb2f : other(end));
        if (withGraphs && G[i] !== DEFAULT_GRAPH_ID) h = mix(h, other(G[i]));
        scratch[e - from] = h;
      }
      const hashes = scratch.subarray(0, to - from).sort();
      let h = colour[blanks[b]];
      for (let e = 0; e < hashes.length; e++) h = mix(h, hashes[e]);
      next[b] = h;
    }
    for (let b = 0; b < n; b++) colour[blanks[b]] = next[b];
    const count = new Set(next).size;
    // Partitions only ever split: all distinct, or no more splitting, is final.
    if (count === n || (count === distinct && round > 0)) break;
    distinct = count;
  }
  return colour;
}

/**
 * A canonical order of the selection's blank nodes: by colour, and within a colour by discovery — a breadth-first
 * walk that starts at blank nodes touching IRIs or literals (in key order of that term, then predicate, then
 * direction) and steps to neighbours in predicate, direction and colour order. So nodes that colours cannot tell
 * apart (the middle of a long chain) are still ordered by structure; only nodes that tie on all of these (mostly
 * automorphic ones, whose text is the same either way) keep input order. Returns 1-based ranks by term id.
 */
export function canonicalBlankRanks(dataset: Dataset, selected: Uint32Array, kinds: Uint8Array, withGraphs: boolean, found = blanksOf(dataset, selected, kinds, withGraphs)): Uint32Array {
  const { subjects: S, predicates: P, objects: O, terms } = dataset;
  const { blanks, index } = found;
  const incidence = incidenceOf(dataset, selected, kinds, found);
  const colour = colourBlankNodes(dataset, selected, kinds, withGraphs, found, incidence);
  const n = blanks.length;
  const byColourOnly = Array.from({ length: n }, (_, b) => b).sort((a, b) => colour[blanks[a]] - colour[blanks[b]]);
  const rank = new Uint32Array(terms.size);
  let tied = false;
  for (let k = 1; k < n && !tied; k++) tied = colour[blanks[byColourOnly[k]]] === colour[blanks[byColourOnly[k - 1]]];
  if (!tied) {
    // Usual data (distinct surroundings, as evidence selectors have) needs no walk.
    byColourOnly.forEach((b, r) => (rank[blanks[b]] = r + 1));
    return rank;
  }
  const { start, entries } = incidence;
  const keyRank = rankNeighbourKeys(dataset, selected, kinds, incidence);
  const seedKey = new Float64Array(n).fill(Infinity);
  for (let b = 0; b < n; b++) {
    for (let e = start[b]; e < start[b + 1]; e++) {
      const i = selected[entries[e] >>> 1], incoming = entries[e] & 1;
      const end = incoming ? S[i] : O[i];
      if (kinds[end] !== KIND_BLANK) seedKey[b] = Math.min(seedKey[b], (keyRank[end] * terms.size + keyRank[P[i]]) * 2 + incoming);
    }
  }
  const byColour = (a: number, b: number) => colour[blanks[a]] - colour[blanks[b]] || blanks[a] - blanks[b];
  const seeds = Array.from({ length: n }, (_, b) => b).sort((a, b) => seedKey[a] - seedKey[b] || byColour(a, b));
  const discovery = new Int32Array(n).fill(-1);
  let discovered = 0;
  // Discovery numbers are handed out in queue order, so the queue is `seeds` in discovery order: position = number.
  const queue = new Int32Array(n);
  let head = 0;
  const walkFrom = (seed: number) => {
    if (discovery[seed] >= 0) return;
    queue[discovered] = seed;
    discovery[seed] = discovered++;
    while (head < discovered) {
      const b = queue[head++];
      const steps: number[] = []; // (predicate rank, direction, neighbour position) flattened
      for (let e = start[b]; e < start[b + 1]; e++) {
        const i = selected[entries[e] >>> 1], incoming = entries[e] & 1;
        const end = incoming ? S[i] : O[i];
        if (kinds[end] === KIND_BLANK && discovery[index[end]] < 0) steps.push(keyRank[P[i]] * 2 + incoming, index[end]);
      }
      const order = Array.from({ length: steps.length / 2 }, (_, k) => k);
      order.sort((x, y) => steps[2 * x] - steps[2 * y] || byColour(steps[2 * x + 1], steps[2 * y + 1]));
      for (const k of order) {
        const next = steps[2 * k + 1];
        if (discovery[next] >= 0) continue;
        queue[discovered] = next;
        discovery[next] = discovered++;
      }
    }
  };
  for (const b of seeds) walkFrom(b);
  const order = byColourOnly.sort((a, b) => colour[blanks[a]] - colour[blanks[b]] || discovery[a] - discovery[b]);
  order.forEach((b, r) => (rank[blanks[b]] = r + 1));
  return rank;
}

/** Ranks (1-based, by key) of the IRIs and literals that blank nodes touch: predicates and the other ends. */
function rankNeighbourKeys(dataset: Dataset, selected: Uint32Array, kinds: Uint8Array, { entries }: Incidence): Uint32Array {
  const { subjects: S, predicates: P, objects: O, terms } = dataset;
  const rank = new Uint32Array(terms.size);
  const ids: number[] = [];
  const use = (id: number) => {
    if (kinds[id] !== KIND_BLANK && rank[id] === 0) {
      rank[id] = 1;
      ids.push(id);
    }
  };
  for (let e = 0; e < entries.length; e++) {
    const i = selected[entries[e] >>> 1];
    use(P[i]);
    use(entries[e] & 1 ? S[i] : O[i]);
  }
  // Keys are distinct per term: sort them natively and map back.
  const idByKey = new Map<string, number>();
  const keys = ids.map((id) => {
    const key = terms.key(id);
    idByKey.set(key, id);
    return key;
  });
  keys.sort().forEach((key, r) => (rank[idByKey.get(key)!] = r + 1));
  return rank;
}

/** FNV-1a over UTF-16 code units, then a final mix; only for ordering, so collisions merely tie. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h, text.length);
}

function mix(h: number, value: number): number {
  h = Math.imul(h ^ value, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  h = Math.imul(h, 0x1b873593);
  h ^= h >>> 13;
  return h >>> 0;
}
