// Projection phase 5: each reified statement attaches to the edge with the same subject, predicate and object (a CSR per edge).
import type { Dataset } from "../rdf/dataset.ts";
import type { Csr } from "./project-csr.ts";
import type { ProjectionConfig } from "./projection-config.ts";

export interface AttachedEvidence {
  /** Evidence term ids of edge e: evidenceTerms[evidenceOffsets[e] .. evidenceOffsets[e + 1]). */
  evidenceOffsets: Uint32Array;
  evidenceTerms: Uint32Array;
  /** Statements whose triple is not an edge. */
  unattached: number;
}

/** Sorts `statementTerms` in place, so each edge's evidence comes in term order. */
export function attachEvidence(dataset: Dataset, config: ProjectionConfig, statementTerms: number[], csr: Csr): AttachedEvidence {
  const P = dataset.predicates, O = dataset.objects;
  const subjectStart = dataset.subjectStart;
  const terms = dataset.terms;
  const stmt = config.statement;
  const subjectP = terms.iriId(stmt.subject), predicateP = terms.iriId(stmt.predicate), objectP = terms.iriId(stmt.object);
  const pairEdges: number[] = [];
  const pairTerms: number[] = [];
  let unattached = 0;
  statementTerms.sort((a, b) => a - b);
  for (const m of statementTerms) {
    let s = -1, p = -1, o = -1;
    for (let q = subjectStart[m]; q < subjectStart[m + 1]; q++) {
      if (P[q] === subjectP && s < 0) s = O[q];
      else if (P[q] === predicateP && p < 0) p = O[q];
      else if (P[q] === objectP && o < 0) o = O[q];
    }
    const e = s >= 0 && p >= 0 && o >= 0 ? findEdge(csr, s, p, o) : -1;
    if (e < 0) {
      unattached++;
      continue;
    }
    pairEdges.push(e);
    pairTerms.push(m);
  }
  const edgeCount = csr.edgeCount;
  const evidenceOffsets = new Uint32Array(edgeCount + 1);
  for (const e of pairEdges) evidenceOffsets[e + 1]++;
  for (let e = 0; e < edgeCount; e++) evidenceOffsets[e + 1] += evidenceOffsets[e];
  const evidenceTerms = new Uint32Array(pairEdges.length);
  const evidenceCursor = evidenceOffsets.slice(0, edgeCount);
  for (let i = 0; i < pairEdges.length; i++) evidenceTerms[evidenceCursor[pairEdges[i]]++] = pairTerms[i];
  return { evidenceOffsets, evidenceTerms, unattached };
}

/** The edge (s p o) by binary search in s's out-edges (sorted by predicate, then object term), or -1. */
function findEdge(csr: Csr, s: number, p: number, o: number): number {
  const n = csr.nodeOfTerm[s];
  if (n < 0) return -1;
  const { outOffsets, edgeTargets: targets, edgePredicates: predicates, nodeTerms } = csr;
  let lo = outOffsets[n], hi = outOffsets[n + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const mp = predicates[mid], mo = nodeTerms[targets[mid]];
    if (mp < p || (mp === p && mo < o)) lo = mid + 1;
    else hi = mid;
  }
  return lo < outOffsets[n + 1] && predicates[lo] === p && nodeTerms[targets[lo]] === o ? lo : -1;
}
