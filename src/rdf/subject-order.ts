// The order a Turtle/TriG writer puts subjects, predicates and graphs in: IRIs in code-unit order of their keys, then blank nodes by canonical rank.
import { DEFAULT_GRAPH_ID, KIND_BLANK, type TermTable } from "./terms.ts";

/**
 * Group numbers in output order, for groups given as flat (subject, from, to) triples: IRI subjects by key, then
 * blank subjects by `rank` (ties: first seen).
 */
export function subjectOrder(groups: readonly number[], kinds: Uint8Array, terms: TermTable, rank: Uint32Array): number[] {
  const iris: number[] = [], blanks: number[] = [];
  for (let g = 0; g < groups.length / 3; g++) (kinds[groups[3 * g]] === KIND_BLANK ? blanks : iris).push(g);
  // Subjects are distinct within a run of groups, so sort the keys natively (no comparator call per
  // comparison: IRIs share long namespaces) and map them back.
  const groupByKey = new Map<string, number>();
  const keys: string[] = new Array(iris.length);
  for (let k = 0; k < iris.length; k++) groupByKey.set((keys[k] = terms.key(groups[3 * iris[k]])), iris[k]);
  keys.sort();
  blanks.sort((a, b) => rank[groups[3 * a]] - rank[groups[3 * b]] || a - b);
  const order: number[] = new Array(keys.length + blanks.length);
  for (let k = 0; k < keys.length; k++) order[k] = groupByKey.get(keys[k])!;
  for (let k = 0; k < blanks.length; k++) order[keys.length + k] = blanks[k];
  return order;
}

/** Graph names in output order: the default graph first (id 0), then IRIs in code-unit order, then blank nodes by rank. */
export function compareTopLevel(a: number, b: number, kinds: Uint8Array, terms: TermTable, rank: Uint32Array): number {
  if (a === b) return 0;
  if (a === DEFAULT_GRAPH_ID || b === DEFAULT_GRAPH_ID) return a === DEFAULT_GRAPH_ID ? -1 : 1;
  const ka = kinds[a], kb = kinds[b];
  if (ka !== kb) return ka - kb;
  if (ka === KIND_BLANK) return rank[a] - rank[b] || a - b;
  const ta = terms.key(a), tb = terms.key(b);
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/** The distinct predicates of the selection: rdf:type first (written `a`), then in IRI order. */
export function predicateOrder(selected: Uint32Array, P: Uint32Array, terms: TermTable, typeId: number): number[] {
  const seen = new Uint8Array(terms.size);
  const distinct: number[] = [];
  for (let k = 0; k < selected.length; k++) {
    const p = P[selected[k]];
    if (seen[p] === 0) {
      seen[p] = 1;
      distinct.push(p);
    }
  }
  return distinct.sort((a, b) => {
    if (a === typeId || b === typeId) return a === typeId ? -1 : 1;
    const ka = terms.key(a), kb = terms.key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
