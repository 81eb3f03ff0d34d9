// The data worker's answers as the protocol's views: dataset summary, view graph, node and relation details, evidence.
import { kg } from "../rdf/vocab.ts";
import type { Evidence, GraphIndex } from "../graph/types.ts";
import { defaultProjection } from "../graph/projection-config.ts";
import { replacementsOf } from "../query/replacements.ts";
import { edgeSources, graphSources } from "../query/corroboration.ts";
import { relationSpans, timelineOf, yearSpans } from "../query/relation-dates.ts";
import type { EvidenceView } from "../session/types.ts";
import type { DatasetSummary, EdgeDetails, LegendEntry, NodeDetails, RelationView, ViewGraph } from "./protocol.ts";

/** Literals the details panel shows as labels or the description, not in its list of literals. */
const shownElsewhere = new Set([...defaultProjection.labelPredicates, ...defaultProjection.altLabelPredicates, ...defaultProjection.descriptionPredicates]);

/** Counts, legend entries and year range of the loaded data, as the page's legend and filters show them. */
export function summaryOf(index: GraphIndex, colourClass: Int32Array, hash: number, files: readonly string[]): DatasetSummary {
  const instances = countInstances(index);
  const classCounts = new Map<number, number>();
  const predicateCounts = new Map<number, number>();
  for (let n = 0; n < index.nodeCount; n++) {
    if (instances > 0 && index.isSchema(n)) continue;
    const cls = colourClass[n];
    if (cls >= 0) classCounts.set(cls, (classCounts.get(cls) ?? 0) + 1);
  }
  for (let e = 0; e < index.edgeCount; e++) {
    // Relations of the schema (subClassOf, domain…) are not drawn when instances are, so they are not offered as filters.
    if (instances > 0 && (index.isSchema(index.edgeSources[e]) || index.isSchema(index.edgeTargets[e]))) continue;
    const p = index.edgePredicates[e];
    predicateCounts.set(p, (predicateCounts.get(p) ?? 0) + 1);
  }
  // The relations the filters offer (not the schema's when instances are drawn) per year of their dates: the histogram
  // and the years' bounds, from one read of each edge's evidence (on a big graph that read is most of the summary).
  const timeline = timelineOf(index, (e) => !(instances > 0 && (index.isSchema(index.edgeSources[e]) || index.isSchema(index.edgeTargets[e]))));
  const legend = (counts: Map<number, number>): LegendEntry[] =>
    [...counts]
      .map(([term, count]) => ({ iri: index.dataset.terms.value(term), label: index.termLabel(term), count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return {
    quads: index.dataset.size,
    nodes: index.nodeCount,
    edges: index.edgeCount,
    instances,
    hash: (hash >>> 0).toString(36),
    classes: legend(classCounts),
    predicates: legend(predicateCounts),
    years: timeline ? { min: timeline.from, max: timeline.to } : null,
    files: [...files],
    replacedPredicates: Object.fromEntries([...replacementsOf(index)].map(([old, replacement]) => [old, replacement.iri])),
    sources: graphSources(index).map((s) => ({ iri: s.iri, label: s.label, count: s.edges })),
    timeline,
  };
}

/** The protocol's view of GraphIndex nodes and edges (an edge's ends join the nodes). */
export function viewGraphOf(index: GraphIndex, colourClass: Int32Array, nodes: readonly number[], edges: readonly number[]): ViewGraph {
  const terms = index.dataset.terms;
  const nodeSet = new Set(nodes);
  for (const e of edges) {
    nodeSet.add(index.edgeSources[e]);
    nodeSet.add(index.edgeTargets[e]);
  }
  const datesOf = (e: number) => {
    const spans = yearSpans(relationSpans(index, e));
    return spans.length ? spans : undefined;
  };
  return {
    nodes: [...nodeSet].map((n) => ({
      key: index.iri(n),
      label: index.label(n),
      classes: index.classes(n).map((c) => terms.value(c)),
      colourClass: colourClass[n] >= 0 ? terms.value(colourClass[n]) : "",
      schema: index.isSchema(n),
      degree: index.degree(n),
    })),
    edges: edges.map((e) => {
      const p = index.edgePredicates[e];
      return {
        key: `e${e}`,
        source: index.iri(index.edgeSources[e]),
        target: index.iri(index.edgeTargets[e]),
        predicate: terms.value(p),
        label: index.termLabel(p),
        year: yearOf(index.edgeDate(e)),
        dates: datesOf(e),
        sources: edgeSources(index, e).map((s) => s.iri),
      };
    }),
  };
}

/** What the details panel shows of a node (its literals, links and relations) or of a relation, with evidence. */
export function detailsOf(index: GraphIndex, node?: string, edge?: string): NodeDetails | EdgeDetails | null {
  if (edge !== undefined) {
    const e = edgeId(edge);
    if (e < 0 || e >= index.edgeCount) return null;
    const s = index.edgeSources[e];
    const t = index.edgeTargets[e];
    const p = index.edgePredicates[e];
    return {
      kind: "edge",
      edge,
      source: index.iri(s),
      sourceLabel: index.label(s),
      target: index.iri(t),
      targetLabel: index.label(t),
      predicate: index.dataset.terms.value(p),
      predicateLabel: index.termLabel(p),
      date: index.edgeDate(e),
      evidence: evidenceOf(index, e),
    };
  }
  if (node === undefined) return null;
  const n = index.nodeByIri(node);
  if (n < 0) return null;
  const terms = index.dataset.terms;
  const relations: RelationView[] = [];
  const relation = (e: number, direction: "out" | "in"): RelationView => {
    const other = direction === "out" ? index.edgeTargets[e] : index.edgeSources[e];
    const p = index.edgePredicates[e];
    return {
      edge: `e${e}`,
      predicate: terms.value(p),
      predicateLabel: index.termLabel(p),
      direction,
      other: index.iri(other),
      otherLabel: index.label(other),
      date: index.edgeDate(e),
      evidence: evidenceOf(index, e),
    };
  };
  for (let i = index.outOffsets[n]; i < index.outOffsets[n + 1]; i++) relations.push(relation(index.outEdgeIds[i], "out"));
  for (let i = index.inOffsets[n]; i < index.inOffsets[n + 1]; i++) relations.push(relation(index.inEdgeIds[i], "in"));
  return {
    kind: "node",
    iri: node,
    label: index.label(n),
    altLabels: index.altLabels(n),
    description: index.description(n),
    classes: index.classes(n).map((c) => ({ iri: terms.value(c), label: index.termLabel(c) })),
    // Labels and the description are shown as such; the list holds the other literals.
    literals: index.literals(n).filter((l) => !shownElsewhere.has(terms.value(l.predicate))).map((l) => ({
      predicate: terms.value(l.predicate),
      predicateLabel: index.termLabel(l.predicate),
      value: l.value,
      language: l.language,
    })),
    links: index.links(n).map((l) => ({ predicate: terms.value(l.predicate), predicateLabel: index.termLabel(l.predicate), iri: l.iri })),
    relations,
    schema: index.isSchema(n),
  };
}

/** An edge's evidence, each with the cleaned text of its source when the data has it. */
export function evidenceOf(index: GraphIndex, e: number): EvidenceView[] {
  return index.evidence(e).map((evidence: Evidence) => ({ ...evidence, text: cleanedTextOf(index, evidence.source) }));
}

function cleanedTextOf(index: GraphIndex, source: string): string | undefined {
  const n = index.nodeByIri(source);
  if (n < 0) return undefined;
  const cleanedText = index.dataset.terms.iriId(kg.cleanedText);
  return index.literals(n).find((l) => l.predicate === cleanedText)?.value;
}

/** The graphology edge key of an edge id, and back. */
export function edgeId(key: string): number {
  return /^e\d+$/.test(key) ? Number(key.slice(1)) : -1;
}

/** A year from an xsd:gYear, gYearMonth, date or dateTime lexical form. */
export function yearOf(date: string | undefined): number | undefined {
  const match = date ? /^(-?\d{4,})/.exec(date) : null;
  return match ? Number(match[1]) : undefined;
}

export function countInstances(index: GraphIndex): number {
  let count = 0;
  for (let n = 0; n < index.nodeCount; n++) if (!index.isSchema(n)) count++;
  return count;
}

/** Each node's colour class: its least common class (the most specific, usually), or -1 when untyped. */
export function pickColourClasses(index: GraphIndex): Int32Array {
  const frequency = new Map<number, number>();
  for (let n = 0; n < index.nodeCount; n++) for (const c of index.classes(n)) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  const out = new Int32Array(index.nodeCount).fill(-1);
  for (let n = 0; n < index.nodeCount; n++) {
    let best = -1;
    for (const c of index.classes(n)) {
      if (best < 0 || frequency.get(c)! < frequency.get(best)! || (frequency.get(c) === frequency.get(best) && c < best)) best = c;
    }
    out[n] = best;
  }
  return out;
}
