// Classes grouped by the ontology's top classes (read from rdfs:subClassOf in the data worker), so colour can stand for a few groups instead of 80 classes.
import type { GraphIndex } from "../graph/types.ts";
import { owl, rdfs } from "../rdf/vocab.ts";
import type { ClassGroup, LegendEntry } from "./view-graph.ts";

/**
 * Each class's group: walking rdfs:subClassOf up through classes the data declares (owl:Class, rdfs:Class) to a
 * root, the class just below that root (kg:Entity's children: actor, technology, policy, place…). A class the data
 * does not place under a declared superclass is its own group; with several superclasses, the first by IRI is
 * followed, so the grouping is the same on every load.
 */
export function classGroupsOf(index: GraphIndex, classes: readonly LegendEntry[]): ClassGroup[] {
  const terms = index.dataset.terms;
  const subClassOf = terms.iriId(rdfs.subClassOf);
  const declaring = new Set([terms.iriId(owl.Class), terms.iriId(rdfs.Class)].filter((t) => t >= 0));
  const declared = (node: number) => index.classes(node).some((c) => declaring.has(c));
  const parents = new Map<string, string[]>();
  if (subClassOf >= 0) {
    for (let e = 0; e < index.edgeCount; e++) {
      if (index.edgePredicates[e] !== subClassOf) continue;
      const s = index.edgeSources[e];
      const o = index.edgeTargets[e];
      if (!declared(s) || !declared(o)) continue;
      const list = parents.get(index.iri(s)) ?? [];
      list.push(index.iri(o));
      parents.set(index.iri(s), list);
    }
  }
  const groupOf = (cls: string): string => {
    const chain = [cls];
    for (;;) {
      const next = [...(parents.get(chain[chain.length - 1]) ?? [])].sort().find((p) => !chain.includes(p));
      if (next === undefined) break;
      chain.push(next);
    }
    return chain.length >= 2 ? chain[chain.length - 2] : cls;
  };
  const groups = new Map<string, ClassGroup>();
  for (const cls of classes) {
    const iri = groupOf(cls.iri);
    let group = groups.get(iri);
    if (!group) {
      const node = index.nodeByIri(iri);
      const term = terms.iriId(iri);
      group = { iri, label: node >= 0 ? index.label(node) : term >= 0 ? index.termLabel(term) : iri, count: 0, classes: [] };
      groups.set(iri, group);
    }
    group.count += cls.count;
    group.classes.push(cls.iri);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
