// Projection phase 1: which terms are meta (reified statements, and blank nodes that only meta resources refer to).
import type { Dataset } from "../rdf/dataset.ts";
import { KIND_BLANK } from "../rdf/terms.ts";
import type { ProjectionConfig } from "./projection-config.ts";
import { termFlags, termIds } from "./term-flags.ts";

export interface MetaTerms {
  /** 1 per meta term. */
  meta: Uint8Array;
  /** The reified statements (subjects of a meta predicate), in the order met. */
  statementTerms: number[];
}

/** Meta: reified statements, then blank nodes that only meta resources refer to (selectors), transitively. */
export function findMetaTerms(dataset: Dataset, config: ProjectionConfig, kind: Uint8Array): MetaTerms {
  const termCount = dataset.terms.size;
  const quadCount = dataset.size;
  const S = dataset.subjects, P = dataset.predicates, O = dataset.objects;
  const subjectStart = dataset.subjectStart;
  const meta = new Uint8Array(termCount);
  const isMetaPredicate = termFlags(dataset, config.metaPredicates);
  const metaStack: number[] = [];
  if (termIds(dataset, config.metaPredicates).length > 0) {
    for (let q = 0; q < quadCount; q++) {
      if (isMetaPredicate[P[q]] === 1 && meta[S[q]] === 0) {
        meta[S[q]] = 1;
        metaStack.push(S[q]);
      }
    }
  }
  const statementTerms = metaStack.slice();
  if (metaStack.length > 0) {
    const refs = new Uint32Array(termCount);
    for (let q = 0; q < quadCount; q++) if (kind[O[q]] === KIND_BLANK) refs[O[q]]++;
    const metaRefs = new Uint32Array(termCount);
    while (metaStack.length > 0) {
      const m = metaStack.pop()!;
      for (let q = subjectStart[m]; q < subjectStart[m + 1]; q++) {
        const o = O[q];
        if (kind[o] === KIND_BLANK && meta[o] === 0 && ++metaRefs[o] === refs[o]) {
          meta[o] = 1;
          metaStack.push(o);
        }
      }
    }
  }
  return { meta, statementTerms };
}
