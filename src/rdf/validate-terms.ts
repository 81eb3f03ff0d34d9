// Checks on the ontology's terms: every class and predicate used is declared; declared properties are used more than once, deprecated ones not at all.
import { DataFactory, type Store } from "n3";
import type * as RDF from "@rdfjs/types";
import { owl, prefixes, rdf, rdfs } from "./vocab.ts";
import { curie as iriCurie } from "./curie.ts";
import type { Problem } from "./validate-problem.ts";

/** The parsed files and their union, as the validator holds them. */
export interface TermData {
  readonly store: Store;
  readonly files: readonly { name: string; quads: RDF.Quad[]; isOntology: boolean }[];
}

const { namedNode } = DataFactory;

/** Namespaces whose terms need no declaration in our ontology. */
const knownVocabularies = ["rdf", "rdfs", "owl", "xsd", "skos", "dcterms", "prov", "org", "oa", "foaf", "sh"] as const;
const knownNamespaces = knownVocabularies.map((name) => prefixes[name]);

export const classDeclarations = [owl.Class, rdfs.Class];
export const propertyDeclarations = [
  owl.ObjectProperty, owl.DatatypeProperty, owl.AnnotationProperty, rdf.Property,
  owl.TransitiveProperty, owl.SymmetricProperty, owl.FunctionalProperty, owl.InverseFunctionalProperty,
];

/** An IRI as itself, a blank node as `_:label`, a literal as its lexical form. */
export function termKey(term: RDF.Term): string {
  return term.termType === "BlankNode" ? `_:${term.value}` : term.value;
}

/** A short name for a term with the well-known prefixes, for messages: a CURIE, `_:label` or a literal in quotes. */
export function curie(term: RDF.Term): string {
  if (term.termType === "BlankNode") return `_:${term.value}`;
  if (term.termType === "Literal") return JSON.stringify(term.value);
  return iriCurie(term.value, prefixes);
}

export function undeclaredTermProblems(data: TermData): Problem[] {
  const answers = new Map<string, boolean>();
  const declared = (term: RDF.Term, kinds: readonly string[]) => {
    const key = `${kinds[0]}\u0000${term.value}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = kinds.some((kind) => data.store.countQuads(term as RDF.Quad_Subject, namedNode(rdf.type), namedNode(kind), null) > 0);
      answers.set(key, answer);
    }
    return answer;
  };
  const known = (term: RDF.Term) => term.termType === "NamedNode" && knownNamespaces.some((ns) => term.value.startsWith(ns));
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const file of data.files) {
    if (file.isOntology) continue;
    for (const quad of file.quads) {
      const check = (term: RDF.Term, what: "class" | "property", kinds: readonly string[]) => {
        const key = `${file.name}\u0000${what}\u0000${term.value}`;
        if (reported.has(key) || known(term) || declared(term, kinds)) return;
        reported.add(key);
        const declaration = what === "class" ? "owl:Class or rdfs:Class" : "owl:ObjectProperty, owl:DatatypeProperty, owl:AnnotationProperty or rdf:Property";
        problems.push({
          file: file.name,
          subject: termKey(quad.subject),
          kind: "undeclared-term",
          message: `${what} ${curie(term)} is not declared in the ontology (declare it as ${declaration})`,
        });
      };
      check(quad.predicate, "property", propertyDeclarations);
      if (quad.predicate.value === rdf.type) check(quad.object, "class", classDeclarations);
    }
  }
  return problems;
}

/**
 * Notes, not errors: kg: properties the ontology declares (and has not deprecated) that no data triple uses, and
 * object properties that exactly one uses. A property used once is often a near-synonym of a broader one (docs/data-model.md, "one predicate
 * per meaning"); some are deliberate, so these do not fail validation. Without data files there is nothing to count.
 */
export function propertyUsageNotes(data: TermData): Problem[] {
  const dataFiles = data.files.filter((file) => !file.isOntology);
  if (dataFiles.length === 0) return [];
  const uses = new Map<string, RDF.Quad[]>();
  for (const file of dataFiles) {
    for (const quad of file.quads) {
      const list = uses.get(quad.predicate.value);
      if (list === undefined) uses.set(quad.predicate.value, [quad]);
      else if (list.length < 2) list.push(quad);
    }
  }
  const deprecated = (term: RDF.Term) =>
    data.store.getObjects(term as RDF.Quad_Subject, namedNode(prefixes.owl + "deprecated"), null).some((o) => o.value === "true");
  // A number or a date stated once is normal; a relation used once is what merges remove.
  const declaredAs = (term: RDF.Term, kind: string) => data.store.countQuads(term as RDF.Quad_Subject, namedNode(rdf.type), namedNode(kind), null) > 0;
  const notes: Problem[] = [];
  const seen = new Set<string>();
  for (const file of data.files) {
    if (!file.isOntology) continue;
    for (const quad of file.quads) {
      const property = quad.subject;
      if (quad.predicate.value !== rdf.type || !propertyDeclarations.includes(quad.object.value)) continue;
      if (property.termType !== "NamedNode" || !property.value.startsWith(prefixes.kg) || seen.has(property.value)) continue;
      seen.add(property.value);
      if (deprecated(property)) continue;
      const used = uses.get(property.value) ?? [];
      if (used.length === 0) {
        notes.push({ file: file.name, subject: property.value, kind: "unused-property", message: `${curie(property)} is declared but no data triple uses it` });
      } else if (used.length === 1 && declaredAs(property, prefixes.owl + "ObjectProperty")) {
        const [only] = used;
        notes.push({
          file: file.name, subject: property.value, kind: "once-used-property",
          message: `${curie(property)} is used by one triple only (${curie(only.subject)} ${curie(only.predicate)} ${curie(only.object)}); merge it into a broader property unless its meaning is its own`,
        });
      }
    }
  }
  return [...notes, ...deprecatedUseNotes(data, dataFiles, deprecated)];
}

/** Data that still uses a deprecated term (ontology/migration.ttl): one note per file and term, naming the replacement. */
function deprecatedUseNotes(data: TermData, dataFiles: TermData["files"], deprecated: (term: RDF.Term) => boolean): Problem[] {
  const notes: Problem[] = [];
  for (const file of dataFiles) {
    const seen = new Set<string>();
    for (const quad of file.quads) {
      const term = quad.predicate;
      if (seen.has(term.value) || !term.value.startsWith(prefixes.kg)) continue;
      seen.add(term.value);
      if (!deprecated(term)) continue;
      const by = (p: string) => data.store.getObjects(term as RDF.Quad_Subject, namedNode(p), null)[0];
      const replaced = by(prefixes.dcterms + "isReplacedBy");
      const inverse = by(prefixes.owl + "inverseOf");
      const hint = replaced ? `; use ${curie(replaced)}` : inverse ? `; use ${curie(inverse)} with subject and object swapped` : "";
      notes.push({ file: file.name, subject: quad.subject.termType === "BlankNode" ? `_:${quad.subject.value}` : quad.subject.value, kind: "deprecated-term", message: `${curie(term)} is deprecated${hint}` });
    }
  }
  return notes;
}
