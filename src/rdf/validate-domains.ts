// Checks that the subject and object of every kg: relation are of its declared domain and range (a class or an owl:unionOf).
import { DataFactory } from "n3";
import type * as RDF from "@rdfjs/types";
import { owl, prefixes, rdf, rdfs } from "./vocab.ts";
import type { Problem } from "./validate-problem.ts";
import { curie, termKey, type TermData } from "./validate-terms.ts";

const { namedNode } = DataFactory;

/**
 * Errors for data triples whose kg: predicate declares a domain or range the subject or object is not an instance of
 * (through rdfs:subClassOf). A domain may be one class or an anonymous owl:unionOf of classes (docs/data-model.md,
 * "Domains, ranges"). SHACL Core would need a shape per property; the ontology already says it, so it is read here.
 */
export function domainRangeProblems(data: TermData): Problem[] {
  const { store } = data;
  const objectsOf = (subject: RDF.Term, predicate: string) => store.getObjects(subject as RDF.Quad_Subject, namedNode(predicate), null);
  const allowedCache = new Map<string, string[] | null>();
  const allowed = (property: string, which: string): string[] | null => {
    const key = `${which}\u0000${property}`;
    let classes = allowedCache.get(key);
    if (classes === undefined) {
      const declared = objectsOf(namedNode(property), which);
      classes = declared.length === 0 ? null : declared.flatMap((c) => classesOf(c));
      allowedCache.set(key, classes);
    }
    return classes;
  };
  // A named class is itself; a union is its members, read from its RDF list.
  const classesOf = (term: RDF.Term): string[] => {
    if (term.termType === "NamedNode") return [term.value];
    const members: string[] = [];
    for (const list of objectsOf(term, owl.unionOf)) {
      for (let node: RDF.Term | undefined = list; node && node.value !== rdf.nil; node = objectsOf(node, rdf.rest)[0]) {
        const first = objectsOf(node, rdf.first)[0];
        if (first?.termType === "NamedNode") members.push(first.value);
      }
    }
    return members;
  };
  const typeCache = new Map<string, Set<string>>();
  const typesOf = (term: RDF.Term): Set<string> => {
    const key = termKey(term);
    let types = typeCache.get(key);
    if (types === undefined) {
      types = new Set<string>();
      const queue = objectsOf(term, rdf.type).map((t) => t.value);
      for (let c = queue.pop(); c !== undefined; c = queue.pop()) {
        if (types.has(c)) continue;
        types.add(c);
        for (const up of objectsOf(namedNode(c), rdfs.subClassOf)) if (up.termType === "NamedNode") queue.push(up.value);
      }
      typeCache.set(key, types);
    }
    return types;
  };
  const problems: Problem[] = [];
  for (const file of data.files) {
    if (file.isOntology) continue;
    for (const quad of file.quads) {
      const property = quad.predicate.value;
      if (!property.startsWith(prefixes.kg) || quad.object.termType === "Literal") continue;
      for (const [which, term, role] of [[rdfs.domain, quad.subject, "subject"], [rdfs.range, quad.object, "object"]] as const) {
        const classes = allowed(property, which);
        if (classes === null || classes.length === 0) continue;
        const types = typesOf(term);
        if (classes.some((c) => types.has(c))) continue;
        const expected = classes.map((c) => curie(namedNode(c))).join(" or ");
        const actual = [...objectsOf(term, rdf.type)].map(curie).join(", ") || "no rdf:type";
        problems.push({
          file: file.name, subject: termKey(quad.subject), kind: "domain-range",
          message: `${curie(quad.subject)} ${curie(quad.predicate)} ${curie(quad.object)}: the ${role} should be a ${expected} (it is ${actual})`,
        });
      }
    }
  }
  return problems;
}
