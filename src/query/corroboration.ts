// Corroboration: the sources that state each relation (from its evidence), and constraints on them for paths and neighbourhoods.
import type { GraphIndex } from "../graph/types.ts";
import { kg } from "../rdf/vocab.ts";

export interface SourceRef {
  iri: string;
  label: string;
}

/** The distinct sources of edge e's evidence, in the order its evidence names them. */
export function edgeSources(g: GraphIndex, e: number): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const item of g.evidence(e)) if (item.source && !seen.has(item.source)) seen.set(item.source, { iri: item.source, label: item.sourceLabel || item.source });
  return [...seen.values()];
}

/** "stated by 1 source" / "stated by 2 sources". */
export function statedBy(count: number): string {
  return `stated by ${count} source${count === 1 ? "" : "s"}`;
}

/** Every source the graph's relations cite, with how many relations each states, most first. */
export function graphSources(g: GraphIndex): (SourceRef & { edges: number })[] {
  const counts = new Map<string, SourceRef & { edges: number }>();
  for (let e = 0; e < g.edgeCount; e++) {
    for (const source of edgeSources(g, e)) {
      const entry = counts.get(source.iri) ?? { ...source, edges: 0 };
      entry.edges++;
      counts.set(source.iri, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.edges - a.edges || a.label.localeCompare(b.label));
}

export interface SourceConstraints {
  /** Only relations that at least this many distinct sources state. */
  minSources?: number;
  /** Only relations that one of these sources (IRIs) states. */
  sources?: string[];
}

export function hasSourceConstraints(c: SourceConstraints): boolean {
  return (c.minSources !== undefined && c.minSources > 1) || (c.sources !== undefined && c.sources.length > 0);
}

/** An edge filter for the constraints (memoised per edge: searches ask about the same edges often), or undefined when there are none. */
export function sourceEdgeFilter(g: GraphIndex, c: SourceConstraints): ((e: number) => boolean) | undefined {
  if (c.minSources !== undefined && !(Number.isInteger(c.minSources) && c.minSources >= 1)) {
    throw new RangeError(`query/corroboration: the minimum number of sources must be a whole number of 1 or more, not ${c.minSources}`);
  }
  if (!hasSourceConstraints(c)) return undefined;
  const min = c.minSources ?? 1;
  const wanted = c.sources && c.sources.length > 0 ? new Set(c.sources) : undefined;
  const memo = new Map<number, boolean>();
  return (e) => {
    let ok = memo.get(e);
    if (ok === undefined) {
      const sources = edgeSources(g, e);
      ok = sources.length >= min && (wanted === undefined || sources.some((s) => wanted.has(s.iri)));
      memo.set(e, ok);
    }
    return ok;
  };
}

/** Options (path or neighbourhood) with the constraints added to any edge filter they already have. */
export function withSourceConstraints<T extends { edgeFilter?: (edge: number) => boolean }>(g: GraphIndex, c: SourceConstraints, options: T): T {
  const filter = sourceEdgeFilter(g, c);
  if (filter === undefined) return options;
  const previous = options.edgeFilter;
  return { ...options, edgeFilter: previous === undefined ? filter : (e: number) => previous(e) && filter(e) };
}

/** The table cell an evidence node names (kg:CellEvidence), for callers that show row-level evidence. */
export function evidenceCell(g: GraphIndex, statement: string): { row: number; column: string } | undefined {
  const terms = g.dataset.terms;
  const s = terms.iriId(statement);
  const rowP = terms.iriId(kg.row), columnP = terms.iriId(kg.column);
  if (s < 0 || rowP < 0 || columnP < 0) return undefined;
  let row: number | undefined, column: string | undefined;
  const [from, to] = g.dataset.subjectRange(s);
  for (let q = from; q < to; q++) {
    if (g.dataset.predicates[q] === rowP) row = Number(terms.value(g.dataset.objects[q]));
    else if (g.dataset.predicates[q] === columnP) column = terms.value(g.dataset.objects[q]);
  }
  return row !== undefined && column !== undefined ? { row, column } : undefined;
}
