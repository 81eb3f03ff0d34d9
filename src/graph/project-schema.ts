// Projection phase 4: which nodes are schema (classes, properties, ontologies, shapes and the blank nodes only they use).
import { KIND_BLANK } from "../rdf/terms.ts";
import type { Csr } from "./project-csr.ts";
import type { Scan } from "./project-scan.ts";

/**
 * Schema: typed as schema, defined by schema predicates, used as a class or as a predicate; then blank nodes
 * (restrictions, lists) that only schema nodes point to. One flag byte per node.
 */
export function schemaNodes(csr: Csr, scan: Scan, kind: Uint8Array): Uint8Array {
  const { nodeCount, edgeCount, nodeTerms, edgeTargets, outOffsets } = csr;
  const { schemaTerms, classUsed, isPredicate } = scan;
  const schema = new Uint8Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) {
    const t = nodeTerms[n];
    if (schemaTerms[t] || classUsed[t] || isPredicate[t]) schema[n] = 1;
  }
  const blankRefs = new Uint32Array(nodeCount);
  for (let e = 0; e < edgeCount; e++) {
    const target = edgeTargets[e];
    if (kind[nodeTerms[target]] === KIND_BLANK) blankRefs[target]++;
  }
  const schemaStack: number[] = [];
  for (let n = 0; n < nodeCount; n++) if (schema[n]) schemaStack.push(n);
  const schemaRefs = new Uint32Array(nodeCount);
  while (schemaStack.length > 0) {
    const n = schemaStack.pop()!;
    for (let i = outOffsets[n]; i < outOffsets[n + 1]; i++) {
      const target = edgeTargets[i];
      if (schema[target] === 0 && blankRefs[target] > 0 && ++schemaRefs[target] === blankRefs[target]) {
        schema[target] = 1;
        schemaStack.push(target);
      }
    }
  }
  return schema;
}
