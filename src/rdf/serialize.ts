// Writes a Dataset, or a subset of its quads, as Turtle, TriG, N-Triples or N-Quads; Turtle and TriG are byte-for-byte deterministic, blank node labels included.
import type { Dataset } from "./dataset.ts";
import { DEFAULT_GRAPH_ID, KIND_BLANK, KIND_LITERAL, type TermTable } from "./terms.ts";
import { rdf } from "./vocab.ts";
import { PrefixCompactor, RdfWriteError, defaultPrefixes, iriRef, ntriplesLiteral, turtleLiteral } from "./serialize-terms.ts";

export { RdfWriteError } from "./serialize-terms.ts";

export interface WriteOptions {
  /** Write only these quads (indices into the dataset, as subgraph queries produce them); default all. */
  quads?: ArrayLike<number>;
  /**
   * Prefixes to abbreviate with (Turtle, TriG); default: the well-known prefixes of vocab.ts overridden by the
   * dataset's own. Only the prefixes the output uses are declared, sorted by name.
   */
  prefixes?: Readonly<Record<string, string>>;
  /**
   * Turtle and N-Triples cannot name graphs. "union" (the default) writes the triples of all graphs once each,
   * dropping the graph names (see `namedGraphsIn` to warn about it); "error" throws an RdfWriteError instead.
   */
  namedGraphs?: "union" | "error";
}

/** The named graphs (term ids, sorted) that the given quads (default: all) lie in; empty when all are in the default graph. */
export function namedGraphsIn(dataset: Dataset, quads?: ArrayLike<number>): number[] {
  const graphs = new Set<number>();
  const { graphs: column } = dataset;
  if (quads === undefined) {
    for (let i = 0; i < column.length; i++) if (column[i] !== DEFAULT_GRAPH_ID) graphs.add(column[i]);
  } else {
    for (const i of selectQuads(dataset, quads)) if (column[i] !== DEFAULT_GRAPH_ID) graphs.add(column[i]);
  }
  return [...graphs].sort((a, b) => a - b);
}

/** The dataset (or the selected quads) as Turtle; quads of named graphs are merged into one graph (see `namedGraphs`). */
export function writeTurtle(dataset: Dataset, options: WriteOptions = {}): string {
  const selected = tripleSelection(dataset, options);
  return new PrettyWriter(dataset, selected, false, options).write();
}

/** The dataset (or the selected quads) as TriG: the default graph first, then each named graph in a `{ }` block. */
export function writeTriG(dataset: Dataset, options: WriteOptions = {}): string {
  return new PrettyWriter(dataset, selectQuads(dataset, options.quads), true, options).write();
}

/** The dataset (or the selected quads) as N-Triples, one triple a line in dataset order; graph names as in writeTurtle. */
export function writeNTriples(dataset: Dataset, options: WriteOptions = {}): string {
  return writeLines(dataset, tripleSelection(dataset, options), false);
}

/** The dataset (or the selected quads) as N-Quads, one quad a line in dataset order. */
export function writeNQuads(dataset: Dataset, options: WriteOptions = {}): string {
  return writeLines(dataset, selectQuads(dataset, options.quads), true);
}

/** The chosen quad indices, checked, sorted and without repeats (so the output follows dataset order). */
function selectQuads(dataset: Dataset, quads: ArrayLike<number> | undefined): Uint32Array {
  const size = dataset.size;
  if (quads === undefined) {
    const all = new Uint32Array(size);
    for (let i = 0; i < size; i++) all[i] = i;
    return all;
  }
  const chosen = new Uint32Array(quads.length);
  for (let k = 0; k < quads.length; k++) {
    const i = quads[k];
    if (!Number.isInteger(i) || i < 0 || i >= size) {
      throw new RangeError(`rdf/write: quad index ${i} is not in the dataset (it has ${size} quads, indices 0 to ${size - 1})`);
    }
    chosen[k] = i;
  }
  chosen.sort();
  let unique = 0;
  for (let k = 0; k < chosen.length; k++) if (k === 0 || chosen[k] !== chosen[k - 1]) chosen[unique++] = chosen[k];
  return chosen.subarray(0, unique);
}

