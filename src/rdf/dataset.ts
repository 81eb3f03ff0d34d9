// The RDF dataset, the project's truth: interned terms plus quads in typed-array columns, grouped and sorted by subject.
import { DataFactory } from "n3";
import type * as RDF from "@rdfjs/types";
import { DEFAULT_GRAPH_ID, TermTable } from "./terms.ts";

/** Collects quads into growable typed columns; `freeze()` turns them into a deduplicated, subject-grouped Dataset. */
export class DatasetBuilder {
  readonly terms: TermTable;
  readonly prefixes: Record<string, string>;
  private s: Uint32Array;
  private p: Uint32Array;
  private o: Uint32Array;
  private g: Uint32Array;
  private count = 0;

  /** Starts empty, or from a copy of `base` so that adding to it never changes `base`. */
  constructor(base?: Dataset, initialCapacity = 1024) {
    this.terms = base ? base.terms.clone() : new TermTable();
    this.prefixes = base ? { ...base.prefixes } : {};
    const capacity = Math.max(initialCapacity, base ? base.size : 0);
    this.s = new Uint32Array(capacity);
    this.p = new Uint32Array(capacity);
    this.o = new Uint32Array(capacity);
    this.g = new Uint32Array(capacity);
    if (base) {
      this.s.set(base.subjects);
      this.p.set(base.predicates);
      this.o.set(base.objects);
      this.g.set(base.graphs);
      this.count = base.size;
    }
  }

  get size(): number {
    return this.count;
  }

  addQuad(quad: RDF.Quad): void {
    const t = this.terms;
    this.addIds(t.intern(quad.subject), t.intern(quad.predicate), t.intern(quad.object), t.intern(quad.graph));
  }

  addIds(s: number, p: number, o: number, g: number = DEFAULT_GRAPH_ID): void {
    if (this.count === this.s.length) this.grow();
    const i = this.count++;
    this.s[i] = s;
    this.p[i] = p;
    this.o[i] = o;
    this.g[i] = g;
  }

  addPrefixes(prefixes: Record<string, string | RDF.NamedNode>): void {
    for (const [name, iri] of Object.entries(prefixes)) {
      // The first declaration of a prefix wins, so later files cannot silently rename earlier output.
      if (!(name in this.prefixes)) this.prefixes[name] = typeof iri === "string" ? iri : iri.value;
    }
  }

  private grow(): void {
    const capacity = this.s.length * 2;
    const grown = (old: Uint32Array) => {
      const next = new Uint32Array(capacity);
      next.set(old);
      return next;
    };
    this.s = grown(this.s);
    this.p = grown(this.p);
    this.o = grown(this.o);
    this.g = grown(this.g);
  }

  /**
   * Sorts the quads by subject id (a counting sort: linear), then by predicate, object and graph within
   * each subject, and drops duplicates, since an RDF dataset is a set.
   */
  freeze(): Dataset {
    const n = this.count;
    const termCount = this.terms.size;
    const { s, p, o, g } = this;
    const subjectStart = new Uint32Array(termCount + 1);
    for (let i = 0; i < n; i++) subjectStart[s[i] + 1]++;
    for (let t = 0; t < termCount; t++) subjectStart[t + 1] += subjectStart[t];
    const order = new Uint32Array(n);
    const cursor = subjectStart.slice(0, termCount);
    for (let i = 0; i < n; i++) order[cursor[s[i]]++] = i;

    const byPredicateObjectGraph = (a: number, b: number) => p[a] - p[b] || o[a] - o[b] || g[a] - g[b];
    const S = new Uint32Array(n), P = new Uint32Array(n), O = new Uint32Array(n), G = new Uint32Array(n);
    const start = new Uint32Array(termCount + 1);
    let out = 0;
    for (let t = 0; t < termCount; t++) {
      const from = subjectStart[t], to = subjectStart[t + 1];
      start[t] = out;
      if (to - from > 16) order.subarray(from, to).sort(byPredicateObjectGraph);
      else if (to - from > 1) {
        // Most subjects have a handful of quads: an insertion sort in place beats a subarray and a comparator per subject.
        for (let k = from + 1; k < to; k++) {
          const i = order[k];
          let j = k - 1;
          while (j >= from && byPredicateObjectGraph(order[j], i) > 0) {
            order[j + 1] = order[j];
            j--;
          }
          order[j + 1] = i;
        }
      }
      for (let k = from; k < to; k++) {
        const i = order[k];
        if (out > start[t] && P[out - 1] === p[i] && O[out - 1] === o[i] && G[out - 1] === g[i]) continue;
        S[out] = t;
        P[out] = p[i];
        O[out] = o[i];
        G[out] = g[i];
        out++;
      }
    }
    start[termCount] = out;
    const trim = (column: Uint32Array) => (out === n ? column : column.slice(0, out));
    return new Dataset(this.terms, { ...this.prefixes }, trim(S), trim(P), trim(O), trim(G), start);
  }
}

/** An immutable set of quads over a term table. Quad `i` is (subjects[i], predicates[i], objects[i], graphs[i]). */
export class Dataset {
  constructor(
    readonly terms: TermTable,
    readonly prefixes: Readonly<Record<string, string>>,
    readonly subjects: Uint32Array,
    readonly predicates: Uint32Array,
    readonly objects: Uint32Array,
    readonly graphs: Uint32Array,
    /** Quads of subject term `t` are the indices `[subjectStart[t], subjectStart[t + 1])`. */
    readonly subjectStart: Uint32Array,
  ) {}

  static empty(): Dataset {
    return new DatasetBuilder().freeze();
  }

  get size(): number {
    return this.subjects.length;
  }

  /** Whether any quad lies outside the default graph (Turtle and N-Triples cannot carry graph names). */
  get hasNamedGraphs(): boolean {
    return this.graphs.some((graph) => graph !== DEFAULT_GRAPH_ID);
  }

  /** The first and past-the-end quad index of a subject's quads (empty when the term is no subject). */
  subjectRange(subject: number): [number, number] {
    if (subject < 0 || subject + 1 >= this.subjectStart.length) return [0, 0];
    return [this.subjectStart[subject], this.subjectStart[subject + 1]];
  }

  quad(i: number): RDF.Quad {
    const t = this.terms;
    return DataFactory.quad(
      t.term(this.subjects[i]) as RDF.Quad_Subject,
      t.term(this.predicates[i]) as RDF.Quad_Predicate,
      t.term(this.objects[i]) as RDF.Quad_Object,
      t.term(this.graphs[i]) as RDF.Quad_Graph,
    ) as unknown as RDF.Quad;
  }

  *quads(): IterableIterator<RDF.Quad> {
    for (let i = 0; i < this.size; i++) yield this.quad(i);
  }

  /** Quad indices whose subject, predicate, object and graph match the given term ids (undefined matches any). */
  *match(subject?: number, predicate?: number, object?: number, graph?: number): IterableIterator<number> {
    const [from, to] = subject === undefined ? [0, this.size] : this.subjectRange(subject);
    for (let i = from; i < to; i++) {
      if (predicate !== undefined && this.predicates[i] !== predicate) continue;
      if (object !== undefined && this.objects[i] !== object) continue;
      if (graph !== undefined && this.graphs[i] !== graph) continue;
      yield i;
    }
  }
}
