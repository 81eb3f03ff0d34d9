// Reads one relation's evidence node (its quote, source, locator, pages and date) by following the projection's predicate paths.
import type { Dataset } from "../rdf/dataset.ts";
import type { PredicatePath, ProjectionConfig } from "./projection-config.ts";
import type { Evidence } from "./types.ts";

type EvidencePaths = { [K in keyof ProjectionConfig["evidence"]]: number[][] };

export class EvidenceReader {
  private readonly paths: EvidencePaths;

  constructor(
    private readonly dataset: Dataset,
    config: ProjectionConfig["evidence"],
    /** The node of a term (-1 when none) and a node's label, for the source's label. */
    private readonly nodeByTerm: (termId: number) => number,
    private readonly label: (n: number) => string,
    private readonly localName: (key: string) => string,
  ) {
    const idOf = (iri: string) => dataset.terms.iriId(iri);
    const pathIds = (paths: readonly PredicatePath[]) =>
      paths.map((path) => path.map(idOf)).filter((path) => path.every((id) => id >= 0));
    this.paths = {
      quote: pathIds(config.quote), source: pathIds(config.source), locator: pathIds(config.locator), page: pathIds(config.page),
      date: pathIds(config.date), disagreement: pathIds(config.disagreement), by: pathIds(config.by),
    };
  }

  read(m: number): Evidence {
    const terms = this.dataset.terms;
    const paths = this.paths;
    const source = this.reach(m, paths.source)[0];
    const sourceIri = source === undefined ? "" : terms.key(source);
    const sourceNode = source === undefined ? -1 : this.nodeByTerm(source);
    const literal = (found: number | undefined) => (found === undefined ? "" : terms.value(found));
    const evidence: Evidence = {
      statement: terms.key(m),
      quote: literal(this.reach(m, paths.quote, true)[0]),
      source: sourceIri,
      sourceLabel: sourceNode >= 0 ? this.label(sourceNode) : source === undefined ? "" : this.localName(sourceIri),
      locator: literal(this.reach(m, paths.locator, true)[0]),
    };
    // A quote across a page break names both pages.
    const pages = [...new Set(this.reach(m, paths.page, true).map((p) => Number(terms.value(p))).filter(Number.isFinite))].sort((a, b) => a - b);
    if (pages.length > 0) evidence.page = pages[0];
    if (pages.length > 1) evidence.pages = pages;
    const date = this.reach(m, paths.date, true)[0];
    if (date !== undefined) evidence.date = terms.value(date);
    const disagreement = this.reach(m, paths.disagreement, true)[0];
    if (disagreement !== undefined) evidence.disagreement = terms.value(disagreement);
    const by = this.reach(m, paths.by, true)[0];
    if (by !== undefined) evidence.by = terms.value(by);
    return evidence;
  }

  /** The objects (literals when `wantLiteral`) reached from `start` along the first of the predicate paths that reaches any. */
  private reach(start: number, paths: number[][], wantLiteral = false): number[] {
    const { predicates, objects, terms } = this.dataset;
    for (const path of paths) {
      let frontier = [start];
      for (const predicate of path) {
        const next: number[] = [];
        for (const t of frontier) {
          const [from, to] = this.dataset.subjectRange(t);
          for (let q = from; q < to; q++) if (predicates[q] === predicate) next.push(objects[q]);
        }
        frontier = next;
      }
      const found = frontier.filter((t) => terms.isLiteral(t) === wantLiteral);
      if (found.length > 0) return found;
    }
    return [];
  }
}