/**
 * Quads for a triple syntax: one per distinct triple. The dataset sorts each subject's quads by predicate,
 * object, then graph, so the same triple in several graphs is a run of neighbours.
 */
function tripleSelection(dataset: Dataset, options: WriteOptions): Uint32Array {
  const selected = selectQuads(dataset, options.quads);
  const { subjects: S, predicates: P, objects: O, graphs: G } = dataset;
  let named = -1;
  let unique = 0;
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k];
    if (named < 0 && G[i] !== DEFAULT_GRAPH_ID) named = G[i];
    if (unique > 0) {
      const j = selected[unique - 1];
      if (S[i] === S[j] && P[i] === P[j] && O[i] === O[j]) continue;
    }
    selected[unique++] = i;
  }
  if (named >= 0 && options.namedGraphs === "error") {
    const names = namedGraphsIn(dataset, selected.subarray(0, unique)).slice(0, 3).map((g) => dataset.terms.key(g));
    throw new RdfWriteError(`the quads lie in named graphs (${names.join(", ")}${names.length === 3 ? ", …" : ""}), which Turtle and N-Triples cannot name; write TriG or N-Quads to keep them`);
  }
  return selected.subarray(0, unique);
}

/** N-Triples / N-Quads: every term written once into a per-id cache, blank nodes numbered by first appearance. */
function writeLines(dataset: Dataset, selected: Uint32Array, withGraphs: boolean): string {
  const { terms, subjects: S, predicates: P, objects: O, graphs: G } = dataset;
  const cache: (string | undefined)[] = new Array(terms.size);
  let blankCount = 0;
  const text = (id: number): string => {
    let written = cache[id];
    if (written === undefined) {
      if (terms.isLiteral(id)) written = ntriplesLiteral(terms.key(id));
      else if (terms.isBlank(id)) written = `_:b${blankCount++}`;
      else written = iriRef(terms.value(id));
      cache[id] = written;
    }
    return written;
  };
  const out: string[] = [];
  for (let k = 0; k < selected.length; k++) {
    const i = selected[k];
    const graph = withGraphs && G[i] !== DEFAULT_GRAPH_ID ? ` ${text(G[i])}` : "";
    out.push(`${text(S[i])} ${text(P[i])} ${text(O[i])}${graph} .\n`);
  }
  return out.join("");
}

// Inline blank nodes nest at most this deep, so a long chain never overflows the stack; deeper ones get labels.
const MAX_INLINE_DEPTH = 64;
const INDENT = "    ";

/**
 * Turtle and TriG with subjects grouped (`;`, `,`), everything sorted, and blank nodes made canonical:
 * blank nodes get a colour from their surroundings (a hash refined over a few rounds, like the first steps of
 * RDF canonicalisation), sorting uses colours instead of labels, and labels `_:bN` follow the order of writing.
 * A blank node that is the object of exactly one triple (and not in a cycle of such) is written inline as `[ … ]`,
 * and a chain of such nodes that forms a well-formed collection as `( … )`. Blank nodes whose colours tie (their
 * surroundings look alike to a few rounds of refinement) are ordered by term id, i.e. by input order: for
 * automorphic nodes the text is the same either way, for rare look-alike non-automorphic ones it may differ.
 */
class PrettyWriter {
  private readonly terms: TermTable;
  private readonly S: Uint32Array;
  private readonly P: Uint32Array;
  private readonly O: Uint32Array;
  private readonly G: Uint32Array;
  private readonly compactor: PrefixCompactor;
  private readonly cache: (string | undefined)[];
  /**
   * The body, appended to as one string: V8 keeps appends as a rope and copies it once when flattened,
   * where joining an array of block ropes would flatten each block first and copy twice.
   */
  private body = "";
  /** Per term id: its kind (the table's own codes), so sorting never looks at key strings to tell kinds apart. */
  private readonly kinds: Uint8Array;
  private readonly predicateRank: Uint32Array;
  /** Per predicate id: `a ` or its written form and a space. */
  private readonly predicateTexts: string[] = [];
  // Blank node bookkeeping, all indexed by term id (allocated only when the selection has blank nodes).
  private colour: Uint32Array = new Uint32Array(0);
  private inline: Uint8Array = new Uint8Array(0);
  private rangeFrom: Uint32Array = new Uint32Array(0);
  private rangeTo: Uint32Array = new Uint32Array(0);
  private needsLabel: Uint8Array = new Uint8Array(0);
  /** Per inline blank node: 1 when it is a well-formed list cell, with its rdf:first and rdf:rest objects. */
  private isList: Uint8Array = new Uint8Array(0);
  private listFirst: Int32Array = new Int32Array(0);
  private listRest: Int32Array = new Int32Array(0);
  private readonly labels = new Map<number, string>();
  private readonly compareObjects: (a: number, b: number) => number;
  private readonly nil: number;

