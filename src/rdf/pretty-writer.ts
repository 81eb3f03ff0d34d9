// Writes selected quads as sorted, grouped Turtle or TriG, byte-for-byte deterministic, blank node labels included.
import { layOutBlanks, noBlanks, selectionHasBlanks, type BlankLayout } from "./blank-layout.ts";
import type { Dataset } from "./dataset.ts";
import { PrefixCompactor, defaultPrefixes, turtleLiteral } from "./serialize-terms.ts";
import { sortRun } from "./sort-run.ts";
import { compareTopLevel, predicateOrder, subjectOrder } from "./subject-order.ts";
import { DEFAULT_GRAPH_ID, KIND_BLANK, KIND_LITERAL, type TermTable } from "./terms.ts";
import { rdf } from "./vocab.ts";

/** Prefixes to abbreviate with; default: the well-known ones overridden by the dataset's own (see WriteOptions). */
export interface PrettyOptions {
  prefixes?: Readonly<Record<string, string>>;
  /** About how long each piece of chunks() is (default 1 Mi characters). */
  chunkChars?: number;
}

const INDENT = "    ";
const CHUNK_CHARS = 1 << 20;

/**
 * Turtle and TriG with subjects grouped (`;`, `,`), everything sorted, and blank nodes made canonical: they are
 * sorted by a rank from their surroundings (blank-colours.ts), never their labels, and labels `_:bN` follow the
 * order of writing. A blank node that is the object of exactly one triple (and not in a cycle of such) is written
 * inline as `[ … ]`, a chain of such nodes that forms a well-formed collection as `( … )`, and pieces cut from a
 * chain nested too deep right after the block that refers to them (blank-layout.ts).
 */
export class PrettyWriter {
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
  private flushed = false;
  private readonly chunkChars: number;
  /** Per term id: its kind (the table's own codes), so sorting never looks at key strings to tell kinds apart. */
  private readonly kinds: Uint8Array;
  private readonly predicateRank: Uint32Array;
  /** Per predicate id: `a ` or its written form and a space. */
  private readonly predicateTexts: string[] = [];
  // Blank node bookkeeping, all indexed by term id (empty arrays when the selection has no blank nodes).
  private layout: BlankLayout = noBlanks();
  private rangeFrom: Uint32Array = new Uint32Array(0);
  private rangeTo: Uint32Array = new Uint32Array(0);
  /** Depth roots referred to by what was written but not yet written themselves, in order of reference. */
  private pendingRoots: number[] = [];
  private readonly labels = new Map<number, string>();
  private readonly compareObjects: (a: number, b: number) => number;
  private readonly nil: number;

