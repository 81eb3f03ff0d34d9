// Projection phase 2, the hot loop: one pass over each subject's quads picks the nodes, edges, classes and label.
import type { Dataset } from "../rdf/dataset.ts";
import { KIND_DEFAULT_GRAPH, KIND_LITERAL } from "../rdf/terms.ts";
import { rdf } from "../rdf/vocab.ts";
import { languageRanker, literalLanguage } from "./labels.ts";
import type { ProjectionConfig } from "./projection-config.ts";
import { termFlags, termIds } from "./term-flags.ts";

const enum PredicateRole {
  Ordinary = 0,
  Type = 1,
  Link = 2,
}

/**
 * What the pass found, in columns sized for the worst case (trimmed later): nodes 0..subjectNodeCount-1 are the
 * subjects, the rest objects met on edges; classes and labels are per subject node.
 */
export interface Scan {
  nodeCount: number;
  subjectNodeCount: number;
  edgeCount: number;
  classCount: number;
  nodeTerms: Uint32Array;
  /** Node of each term id, or -1. */
  nodeOfTerm: Int32Array;
  edgeSources: Uint32Array;
  edgeTargets: Uint32Array;
  edgePredicates: Uint32Array;
  edgeQuads: Uint32Array;
  /** Per term id up to the node count: node n's out-edges start at outOffsets[n]. */
  outOffsets: Uint32Array;
  classOffsets: Uint32Array;
  classTerms: Uint32Array;
  /** The literal term id of each subject node's label, or -1. */
  labelTerms: Int32Array;
  /** 1 per term used as a predicate (meta subjects' predicates included). */
  isPredicate: Uint8Array;
  /** 1 per term that a schema class or schema predicate makes schema. */
  schemaTerms: Uint8Array;
  /** 1 per term used as a class. */
  classUsed: Uint8Array;
}

/**
 * Nodes: every non-meta subject first (in term order, so out-edges come out grouped by node), then edge objects.
 * Edges are numbered source by source in (predicate, object) order, since the dataset is sorted that way.
 */