  constructor(
    dataset: Dataset,
    /** Selected quad indices; TriG regroups them by graph. Slices are sorted in place while writing. */
    private selected: Uint32Array,
    private readonly trig: boolean,
    options: WriteOptions,
  ) {
    this.terms = dataset.terms;
    ({ subjects: this.S, predicates: this.P, objects: this.O, graphs: this.G } = dataset);
    this.compactor = options.prefixes ? new PrefixCompactor(options.prefixes, true) : new PrefixCompactor(defaultPrefixes(dataset.prefixes));
    this.cache = new Array(this.terms.size);
    this.kinds = this.terms.kindCodes();
    this.predicateRank = new Uint32Array(this.terms.size);
    this.nil = this.terms.iriId(rdf.nil);
    const { P, O, kinds, predicateRank } = this;
    this.compareObjects = (a: number, b: number): number => {
      const pa = predicateRank[P[a]], pb = predicateRank[P[b]];
      if (pa !== pb) return pa - pb;
      const oa = O[a], ob = O[b];
      if (oa === ob) return 0;
      const ka = kinds[oa], kb = kinds[ob];
      if (ka !== kb) return ka - kb;
      if (ka === KIND_BLANK) return this.colour[oa] - this.colour[ob] || oa - ob;
      const ta = this.terms.key(oa), tb = this.terms.key(ob);
      return ta < tb ? -1 : ta > tb ? 1 : 0;
    };
  }

  write(): string {
    const hasBlanks = this.selectionHasBlanks();
    this.rankPredicates();
    if (hasBlanks) this.analyseBlanks();
    if (this.trig) this.writeGraphs();
    else this.writeSubjects(0, this.selected.length, "");
    const header = this.compactor.declarations();
    return header && this.body ? `${header}\n${this.body}` : header + this.body;
  }

  /** Whether any selected quad has a blank node (only then is the blank node analysis needed). */
  private selectionHasBlanks(): boolean {
    const { S, O, G, kinds, selected } = this;
    for (let k = 0; k < selected.length; k++) {
      const i = selected[k];
      if (kinds[S[i]] === KIND_BLANK || kinds[O[i]] === KIND_BLANK || kinds[G[i]] === KIND_BLANK) return true;
    }
    return false;
  }

