// Writes selected quads as sorted, grouped Turtle or TriG, byte-for-byte deterministic, blank node labels included.
import { layOutBlanks, selectionHasBlanks, type BlankLayout } from "./blank-layout.ts";
import type { Dataset } from "./dataset.ts";
import { PrefixCompactor, defaultPrefixes, turtleLiteral } from "./serialize-terms.ts";
import { sortRun } from "./sort-run.ts";
import { DEFAULT_GRAPH_ID, KIND_BLANK, KIND_LITERAL, type TermTable } from "./terms.ts";
import { rdf } from "./vocab.ts";

/** Prefixes to abbreviate with; default: the well-known ones overridden by the dataset's own (see WriteOptions). */
export interface PrettyOptions {
  prefixes?: Readonly<Record<string, string>>;
}

const INDENT = "    ";

/**
 * Turtle and TriG with subjects grouped (`;`, `,`), everything sorted, and blank nodes made canonical:
 * blank nodes get a colour from their surroundings (a hash refined over a few rounds, like the first steps of
 * RDF canonicalisation), sorting uses colours instead of labels, and labels `_:bN` follow the order of writing.
 * A blank node that is the object of exactly one triple (and not in a cycle of such) is written inline as `[ … ]`,
 * and a chain of such nodes that forms a well-formed collection as `( … )`. Blank nodes whose colours tie (their
 * surroundings look alike to a few rounds of refinement) are ordered by term id, i.e. by input order: for
 * automorphic nodes the text is the same either way, for rare look-alike non-automorphic ones it may differ.
 * Blank nodes cut from a chain nested too deep are written right after the block that refers to them, so
 * their place (and label) follows the text, not the input order.
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
  /** Per term id: its kind (the table's own codes), so sorting never looks at key strings to tell kinds apart. */
  private readonly kinds: Uint8Array;
  private readonly predicateRank: Uint32Array;
  /** Per predicate id: `a ` or its written form and a space. */
  private readonly predicateTexts: string[] = [];
  // Blank node bookkeeping, all indexed by term id (allocated only when the selection has blank nodes).
  private colour: Uint32Array = new Uint32Array(0);
  private inline: Uint8Array = new Uint8Array(0);
  private depthRoot: Uint8Array = new Uint8Array(0);
  private rangeFrom: Uint32Array = new Uint32Array(0);
  private rangeTo: Uint32Array = new Uint32Array(0);
  private needsLabel: Uint8Array = new Uint8Array(0);
  private isList: Uint8Array = new Uint8Array(0);
  private listFirst: Int32Array = new Int32Array(0);
  private listRest: Int32Array = new Int32Array(0);
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
    const hasBlanks = selectionHasBlanks(this.dataset, this.selected, this.kinds);
    this.rankPredicates();
    if (hasBlanks) this.useLayout(layOutBlanks(this.dataset, this.selected, this.kinds, this.trig));
    if (this.trig) this.writeGraphs();
    else this.writeSubjects(0, this.selected.length, "");
    const header = this.compactor.declarations();
    return header && this.body ? `${header}\n${this.body}` : header + this.body;
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

  private useLayout(layout: BlankLayout): void {
    ({ colour: this.colour, inline: this.inline, depthRoot: this.depthRoot, needsLabel: this.needsLabel } = layout);
    ({ isList: this.isList, listFirst: this.listFirst, listRest: this.listRest } = layout);
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
      if (inline[s] || this.depthRoot[s]) {
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
      if (inline.length === 0 || (!inline[s] && !this.depthRoot[s])) groups.push(s, k, end);
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
      for (let r = 0; r < this.pendingRoots.length; r++) {
        const root = this.pendingRoots[r];
        // A cut leaf has no triples of its own: its label alone says it all.
        if (this.rangeTo[root] === this.rangeFrom[root]) continue;
        this.body += `\n${indent}${this.termText(root)} ${this.predicateObjects(this.rangeFrom[root], this.rangeTo[root], indent + INDENT)} .\n`;
      }
      this.pendingRoots.length = 0;
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
    if (this.kinds[o] !== KIND_BLANK || !this.inline[o]) {
      if (this.depthRoot.length > 0 && this.depthRoot[o]) this.pendingRoots.push(o);
      return this.termText(o);
    }
    if (this.isList.length > 0 && this.isList[o]) {
      const items: string[] = [];
      for (let cell = o; this.kinds[cell] === KIND_BLANK; cell = this.listRest[cell]) items.push(this.objectText(this.listFirst[cell], indent));
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
      if (this.kinds[o] !== KIND_BLANK || !this.inline[o] || this.isList[o]) return `[ ${this.predicateObjects(from, to, indent)} ]`;
    }
    return `[\n${indent}${INDENT}${this.predicateObjects(from, to, indent + INDENT)}\n${indent}]`;
  }
}

