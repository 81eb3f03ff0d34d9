// Decides how a Turtle/TriG writer lays out blank nodes: which are written inline as [ … ], which as ( … ) lists, which need labels.
import { blanksOf, canonicalBlankRanks } from "./blank-colours.ts";
import type { Dataset } from "./dataset.ts";
import { DEFAULT_GRAPH_ID, KIND_BLANK } from "./terms.ts";
import { rdf } from "./vocab.ts";

// Inline blank nodes nest at most this deep, so a long chain never overflows the stack; deeper ones get labels.
const MAX_INLINE_DEPTH = 64;

/** Per term id (arrays sized to the term table): how each blank node of the selection is written. */
export interface BlankLayout {
  /** Canonical rank (see canonicalBlankRanks), for sorting blank nodes without their labels. */
  colour: Uint32Array;
  /** 1 when written inline, inside its only referrer. */
  inline: Uint8Array;
  /** 1 when cut from an inline chain at MAX_INLINE_DEPTH: written labelled, right after the block that refers to it. */
  depthRoot: Uint8Array;
  /** 1 when a non-inline blank node needs a label (else it is written `[]`). */
  needsLabel: Uint8Array;
  /** 1 for an inline well-formed list cell, with its rdf:first and rdf:rest objects. */
  isList: Uint8Array;
  listFirst: Int32Array;
  listRest: Int32Array;
}

/** The layout of a selection without blank nodes: every array empty. */
export function noBlanks(): BlankLayout {
  const none = new Uint8Array(0);
  return { colour: new Uint32Array(0), inline: none, depthRoot: none, needsLabel: none, isList: none, listFirst: new Int32Array(0), listRest: new Int32Array(0) };
}

/** Whether any selected quad has a blank node (only then is the blank node layout needed). */
export function selectionHasBlanks(dataset: Dataset, selected: Uint32Array, kinds: Uint8Array): boolean {
  const { subjects: S, objects: O, graphs: G } = dataset;
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k];
    if (kinds[S[i]] === KIND_BLANK || kinds[O[i]] === KIND_BLANK || kinds[G[i]] === KIND_BLANK) return true;
  }
  return false;
}

/**
 * Counts references, colours blank nodes, and decides which are written inline. A blank node is inline when
 * it is the object of exactly one selected triple, names no graph, has its own triples in that triple's graph
 * (TriG), and following its single referrers upwards leaves the blank nodes of that kind (no cycle).
 */
export function layOutBlanks(dataset: Dataset, selected: Uint32Array, kinds: Uint8Array, trig: boolean): BlankLayout {
  const { subjects: S, objects: O, graphs: G, terms } = dataset;
  const size = terms.size;
  const refs = new Uint32Array(size);
  const parent = new Int32Array(size).fill(-1);
  const parentGraph = new Uint32Array(size);
  const ownGraph = new Int32Array(size).fill(-1); // graph of its own triples; -2 when several
  const namesGraph = new Uint8Array(size);
  const found = blanksOf(dataset, selected, kinds, trig);
  const { blanks } = found;
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k];
    const s = S[i], o = O[i], g = trig ? G[i] : DEFAULT_GRAPH_ID;
    if (kinds[s] === KIND_BLANK) ownGraph[s] = ownGraph[s] === -1 || ownGraph[s] === g ? g : -2;
    if (kinds[o] === KIND_BLANK) {
      refs[o]++;
      parent[o] = s;
      parentGraph[o] = g;
    }
    if (g !== DEFAULT_GRAPH_ID && kinds[g] === KIND_BLANK) namesGraph[g] = 1;
  }
  const colour = canonicalBlankRanks(dataset, selected, kinds, trig, found);

  const candidate = (b: number) =>
    kinds[b] === KIND_BLANK && refs[b] === 1 && namesGraph[b] === 0 && (ownGraph[b] === -1 || ownGraph[b] === parentGraph[b]);
  const UNKNOWN = 0, VISITING = 1, INLINE = 2, ROOT = 3;
  const state = new Uint8Array(size);
  for (const b of blanks) {
    if (state[b] !== UNKNOWN || !candidate(b)) continue;
    const chain: number[] = [];
    let x = b;
    while (candidate(x) && state[x] === UNKNOWN) {
      state[x] = VISITING;
      chain.push(x);
      x = parent[x];
    }
    if (state[x] === VISITING) {
      // A cycle of single references: its node of least colour becomes a labelled root, the rest hang below it.
      let root = x;
      for (let k = chain.indexOf(x); k < chain.length; k++) {
        const c = chain[k];
        if (colour[c] < colour[root] || (colour[c] === colour[root] && c < root)) root = c;
      }
      state[root] = ROOT;
    }
    for (const y of chain) if (state[y] === VISITING) state[y] = INLINE;
  }
  const inline = new Uint8Array(size);
  for (const b of blanks) if (state[b] === INLINE) inline[b] = 1;
  const lists = findLists(dataset, selected, blanks, inline);
  const depthRoot = limitDepth(blanks, parent, inline, lists);
  const needsLabel = new Uint8Array(size);
  for (const b of blanks) {
    // A root blank node written once as a subject in one graph and never as an object can be `[]`.
    if (!inline[b]) needsLabel[b] = refs[b] > 0 || namesGraph[b] === 1 || ownGraph[b] === -2 || ownGraph[b] === -1 ? 1 : 0;
  }
  return { colour, inline, depthRoot, needsLabel, ...lists };
}

