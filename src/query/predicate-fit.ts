// Which predicates fit a subject and an object: the ontology's object properties whose domain and range their classes meet.
import type { GraphIndex } from "../graph/types.ts";
import { owl, prefixes, rdf, rdfs, skos } from "../rdf/vocab.ts";

export interface PredicateChoice {
  iri: string;
  label: string;
  /** The subject's classes meet the domain and the object's the range (a property without one fits any). */
  fits: boolean;
  /** Both ends are stated (a property with no domain or range fits anything, so it is offered after those that say). */
  specific: boolean;
  /** How many relations of the graph use it. */
  usage: number;
}

/** The ontology's object properties with their domains and ranges, and every class's superclasses. */
export interface PredicateSchema {
  readonly properties: readonly { iri: string; label: string; domains: string[]; ranges: string[]; usage: number }[];
  /** A class and every class above it. */
  ancestors(classIri: string): ReadonlySet<string>;
}

const deprecatedIri = prefixes.owl + "deprecated";

/** Reads the schema from the graph's dataset (ontology triples are in it with the data). */
export function predicateSchema(graph: GraphIndex): PredicateSchema {
  const { dataset } = graph;
  const terms = dataset.terms;
  const id = (iri: string) => terms.iriId(iri);
  const objectsOf = (subject: number, predicate: number): number[] => {
    const out: number[] = [];
    if (predicate < 0) return out;
    for (const q of dataset.match(subject, predicate)) out.push(dataset.objects[q]);
    return out;
  };
  const [typeId, objectPropertyId, domainId, rangeId, subClassId, deprecatedId] =
    [rdf.type, owl.ObjectProperty, rdfs.domain, rdfs.range, rdfs.subClassOf, deprecatedIri].map(id);
  const [prefLabelId, labelId] = [skos.prefLabel, rdfs.label].map(id);
  const [unionOfId, firstId, restId] = [owl.unionOf, rdf.first, rdf.rest].map(id);
  const unionMembers = (blank: number): number[] => {
    const members: number[] = [];
    let list = objectsOf(blank, unionOfId)[0];
    for (let guard = 0; list !== undefined && terms.isBlank(list) && guard < 1000; guard++) {
      members.push(...objectsOf(list, firstId));
      list = objectsOf(list, restId)[0];
    }
    return members;
  };
  const usage = new Map<number, number>();
  for (let e = 0; e < graph.edgeCount; e++) usage.set(graph.edgePredicates[e], (usage.get(graph.edgePredicates[e]) ?? 0) + 1);

  const properties: PredicateSchema["properties"][number][] = [];
  if (typeId >= 0 && objectPropertyId >= 0) {
    for (const q of dataset.match(undefined, typeId, objectPropertyId)) {
      const p = dataset.subjects[q];
      if (!terms.isIri(p)) continue;
      if (objectsOf(p, deprecatedId).some((o) => terms.value(o) === "true")) continue;
      // A domain or range is a class, or an owl:unionOf list of classes (a blank node).
      const named = (ids: number[]) => ids.flatMap((o) => (terms.isIri(o) ? [o] : unionMembers(o))).filter((o) => terms.isIri(o)).map((o) => terms.value(o));
      const label = objectsOf(p, prefLabelId).concat(objectsOf(p, labelId)).map((o) => terms.value(o))[0] ?? graph.termLabel(p);
      properties.push({ iri: terms.value(p), label, domains: named(objectsOf(p, domainId)), ranges: named(objectsOf(p, rangeId)), usage: usage.get(p) ?? 0 });
    }
  }
  const parents = new Map<string, string[]>();
  if (subClassId >= 0) {
    for (const q of dataset.match(undefined, subClassId)) {
      const [child, parent] = [dataset.subjects[q], dataset.objects[q]];
      if (!terms.isIri(child) || !terms.isIri(parent)) continue;
      const key = terms.value(child);
      parents.set(key, [...(parents.get(key) ?? []), terms.value(parent)]);
    }
  }
  const cache = new Map<string, Set<string>>();
  const ancestors = (classIri: string): Set<string> => {
    let found = cache.get(classIri);
    if (found) return found;
    found = new Set([classIri]);
    const stack = [classIri];
    while (stack.length > 0) {
      for (const parent of parents.get(stack.pop()!) ?? []) {
        if (found.has(parent)) continue;
        found.add(parent);
        stack.push(parent);
      }
    }
    cache.set(classIri, found);
    return found;
  };
  return { properties, ancestors };
}

/** The class IRIs of a node. */
export function nodeClassIris(graph: GraphIndex, node: number): string[] {
  return graph.classes(node).map((term) => graph.dataset.terms.value(term));
}

/**
 * Every object property, those whose domain and range fit the given classes first (stated domain and range before
 * unconstrained ones), then by how often the graph uses them, then by label.
 */
export function rankPredicates(schema: PredicateSchema, subjectClasses: readonly string[], objectClasses: readonly string[]): PredicateChoice[] {
  const up = (classes: readonly string[]) => {
    const all = new Set<string>([owl.Thing, rdfs.Resource]);
    for (const c of classes) for (const a of schema.ancestors(c)) all.add(a);
    return all;
  };
  const [subjectUp, objectUp] = [up(subjectClasses), up(objectClasses)];
  const meets = (stated: readonly string[], classes: ReadonlySet<string>) => stated.length === 0 || stated.some((c) => classes.has(c));
  const choices = schema.properties.map((p) => ({
    iri: p.iri,
    label: p.label,
    fits: meets(p.domains, subjectUp) && meets(p.ranges, objectUp),
    specific: p.domains.length > 0 && p.ranges.length > 0,
    usage: p.usage,
  }));
  const rank = (c: PredicateChoice) => (c.fits ? (c.specific ? 0 : 1) : 2);
  return choices.sort((a, b) => rank(a) - rank(b) || b.usage - a.usage || a.label.localeCompare(b.label) || a.iri.localeCompare(b.iri));
}
