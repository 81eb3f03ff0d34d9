// The Dataset as an RDF/JS source (match, countQuads) for a SPARQL engine that reads it in place: no copy, no text.
import { AsyncIterator, BufferedIterator } from "asynciterator";
import type * as RDF from "@rdfjs/types";
import type { Dataset } from "../rdf/dataset.ts";

/** Quad indices grouped by one term column: the quads with term t in it are order[start[t] .. start[t + 1]). */
interface ColumnIndex {
  start: Uint32Array;
  order: Uint32Array;
}

/** A run of candidate quads: indices from..to of `order` (or the quads from..to themselves when order is absent). */
interface Candidates {
  order?: Uint32Array;
  from: number;
  to: number;
}

/**
 * Answers quad patterns from the Dataset's columns. The dataset is sorted by subject (its own index); a predicate
 * and an object index (4 bytes a quad each, plus 4 a term) are built on first need, so a pattern with a bound
 * object or predicate reads its quads only, never the whole dataset.
 */
export class DatasetQuadSource {
  private byPredicate?: ColumnIndex;
  private byObject?: ColumnIndex;

  constructor(readonly dataset: Dataset) {}

  match(subject?: RDF.Term | null, predicate?: RDF.Term | null, object?: RDF.Term | null, graph?: RDF.Term | null): AsyncIterator<RDF.Quad> {
    const ids = this.ids(subject, predicate, object, graph);
    return new QuadIterator(this.dataset, ids ? this.candidates(ids) : { from: 0, to: 0 }, ids ?? [-1, -1, -1, -1]);
  }

  /** The exact number of matching quads: an integer scan of the candidates, no terms made. */
  countQuads(subject?: RDF.Term | null, predicate?: RDF.Term | null, object?: RDF.Term | null, graph?: RDF.Term | null): Promise<number> {
    const ids = this.ids(subject, predicate, object, graph);
    if (!ids) return Promise.resolve(0);
    const run = this.candidates(ids);
    let count = 0;
    for (let k = run.from; k < run.to; k++) if (this.matches(run.order ? run.order[k] : k, ids)) count++;
    return Promise.resolve(count);
  }

  /** Term ids of the bound positions (-1: any), or null when a bound term is not in the data (nothing matches). */
  private ids(...terms: (RDF.Term | null | undefined)[]): number[] | null {
    const ids: number[] = [];
    for (const term of terms) {
      if (!term || term.termType === "Variable") ids.push(-1);
      else {
        const id = this.dataset.terms.idOf(term);
        if (id < 0) return null;
        ids.push(id);
      }
    }
    return ids;
  }

  matches(i: number, [s, p, o, g]: readonly number[]): boolean {
    const d = this.dataset;
    return (s < 0 || d.subjects[i] === s) && (p < 0 || d.predicates[i] === p) && (o < 0 || d.objects[i] === o) && (g < 0 || d.graphs[i] === g);
  }

  /** The shortest run of quads that holds every match: by subject, else object, else predicate, else all. */
  private candidates([s, p, o]: readonly number[]): Candidates {
    if (s >= 0) {
      const [from, to] = this.dataset.subjectRange(s);
      return { from, to };
    }
    if (o >= 0) {
      this.byObject ??= columnIndex(this.dataset.objects, this.dataset.terms.size);
      return rangeOf(this.byObject, o);
    }
    if (p >= 0) {
      this.byPredicate ??= columnIndex(this.dataset.predicates, this.dataset.terms.size);
      return rangeOf(this.byPredicate, p);
    }
    return { from: 0, to: this.dataset.size };
  }
}

function rangeOf(index: ColumnIndex, term: number): Candidates {
  return term + 1 < index.start.length ? { order: index.order, from: index.start[term], to: index.start[term + 1] } : { from: 0, to: 0 };
}

/** A counting sort of the quad indices by one column. */
function columnIndex(column: Uint32Array, termCount: number): ColumnIndex {
  const start = new Uint32Array(termCount + 1);
  for (let i = 0; i < column.length; i++) start[column[i] + 1]++;
  for (let t = 0; t < termCount; t++) start[t + 1] += start[t];
  const fill = start.slice(0, termCount);
  const order = new Uint32Array(column.length);
  for (let i = 0; i < column.length; i++) order[fill[column[i]]++] = i;
  return { start, order };
}

/** The matching quads, made into RDF/JS quads as the engine reads them (a few hundred at a time). */
class QuadIterator extends BufferedIterator<RDF.Quad> {
  private next: number;

  constructor(private readonly dataset: Dataset, private readonly run: Candidates, private readonly ids: readonly number[]) {
    super({ autoStart: false, maxBufferSize: 256 });
    this.next = run.from;
  }

  override _read(count: number, done: () => void): void {
    const { dataset, run, ids } = this;
    const [s, p, o, g] = ids;
    const { subjects, predicates, objects, graphs } = dataset;
    while (count > 0 && this.next < run.to) {
      const i = run.order ? run.order[this.next] : this.next;
      this.next++;
      if ((s < 0 || subjects[i] === s) && (p < 0 || predicates[i] === p) && (o < 0 || objects[i] === o) && (g < 0 || graphs[i] === g)) {
        this._push(dataset.quad(i));
        count--;
      }
    }
    if (this.next >= run.to) this.close();
    done();
  }
}
