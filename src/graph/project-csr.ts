// Projection phase 3: the scan's worst-case columns become the GraphIndex's trimmed CSR arrays (out/in edges, classes, labels).
import type { Scan } from "./project-scan.ts";

export interface Csr {
  nodeCount: number;
  edgeCount: number;
  nodeTerms: Uint32Array;
  nodeOfTerm: Int32Array;
  edgeSources: Uint32Array;
  edgeTargets: Uint32Array;
  edgePredicates: Uint32Array;
  edgeQuads: Uint32Array;
  outOffsets: Uint32Array;
  outEdgeIds: Uint32Array;
  inOffsets: Uint32Array;
  inEdgeIds: Uint32Array;
  nodeClassOffsets: Uint32Array;
  nodeClassTerms: Uint32Array;
  /** Per node (object-only nodes included): the label's literal term id, or -1. */
  labelTerms: Int32Array;
  /** The distinct predicates of edges and classes of nodes, sorted by term id. */
  edgePredicateTerms: Uint32Array;
  classTermsInUse: Uint32Array;
}

export function buildCsr(scan: Scan): Csr {
  const { nodeCount, subjectNodeCount, edgeCount, classCount } = scan;
  const edgeTargets = scan.edgeTargets.slice(0, edgeCount);
  const edgePredicates = scan.edgePredicates.slice(0, edgeCount);
  // Edges were numbered source by source, so the out-edge list is the identity permutation.
  const outEdgeIds = new Uint32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) outEdgeIds[e] = e;

  // Object-only nodes have no classes and no labels of their own.
  const nodeClassOffsets = new Uint32Array(nodeCount + 1);
  nodeClassOffsets.set(scan.classOffsets);
  nodeClassOffsets.fill(classCount, subjectNodeCount);
  const labelTerms = new Int32Array(nodeCount).fill(-1);
  labelTerms.set(scan.labelTerms);

  // In-edges by a counting sort on targets.
  const inOffsets = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) inOffsets[edgeTargets[e] + 1]++;
  for (let n = 0; n < nodeCount; n++) inOffsets[n + 1] += inOffsets[n];
  const inEdgeIds = new Uint32Array(edgeCount);
  const cursor = inOffsets.slice(0, nodeCount);
  for (let e = 0; e < edgeCount; e++) inEdgeIds[cursor[edgeTargets[e]]++] = e;

  // Flags per term rather than a Set: one byte write per edge, and the ids come out sorted.
  const edgePredicateUsed = new Uint8Array(scan.classUsed.length);
  for (let e = 0; e < edgeCount; e++) edgePredicateUsed[edgePredicates[e]] = 1;

  return {
    nodeCount,
    edgeCount,
    nodeTerms: scan.nodeTerms.slice(0, nodeCount),
    nodeOfTerm: scan.nodeOfTerm,
    edgeSources: scan.edgeSources.slice(0, edgeCount),
    edgeTargets,
    edgePredicates,
    edgeQuads: scan.edgeQuads.slice(0, edgeCount),
    outOffsets: scan.outOffsets.slice(0, nodeCount + 1),
    outEdgeIds,
    inOffsets,
    inEdgeIds,
    nodeClassOffsets,
    nodeClassTerms: scan.classTerms.slice(0, classCount),
    labelTerms,
    edgePredicateTerms: flaggedTerms(edgePredicateUsed),
    classTermsInUse: flaggedTerms(scan.classUsed),
  };
}

/** The term ids whose flag is set, ascending. */
function flaggedTerms(flags: Uint8Array): Uint32Array {
  const ids: number[] = [];
  for (let t = 0; t < flags.length; t++) if (flags[t]) ids.push(t);
  return Uint32Array.from(ids);
}
