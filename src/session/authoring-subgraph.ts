// The part of a loaded graph that checking an authored addition reads, so a check never writes or re-validates the whole graph.
import type * as RDF from "@rdfjs/types";
import type { Dataset } from "../rdf/dataset.ts";
import { writeTurtle } from "../rdf/serialize.ts";
import type { NamedText } from "../rdf/validate.ts";
import { kg, owl, rdf, rdfs } from "../rdf/vocab.ts";

/**
 * The quads (indices into `dataset`) that validateAddition needs besides the added quads to report, for the
 * subjects of the added quads (N0), the same problems as the whole graph. It keeps only problems whose subject is
 * in N0 or that lie in the added file (whose subjects are N0 or its own blank nodes), and every check reports on
 * the subject it read from, so what matters is what each check reads starting at N0:
 * - SHACL (ontology/shapes.ttl) uses single forward predicates only (no sh:inversePath, sequences or SPARQL). It
 *   reads furthest in sh:class on a value (the value's rdf:type) and sh:node / sh:or / sh:qualifiedValueShape on a
 *   value (the value's own triples): one hop. Targets are sh:targetClass (the focus's rdf:type and rdfs:subClassOf,
 *   which the validator also copies into the shapes graph) and sh:targetSubjectsOf (the focus's own triples).
 *   Hence all triples of N0, all triples of the nodes they point at (N1), and every rdfs:subClassOf triple.
 * - the file a problem is blamed on counts the focus's triples per file: all of N0's are here.
 * - quotes read the evidence's selectors and sources (N1) and the source's kg:cleanedText (N1's triples); the
 *   texts themselves are passed alongside.
 * - declared terms and domains and ranges read each predicate's own triples (its declaration, rdfs:domain and
 *   rdfs:range, an owl:unionOf list: blank nodes are followed to the end) and the classes' declarations (in N1).
 * - evidence: a triple of N0 is covered by evidence anywhere naming it (incoming rdf:subject, found by one pass
 *   over the predicate column: the dataset indexes subjects only), so those evidence nodes' triples; an evidence
 *   node's stated triple has its subject in N1; a blank object of N0 is evidence's if an evidence node points at it
 *   (incoming, the same pass).
 * - a file declaring owl:Ontology is skipped by the term, domain and evidence checks, so the declaration is kept
 *   and the subgraph is skipped exactly when the whole graph is.
 * One known difference, in data without owl:Ontology only: the undeclared-term check names each undeclared term
 * once per file, at its first use; a pre-existing undeclared term used by a new subject and by other nodes may be
 * named on a different subject than in the whole graph, so kept or dropped differently.
 */
export function additionSubgraph(dataset: Dataset, added: readonly RDF.Quad[]): Uint32Array {
  const { terms, subjects: S, predicates: P, objects: O } = dataset;
  const chosen: number[] = [];
  const described = new Set<number>();
  // All triples of a node, and of the blank nodes they lead to (lists, selectors), however deep.
  const describe = (node: number): void => {
    const stack = [node];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (id < 0 || described.has(id)) continue;
      described.add(id);
      const [from, to] = dataset.subjectRange(id);
      for (let i = from; i < to; i++) {
        chosen.push(i);
        if (terms.isBlank(O[i])) stack.push(O[i]);
      }
    }
  };
  const idOf = (term: RDF.Term) => (term.termType === "NamedNode" ? terms.iriId(term.value) : -1);

  const newSubjects = new Set<number>();
  for (const q of added) {
    const id = idOf(q.subject);
    if (id >= 0) newSubjects.add(id);
  }
  const firstOwn = chosen.length;
  for (const id of newSubjects) describe(id);
  const own = chosen.slice(firstOwn);

  const reached: number[] = [];
  const usedPredicates = new Set<number>();
  for (const q of added) {
    reached.push(idOf(q.object));
    usedPredicates.add(idOf(q.predicate));
  }
  const blankReached: number[] = [];
  for (const i of own) {
    reached.push(O[i]);
    usedPredicates.add(P[i]);
    if (terms.isBlank(O[i])) blankReached.push(O[i]);
  }
  for (const id of reached) if (id >= 0 && !terms.isLiteral(id)) describe(id);
  for (const id of usedPredicates) describe(id);

  const [subClassOf, type, ontology, rdfSubject] = [rdfs.subClassOf, rdf.type, owl.Ontology, rdf.subject].map((iri) => terms.iriId(iri));
  const NEW = 1, BLANK = 2;
  const mark = new Uint8Array(terms.size);
  for (const id of newSubjects) mark[id] |= NEW;
  for (const id of blankReached) mark[id] |= BLANK;
  const incoming: number[] = [];
  for (let i = 0; i < dataset.size; i++) {
    const p = P[i], o = O[i];
    if (p === subClassOf || (p === type && o === ontology)) {
      chosen.push(i);
      if (terms.isBlank(o)) describe(o);
    }
    if ((p === rdfSubject && (mark[o] & NEW) !== 0) || (mark[o] & BLANK) !== 0) incoming.push(S[i]);
  }
  for (const id of incoming) describe(id);

  const out = Uint32Array.from(chosen).sort();
  let unique = 0;
  for (let k = 0; k < out.length; k++) if (k === 0 || out[k] !== out[k - 1]) out[unique++] = out[k];
  return out.subarray(0, unique);
}

/**
 * The subgraph as the documents validateAddition reads, and the kg:cleanedText paths it names (the source texts
 * its evidence quotes are compared with). The checks on terms, domains and evidence skip a document declaring
 * owl:Ontology. The workbench validated its data as one document, so the declaration stays with the subgraph. The
 * CLI validated its files one by one: ontology files skipped, data files checked, a new subject's existing triples
 * among them; `ontologyApart` puts the declaration in a document of its own so that they are checked as before.
 */
export function subgraphDocuments(dataset: Dataset, added: readonly RDF.Quad[], options: { ontologyApart?: boolean } = {}): { files: NamedText[]; textPaths: string[] } {
  const quads = additionSubgraph(dataset, added);
  const { terms, predicates: P, objects: O } = dataset;
  const [type, ontology, cleanedText] = [rdf.type, owl.Ontology, kg.cleanedText].map((iri) => terms.iriId(iri));
  const textPaths = new Set<string>();
  for (const i of quads) if (P[i] === cleanedText) textPaths.add(terms.value(O[i]));
  if (!options.ontologyApart) return { files: [{ name: "data", text: writeTurtle(dataset, { quads }) }], textPaths: [...textPaths] };
  const declares = (i: number) => P[i] === type && O[i] === ontology;
  const declarations = quads.filter(declares);
  const files = [{ name: "data", text: writeTurtle(dataset, { quads: quads.filter((i) => !declares(i)) }) }];
  if (declarations.length > 0) files.push({ name: "ontology", text: writeTurtle(dataset, { quads: declarations }) });
  return { files, textPaths: [...textPaths] };
}
