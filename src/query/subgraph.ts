// The quads behind a selection of nodes and edges: the triples, their evidence, and the nodes' types, labels and literals.
import type { GraphIndex } from "../graph/types.ts";
import { rdf } from "../rdf/vocab.ts";

export interface Selection {
  nodes: Iterable<number>;
  edges: Iterable<number>;
}

/**
 * Quad indices (sorted, unique) for a selection: each edge's triple (in every graph that holds it), the quads of
 * its evidence nodes and of the blank nodes they use (recursively), and for each node (and each evidence source
 * document) its rdf:type, literal attributes and links. Feed them to the serialiser to export the selection.
 */
export function subgraphQuads(g: GraphIndex, selection: Selection): number[] {
  const ds = g.dataset;
  const { subjects, predicates, objects } = ds;
  const terms = ds.terms;
  const typeTerm = terms.iriId(rdf.type);
  const out = new Set<number>();
  const nodes = [...selection.nodes];

  const addSubjectDeep = (start: number) => {
    const pending = [start];
    const visited = new Set<number>();
    while (pending.length > 0) {
      const t = pending.pop()!;
      if (visited.has(t)) continue;
      visited.add(t);
      const [from, to] = ds.subjectRange(t);
      for (let q = from; q < to; q++) {
        out.add(q);
        if (terms.isBlank(objects[q])) pending.push(objects[q]);
      }
    }
  };

  for (const e of selection.edges) {
    if (!Number.isInteger(e) || e < 0 || e >= g.edgeCount) throw new RangeError(`query/subgraph: edge ${e} is not in the graph`);
    const q = g.edgeQuad(e);
    // The same triple may sit in several named graphs: the quads are adjacent in the subject-sorted columns.
    for (let i = q; i >= 0 && subjects[i] === subjects[q] && predicates[i] === predicates[q] && objects[i] === objects[q]; i--) out.add(i);
    for (let i = q + 1; i < ds.size && subjects[i] === subjects[q] && predicates[i] === predicates[q] && objects[i] === objects[q]; i++) out.add(i);
    for (let i = g.evidenceOffsets[e]; i < g.evidenceOffsets[e + 1]; i++) addSubjectDeep(g.evidenceTerms[i]);
    // The source documents' types and titles, so an exported quote still names where it comes from.
    for (const evidence of g.evidence(e)) {
      const source = evidence.source === "" ? -1 : g.nodeByIri(evidence.source);
      if (source >= 0) nodes.push(source);
    }
  }

  for (const n of nodes) {
    if (!Number.isInteger(n) || n < 0 || n >= g.nodeCount) throw new RangeError(`query/subgraph: node ${n} is not in the graph`);
    const edgeQuads = new Set<number>();
    for (let i = g.outOffsets[n]; i < g.outOffsets[n + 1]; i++) edgeQuads.add(g.edgeQuad(g.outEdgeIds[i]));
    const [from, to] = ds.subjectRange(g.nodeTerm(n));
    for (let q = from; q < to; q++) {
      const o = objects[q];
      if (predicates[q] === typeTerm || terms.isLiteral(o)) out.add(q);
      // Other non-edge IRI objects are links (external identifiers, pages); meta objects and blank structure are not.
      else if (terms.isIri(o) && !edgeQuads.has(q) && !g.isMetaTerm(o) && g.nodeByTerm(o) < 0) out.add(q);
    }
  }
  return [...out].sort((a, b) => a - b);
}