  /** rdf:type first (written `a`), then predicates in IRI order. */
  private rankPredicates(): void {
    const seen = new Uint8Array(this.terms.size);
    const distinct: number[] = [];
    for (let k = 0; k < this.selected.length; k++) {
      const p = this.P[this.selected[k]];
      if (seen[p] === 0) {
        seen[p] = 1;
        distinct.push(p);
      }
    }
    const typeId = this.terms.iriId(rdf.type);
    const ordered = distinct.sort((a, b) => {
      if (a === typeId || b === typeId) return a === typeId ? -1 : 1;
      const ka = this.terms.key(a), kb = this.terms.key(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    ordered.forEach((p, rank) => {
      this.predicateRank[p] = rank;
      this.predicateTexts[p] = `${p === typeId ? "a" : this.termText(p)} `;
    });
  }

  private termText(id: number): string {
    const kind = this.kinds[id];
    if (kind === KIND_BLANK) return this.blankLabel(id);
    let text = this.cache[id];
    if (text === undefined) {
      text = kind === KIND_LITERAL ? turtleLiteral(this.terms.key(id), (iri) => this.compactor.compact(iri)) : this.compactor.compact(this.terms.value(id));
      this.cache[id] = text;
    }
    return text;
  }

  private blankLabel(id: number): string {
    let label = this.labels.get(id);
    if (label === undefined) this.labels.set(id, (label = `_:b${this.labels.size}`));
    return label;
  }

  /**
   * Counts references, colours blank nodes, and decides which are written inline. A blank node is inline when
   * it is the object of exactly one selected triple, names no graph, has its own triples in that triple's graph
   * (TriG), and following its single referrers upwards leaves the blank nodes of that kind (no cycle).
   */
  private analyseBlanks(): void {
    const { S, O, G, kinds, selected, terms } = this;
    const size = terms.size;
    const refs = new Uint32Array(size);
    const parent = new Int32Array(size).fill(-1);
    const parentGraph = new Uint32Array(size);
    const ownGraph = new Int32Array(size).fill(-1); // graph of its own triples; -2 when several
    const namesGraph = new Uint8Array(size);
    const blanks: number[] = [];
    const index = new Int32Array(size).fill(-1);
    const note = (id: number) => {
      if (kinds[id] === KIND_BLANK && index[id] < 0) {
        index[id] = blanks.length;
        blanks.push(id);
      }
    };
    for (let k = 0; k < selected.length; k++) {
      const i = selected[k];
      const s = S[i], o = O[i], g = this.trig ? G[i] : DEFAULT_GRAPH_ID;
      note(s);
      note(o);
      if (kinds[s] === KIND_BLANK) ownGraph[s] = ownGraph[s] === -1 || ownGraph[s] === g ? g : -2;
      if (kinds[o] === KIND_BLANK) {
        refs[o]++;
        parent[o] = s;
        parentGraph[o] = g;
      }
      if (g !== DEFAULT_GRAPH_ID && kinds[g] === KIND_BLANK) {
        note(g);
        namesGraph[g] = 1;
      }
    }
    this.colour = this.colourBlanks(blanks, index);

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
          if (this.colour[c] < this.colour[root] || (this.colour[c] === this.colour[root] && c < root)) root = c;
        }
        state[root] = ROOT;
      }
      for (const y of chain) if (state[y] === VISITING) state[y] = INLINE;
    }
    const inline = new Uint8Array(size);
    for (const b of blanks) if (state[b] === INLINE) inline[b] = 1;
    this.inline = inline;
    this.findLists(blanks);
    this.limitDepth(blanks, parent);
    const needsLabel = new Uint8Array(size);
    for (const b of blanks) {
      // A root blank node written once as a subject in one graph and never as an object can be `[]`.
      if (!inline[b]) needsLabel[b] = refs[b] > 0 || namesGraph[b] === 1 || ownGraph[b] === -2 || ownGraph[b] === -1 ? 1 : 0;
    }
    this.needsLabel = needsLabel;
    this.rangeFrom = new Uint32Array(size);
    this.rangeTo = new Uint32Array(size);
  }

  /**
   * Marks inline blank nodes that are well-formed collection cells (exactly one rdf:first and one rdf:rest,
   * nothing else, the rest being rdf:nil or another such cell), so they can be written as `( … )`.
   */
  private findLists(blanks: number[]): void {
    const { S, P, O, selected, inline, terms } = this;
    const first = terms.iriId(rdf.first), rest = terms.iriId(rdf.rest), nil = terms.iriId(rdf.nil);
    if (first < 0 || rest < 0) return;
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
    this.listFirst = firstObject;
    this.listRest = restObject;
    this.isList = new Uint8Array(size);
    for (const b of blanks) if (verdict[b] === YES) this.isList[b] = 1;
  }