type Lists = Pick<BlankLayout, "isList" | "listFirst" | "listRest">;

/**
 * Marks inline blank nodes that are well-formed collection cells (exactly one rdf:first and one rdf:rest,
 * nothing else, the rest being rdf:nil or another such cell), so they can be written as `( … )`.
 */
function findLists(dataset: Dataset, selected: Uint32Array, blanks: number[], inline: Uint8Array): Lists {
  const { subjects: S, predicates: P, objects: O, terms } = dataset;
  const first = terms.iriId(rdf.first), rest = terms.iriId(rdf.rest), nil = terms.iriId(rdf.nil);
  if (first < 0 || rest < 0) return { isList: new Uint8Array(0), listFirst: new Int32Array(0), listRest: new Int32Array(0) };
  const size = terms.size;
  const outCount = new Uint32Array(size), firstCount = new Uint8Array(size), restCount = new Uint8Array(size);
  const firstObject = new Int32Array(size).fill(-1), restObject = new Int32Array(size).fill(-1);
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k];
    const s = S[i];
    if (!inline[s]) continue;
    outCount[s]++;
    if (P[i] === first) {
      firstCount[s] = Math.min(firstCount[s] + 1, 2);
      firstObject[s] = O[i];
    } else if (P[i] === rest) {
      restCount[s] = Math.min(restCount[s] + 1, 2);
      restObject[s] = O[i];
    }
  }
  const YES = 1, NO = 2;
  const verdict = new Uint8Array(size);
  const cell = (b: number) => inline[b] === 1 && outCount[b] === 2 && firstCount[b] === 1 && restCount[b] === 1;
  for (const b of blanks) {
    if (verdict[b] !== 0 || !cell(b)) continue;
    const chain: number[] = [];
    let x = b, outcome = NO;
    while (true) {
      chain.push(x);
      const next = restObject[x];
      if (next === nil) {
        outcome = YES;
        break;
      }
      if (verdict[next] !== 0) {
        outcome = verdict[next];
        break;
      }
      // Inline cells have one referrer, so a chain of them cannot loop back on itself.
      if (!cell(next)) break;
      x = next;
    }
    for (const c of chain) verdict[c] = outcome;
  }
  const isList = new Uint8Array(size);
  for (const b of blanks) if (verdict[b] === YES) isList[b] = 1;
  return { isList, listFirst: firstObject, listRest: restObject };
}

/**
 * Inline nesting deeper than MAX_INLINE_DEPTH becomes a labelled root, so writing never recurses without
 * bound; the rdf:rest step from one list cell to the next is written in a loop and does not count. The cut
 * depends on structure only, so the same graph read back is cut at the same places.
 */
function limitDepth(blanks: number[], parent: Int32Array, inline: Uint8Array, { isList, listRest }: Lists): Uint8Array {
  const depth = new Int32Array(inline.length).fill(-1);
  const depthRoot = new Uint8Array(inline.length);
  const depthOf = (b: number): number => {
    const chain: number[] = [];
    let x = b;
    while (inline[x] && depth[x] < 0) {
      chain.push(x);
      x = parent[x];
    }
    let d = inline[x] ? depth[x] : 0;
    for (let k = chain.length - 1; k >= 0; k--) {
      const y = chain[k], p = k + 1 < chain.length ? chain[k + 1] : x;
      const step = isList.length > 0 && isList[y] && isList[p] && listRest[p] === y ? 0 : 1;
      d += step;
      if (d > MAX_INLINE_DEPTH) {
        inline[y] = 0;
        depthRoot[y] = 1;
        d = 0;
      }
      depth[y] = d;
    }
    return depth[b];
  };
  for (const b of blanks) if (inline[b] && depth[b] < 0) depthOf(b);
  return depthRoot;
}