export function scanSubjects(dataset: Dataset, config: ProjectionConfig, kind: Uint8Array, meta: Uint8Array, statementTerms: readonly number[]): Scan {
  const terms = dataset.terms;
  const termCount = terms.size;
  const quadCount = dataset.size;
  const P = dataset.predicates, O = dataset.objects;
  const subjectStart = dataset.subjectStart;
  const rankLanguage = languageRanker(config.languages);

  const role = new Uint8Array(termCount);
  const typeId = terms.iriId(rdf.type);
  for (const id of termIds(dataset, config.linkPredicates)) role[id] = PredicateRole.Link;
  if (typeId >= 0) role[typeId] = PredicateRole.Type;
  const ignored = termFlags(dataset, config.ignoredObjects);
  const labelRank = new Uint8Array(termCount); // 0: not a label predicate; else 1 + position
  config.labelPredicates.forEach((iri, i) => {
    const id = terms.iriId(iri);
    if (id >= 0 && labelRank[id] === 0) labelRank[id] = i + 1;
  });

  const nodeOfTerm = new Int32Array(termCount).fill(-1);
  const nodeTerms = new Uint32Array(termCount);
  let nodeCount = 0;
  for (let t = 1; t < termCount; t++) {
    if (subjectStart[t + 1] > subjectStart[t] && meta[t] === 0 && kind[t] !== KIND_LITERAL) {
      nodeOfTerm[t] = nodeCount;
      nodeTerms[nodeCount++] = t;
    }
  }
  const subjectNodeCount = nodeCount;

  const edgeSources = new Uint32Array(quadCount);
  const edgeTargets = new Uint32Array(quadCount);
  const edgePredicates = new Uint32Array(quadCount);
  const edgeQuads = new Uint32Array(quadCount);
  const outOffsets = new Uint32Array(termCount + 1);
  const classOffsets = new Uint32Array(subjectNodeCount + 1);
  const classTerms = new Uint32Array(quadCount);
  const labelTerms = new Int32Array(subjectNodeCount).fill(-1);
  const isPredicate = new Uint8Array(termCount);
  let edgeCount = 0;
  let classCount = 0;
  const isSchemaClass = termFlags(dataset, config.schemaClasses);
  const isSchemaSubjectPredicate = termFlags(dataset, config.schemaSubjectPredicates);
  const isSchemaObjectPredicate = termFlags(dataset, config.schemaObjectPredicates);
  const schemaTerms = new Uint8Array(termCount);
  const classUsed = new Uint8Array(termCount);

  const labelScore = (literal: number, predicate: number) => rankLanguage(literalLanguage(terms.key(literal))) * 256 + labelRank[predicate];
  for (let n = 0; n < subjectNodeCount; n++) {
    const s = nodeTerms[n];
    outOffsets[n] = edgeCount;
    classOffsets[n] = classCount;
    let bestLabelScore = Infinity, firstLabelPredicate = -1;
    let lastP = -1, lastO = -1;
    for (let q = subjectStart[s]; q < subjectStart[s + 1]; q++) {
      const p = P[q], o = O[q];
      isPredicate[p] = 1;
      if (p === lastP && o === lastO) continue; // the same triple in another graph
      lastP = p;
      lastO = o;
      if (isSchemaSubjectPredicate[p] === 1) schemaTerms[s] = 1;
      const k = kind[o];
      if (role[p] === PredicateRole.Type) {
        if (k !== KIND_LITERAL) {
          classTerms[classCount++] = o;
          classUsed[o] = 1;
          if (isSchemaClass[o] === 1) schemaTerms[s] = 1;
        }
        continue;
      }
      if (k === KIND_LITERAL) {
        if (labelRank[p] !== 0) {
          // Most nodes have one label: rank candidates (reading their keys) only once a second one turns up.
          if (labelTerms[n] < 0) {
            labelTerms[n] = o;
            firstLabelPredicate = p;
          } else {
            if (bestLabelScore === Infinity) bestLabelScore = labelScore(labelTerms[n], firstLabelPredicate);
            const score = labelScore(o, p);
            if (score < bestLabelScore) {
              bestLabelScore = score;
              labelTerms[n] = o;
            }
          }
        }
        continue;
      }
      if (role[p] === PredicateRole.Link || meta[o] === 1 || ignored[o] === 1 || k === KIND_DEFAULT_GRAPH) continue;
      let target = nodeOfTerm[o];
      if (target < 0) {
        target = nodeOfTerm[o] = nodeCount;
        nodeTerms[nodeCount++] = o;
      }
      if (isSchemaObjectPredicate[p] === 1) schemaTerms[o] = 1;
      edgeSources[edgeCount] = n;
      edgeTargets[edgeCount] = target;
      edgePredicates[edgeCount] = p;
      edgeQuads[edgeCount] = q;
      edgeCount++;
    }
    // Sorted class ids make hasClass a binary search and output deterministic.
    if (classCount - classOffsets[n] > 1) classTerms.subarray(classOffsets[n], classCount).sort();
  }
  classOffsets[subjectNodeCount] = classCount;
  for (let n = subjectNodeCount; n <= nodeCount; n++) outOffsets[n] = edgeCount;
  // Meta subjects' predicates count too (a schema node that is only used in reification is still a property).
  for (const m of statementTerms) for (let q = subjectStart[m]; q < subjectStart[m + 1]; q++) isPredicate[P[q]] = 1;

  return {
    nodeCount, subjectNodeCount, edgeCount, classCount, nodeTerms, nodeOfTerm, edgeSources, edgeTargets, edgePredicates,
    edgeQuads, outOffsets, classOffsets, classTerms, labelTerms, isPredicate, schemaTerms, classUsed,
  };
}