  /**
   * Inline nesting deeper than MAX_INLINE_DEPTH becomes a labelled root, so writing never recurses without
   * bound; the rdf:rest step from one list cell to the next is written in a loop and does not count.
   */
  private limitDepth(blanks: number[], parent: Int32Array): void {
    const { inline, isList, listRest } = this;
    const depth = new Int32Array(inline.length).fill(-1);
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
          d = 0;
        }
        depth[y] = d;
      }
      return depth[b];
    };
    for (const b of blanks) if (inline[b] && depth[b] < 0) depthOf(b);
  }

  /** Colour refinement: each round hashes a blank node's colour with the sorted hashes of its triples. */
  private colourBlanks(blanks: number[], index: Int32Array): Uint32Array {
    const { S, P, O, G, kinds, selected, terms } = this;
    const n = blanks.length;
    // Incident quads per blank node (CSR); entry = position * 2 + (1 when the blank node is the object).
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
          let h = mix(incoming + 1, hashOf(P[i]));
          h = mix(h, incoming ? other(S[i]) : other(O[i]));
          if (this.trig && G[i] !== DEFAULT_GRAPH_ID) h = mix(h, other(G[i]));
          scratch[e - from] = h;
        }
        const hashes = scratch.subarray(0, to - from).sort();
        let h = colour[blanks[b]];
        for (let e = 0; e < hashes.length; e++) h = mix(h, hashes[e]);
        next[b] = h;
      }
      for (let b = 0; b < n; b++) colour[blanks[b]] = next[b];
      const count = new Set(next).size;
      if (count === distinct && round > 0) break;
      distinct = count;
    }
    return colour;
  }

  private writeGraphs(): void {
    const { G, selected } = this;
    // Stable regrouping by graph keeps each graph's quads in dataset order, so subjects stay contiguous.
    const byGraph = new Map<number, number[]>();
    for (let k = 0; k < selected.length; k++) {
      const g = G[selected[k]];
      let list = byGraph.get(g);
      if (!list) byGraph.set(g, (list = []));
      list.push(selected[k]);
    }
    const graphs = [...byGraph.keys()].sort((a, b) => this.compareTopLevel(a, b));
    const regrouped = new Uint32Array(selected.length);
    const bounds: [number, number, number][] = [];
    let at = 0;
    for (const g of graphs) {
      const list = byGraph.get(g)!;
      regrouped.set(list, at);
      bounds.push([g, at, at + list.length]);
      at += list.length;
    }
    this.selected = regrouped;
    for (const [, from, to] of bounds) this.noteRanges(from, to);
    for (const [g, from, to] of bounds) {
      if (g === DEFAULT_GRAPH_ID) this.writeSubjects(from, to, "", false);
      else {
        if (this.body) this.body += "\n";
        this.body += `${this.termText(g)} {\n`;
        this.writeSubjects(from, to, INDENT, false);
        this.body += "}\n";
      }
    }
  }

  /** Remembers where each inline blank node's own triples lie in `selected`. */
  private noteRanges(from: number, to: number): void {
    const { S, selected, inline } = this;
    if (inline.length === 0) return;
    for (let k = from; k < to; ) {
      const s = S[selected[k]];
      let end = k + 1;
      while (end < to && S[selected[end]] === s) end++;
      if (inline[s]) {
        this.rangeFrom[s] = k;
        this.rangeTo[s] = end;
      }
      k = end;
    }
  }

  /** IRIs in code-unit order, then blank nodes by colour (default graph first: id 0). */
  private compareTopLevel(a: number, b: number): number {
    if (a === b) return 0;
    if (a === DEFAULT_GRAPH_ID || b === DEFAULT_GRAPH_ID) return a === DEFAULT_GRAPH_ID ? -1 : 1;
    const ka = this.kinds[a], kb = this.kinds[b];
    if (ka !== kb) return ka - kb;
    if (ka === KIND_BLANK) return this.colour[a] - this.colour[b] || a - b;
    const ta = this.terms.key(a), tb = this.terms.key(b);
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  }

  /** Writes the subjects of `selected[from, to)` (contiguous runs per subject) in sorted order. */
  private writeSubjects(from: number, to: number, indent: string, noteRanges = true): void {
    const { S, selected, inline } = this;
    if (noteRanges) this.noteRanges(from, to);
    const groups: number[] = []; // triples of (subject, from, to)
    for (let k = from; k < to; ) {
      const s = S[selected[k]];
      let end = k + 1;
      while (end < to && S[selected[end]] === s) end++;
      if (inline.length === 0 || !inline[s]) groups.push(s, k, end);
      k = end;
    }
    const order = this.sortGroups(groups);
    let separator = indent ? "" : this.body ? "\n" : "";
    for (let g = 0; g < order.length; g++) {
      const at = 3 * order[g];
      const s = groups[at];
      const subject = this.kinds[s] === KIND_BLANK && !this.needsLabel[s] ? "[]" : this.termText(s);
      // One string per subject block: V8 appends to strings cheaply, and the final join stays short.
      this.body += `${separator}${indent}${subject} ${this.predicateObjects(groups[at + 1], groups[at + 2], indent + INDENT)} .\n`;
      separator = "\n";
    }
  }

  /** Group numbers in output order: IRI subjects by key, then blank subjects by colour (ties: first seen). */
  private sortGroups(groups: number[]): number[] {
    const iris: number[] = [], blanks: number[] = [];
    for (let g = 0; g < groups.length / 3; g++) (this.kinds[groups[3 * g]] === KIND_BLANK ? blanks : iris).push(g);
    // Subjects are distinct within a run of groups, so sort the keys natively (no comparator call per
    // comparison: IRIs share long namespaces) and map them back.
    const groupByKey = new Map<string, number>();
    const keys: string[] = new Array(iris.length);
    for (let k = 0; k < iris.length; k++) groupByKey.set((keys[k] = this.terms.key(groups[3 * iris[k]])), iris[k]);
    keys.sort();
    const colour = this.colour;
    blanks.sort((a, b) => colour[groups[3 * a]] - colour[groups[3 * b]] || a - b);
    const order: number[] = new Array(keys.length + blanks.length);
    for (let k = 0; k < keys.length; k++) order[k] = groupByKey.get(keys[k])!;
    for (let k = 0; k < blanks.length; k++) order[keys.length + k] = blanks[k];
    return order;
  }

  private predicateObjects(from: number, to: number, indent: string): string {
    const { P, O, selected } = this;
    if (to - from > 1) this.sortRange(from, to);
    let text = "";
    let previous = -1;
    for (let k = from; k < to; k++) {
      const i = selected[k];
      const p = P[i], o = O[i];
      if (p === previous) text += ", ";
      else {
        // Predicates are few: their text (with the space after it) is made once, in rankPredicates.
        text += previous === -1 ? this.predicateTexts[p] : ` ;\n${indent}${this.predicateTexts[p]}`;
        previous = p;
      }
      text += this.objectText(o, indent);
    }
    return text;
  }

  private objectText(o: number, indent: string): string {
    if (o === this.nil) return "()";
    if (this.kinds[o] !== KIND_BLANK || !this.inline[o]) return this.termText(o);
    if (this.isList.length > 0 && this.isList[o]) {
      const items: string[] = [];
      for (let cell = o; this.kinds[cell] === KIND_BLANK; cell = this.listRest[cell]) items.push(this.objectText(this.listFirst[cell], indent));
      return `( ${items.join(" ")} )`;
    }
    return this.inlineBlank(o, indent);
  }

  /** Sorts `selected[from, to)` by predicate rank and object; insertion sort for the usual short runs (no view, no garbage). */
  private sortRange(from: number, to: number): void {
    const { selected, compareObjects } = this;
    if (to - from > 32) {
      selected.subarray(from, to).sort(compareObjects);
      return;
    }
    for (let k = from + 1; k < to; k++) {
      const value = selected[k];
      let j = k - 1;
      while (j >= from && compareObjects(selected[j], value) > 0) {
        selected[j + 1] = selected[j];
        j--;
      }
      selected[j + 1] = value;
    }
  }

  private inlineBlank(blank: number, indent: string): string {
    const from = this.rangeFrom[blank], to = this.rangeTo[blank];
    if (from === to) return "[]";
    if (to - from === 1) {
      // One triple whose object is not itself written over several lines fits on one line: `[ ex:p "x" ]`.
      const o = this.O[this.selected[from]];
      if (this.kinds[o] !== KIND_BLANK || !this.inline[o] || this.isList[o]) return `[ ${this.predicateObjects(from, to, indent)} ]`;
    }
    return `[\n${indent}${INDENT}${this.predicateObjects(from, to, indent + INDENT)}\n${indent}]`;
  }
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