  constructor(
    private readonly dataset: Dataset,
    /** Selected quad indices; TriG regroups them by graph. Slices are sorted in place while writing. */
    private selected: Uint32Array,
    private readonly trig: boolean,
    options: PrettyOptions,
  ) {
    this.terms = dataset.terms;
    ({ subjects: this.S, predicates: this.P, objects: this.O, graphs: this.G } = dataset);
    this.compactor = options.prefixes ? new PrefixCompactor(options.prefixes, true) : new PrefixCompactor(defaultPrefixes(dataset.prefixes));
    this.cache = new Array(this.terms.size);
    this.chunkChars = options.chunkChars ?? CHUNK_CHARS;
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
      if (ka === KIND_BLANK) return this.layout.colour[oa] - this.layout.colour[ob] || oa - ob;
      const ta = this.terms.key(oa), tb = this.terms.key(ob);
      return ta < tb ? -1 : ta > tb ? 1 : 0;
    };
  }

  write(): string {
    return [...this.chunks()].join("");
  }

  /**
   * The text in pieces of about `chunkChars` characters: the prefix declarations first (the prefixes the terms use
   * are found before writing), then the body, so no piece holds the whole output.
   */
  *chunks(): Generator<string> {
    const hasBlanks = selectionHasBlanks(this.dataset, this.selected, this.kinds);
    this.rankPredicates();
    if (hasBlanks) this.useLayout(layOutBlanks(this.dataset, this.selected, this.kinds, this.trig));
    this.notePrefixesUsed();
    const header = this.compactor.declarations();
    if (header) yield this.selected.length > 0 ? `${header}\n` : header;
    if (this.trig) yield* this.writeGraphs();
    else yield* this.writeSubjects(0, this.selected.length, "");
    if (this.body) yield this.body;
  }

  /** Writes (and caches) the text of every IRI and literal that will be written, so the used prefixes are known. */
  private notePrefixesUsed(): void {
    const { S, O, G, kinds, selected, nil, trig } = this;
    const note = (id: number) => kinds[id] !== KIND_BLANK && this.termText(id);
    for (let k = 0; k < selected.length; k++) {
      const i = selected[k];
      note(S[i]);
      // rdf:nil as an object is written `()`.
      if (O[i] !== nil) note(O[i]);
      if (trig && G[i] !== DEFAULT_GRAPH_ID) note(G[i]);
    }
  }

  /** Hands the body out once it is long enough; `flushed` remembers that text was written before it. */
  private *flush(): Generator<string> {
    if (this.body.length < this.chunkChars) return;
    yield this.body;
    this.body = "";
    this.flushed = true;
  }

  /** rdf:type first (written `a`), then predicates in IRI order. */
  private rankPredicates(): void {
    const typeId = this.terms.iriId(rdf.type);
    predicateOrder(this.selected, this.P, this.terms, typeId).forEach((p, rank) => {
      this.predicateRank[p] = rank;
      this.predicateTexts[p] = `${p === typeId ? "a" : this.termText(p)} `;
    });
  }

  private useLayout(layout: BlankLayout): void {
    this.layout = layout;
    this.rangeFrom = new Uint32Array(this.terms.size);
    this.rangeTo = new Uint32Array(this.terms.size);
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

  private *writeGraphs(): Generator<string> {
    const { G, selected } = this;
    // Stable regrouping by graph keeps each graph's quads in dataset order, so subjects stay contiguous.
    const byGraph = new Map<number, number[]>();
    for (let k = 0; k < selected.length; k++) {
      const g = G[selected[k]];
      let list = byGraph.get(g);
      if (!list) byGraph.set(g, (list = []));
      list.push(selected[k]);
    }
    const graphs = [...byGraph.keys()].sort((a, b) => compareTopLevel(a, b, this.kinds, this.terms, this.layout.colour));
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
      if (g === DEFAULT_GRAPH_ID) yield* this.writeSubjects(from, to, "", false);
      else {
        if (this.body || this.flushed) this.body += "\n";
        this.body += `${this.termText(g)} {\n`;
        yield* this.writeSubjects(from, to, INDENT, false);
        this.body += "}\n";
      }
    }
  }

  /** Remembers where each inline blank node's own triples lie in `selected`. */
  private noteRanges(from: number, to: number): void {
    const { S, selected } = this;
    const { inline } = this.layout;
    if (inline.length === 0) return;
    for (let k = from; k < to; ) {
      const s = S[selected[k]];
      let end = k + 1;
      while (end < to && S[selected[end]] === s) end++;
      if (inline[s] || this.layout.depthRoot[s]) {
        this.rangeFrom[s] = k;
        this.rangeTo[s] = end;
      }
      k = end;
    }
  }



  /** Writes the subjects of `selected[from, to)` (contiguous runs per subject) in sorted order. */
  private *writeSubjects(from: number, to: number, indent: string, noteRanges = true): Generator<string> {
    const { S, selected } = this;
    const { inline } = this.layout;
    if (noteRanges) this.noteRanges(from, to);
    const groups: number[] = []; // triples of (subject, from, to)
    for (let k = from; k < to; ) {
      const s = S[selected[k]];
      let end = k + 1;
      while (end < to && S[selected[end]] === s) end++;
      if (inline.length === 0 || (!inline[s] && !this.layout.depthRoot[s])) groups.push(s, k, end);
      k = end;
    }
    const order = subjectOrder(groups, this.kinds, this.terms, this.layout.colour);
    let separator = indent ? "" : this.body || this.flushed ? "\n" : "";
    for (let g = 0; g < order.length; g++) {
      const at = 3 * order[g];
      const s = groups[at];
      const subject = this.kinds[s] === KIND_BLANK && !this.layout.needsLabel[s] ? "[]" : this.termText(s);
      // One string per subject block: V8 appends to strings cheaply, and the final join stays short.
      this.body += `${separator}${indent}${subject} ${this.predicateObjects(groups[at + 1], groups[at + 2], indent + INDENT)} .\n`;
      separator = "\n";
      for (let r = 0; r < this.pendingRoots.length; r++) {
        const root = this.pendingRoots[r];
        // A cut leaf has no triples of its own: its label alone says it all.
        if (this.rangeTo[root] === this.rangeFrom[root]) continue;
        this.body += `\n${indent}${this.termText(root)} ${this.predicateObjects(this.rangeFrom[root], this.rangeTo[root], indent + INDENT)} .\n`;
      }
      this.pendingRoots.length = 0;
      yield* this.flush();
    }
  }



  private predicateObjects(from: number, to: number, indent: string): string {
    const { P, O, selected } = this;
    if (to - from > 1) sortRun(selected, from, to, this.compareObjects);
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
    if (this.kinds[o] !== KIND_BLANK || !this.layout.inline[o]) {
      if (this.layout.depthRoot.length > 0 && this.layout.depthRoot[o]) this.pendingRoots.push(o);
      return this.termText(o);
    }
    if (this.layout.isList.length > 0 && this.layout.isList[o]) {
      const items: string[] = [];
      for (let cell = o; this.kinds[cell] === KIND_BLANK; cell = this.layout.listRest[cell]) items.push(this.objectText(this.layout.listFirst[cell], indent));
      return `( ${items.join(" ")} )`;
    }
    return this.inlineBlank(o, indent);
  }

  private inlineBlank(blank: number, indent: string): string {
    const from = this.rangeFrom[blank], to = this.rangeTo[blank];
    if (from === to) return "[]";
    if (to - from === 1) {
      // One triple whose object is not itself written over several lines fits on one line: `[ ex:p "x" ]`.
      const o = this.O[this.selected[from]];
      if (this.kinds[o] !== KIND_BLANK || !this.layout.inline[o] || this.layout.isList[o]) return `[ ${this.predicateObjects(from, to, indent)} ]`;
    }
    return `[\n${indent}${INDENT}${this.predicateObjects(from, to, indent + INDENT)}\n${indent}]`;
  }
}

