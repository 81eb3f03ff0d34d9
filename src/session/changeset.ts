// A changeset (an analyst's exported additions) against the data: the evidence it repeats, the IRIs it describes differently.
import type * as RDF from "@rdfjs/types";
import type { Dataset } from "../rdf/dataset.ts";
import type { TermTable } from "../rdf/terms.ts";
import { kg, oa, prefixes, prov, rdf, skos } from "../rdf/vocab.ts";

/** Values an IRI has once: two descriptions that differ in one of them describe two different things. */
const SINGLE_VALUED = [skos.prefLabel, kg.cleanedText, rdf.subject, rdf.predicate, rdf.object, prov.wasDerivedFrom, kg.locator, prefixes.dcterms + "identifier"];

export interface ChangesetIssues {
  /** Evidence the data has already: same relation, source and quote. */
  duplicates: string[];
  /** IRIs the data describes otherwise: what differs. */
  conflicts: string[];
}

/** The text of each source the changeset states with its text inline (prov:value), by kg:cleanedText path. */
export function inlineTexts(changes: readonly RDF.Quad[]): Map<string, { iri: string; text: string }> {
  const texts = new Map<string, { iri: string; text: string }>();
  for (const q of changes) {
    if (q.predicate.value !== kg.cleanedText) continue;
    const value = changes.find((v) => v.subject.equals(q.subject) && v.predicate.value === prefixes.prov + "value");
    if (value) texts.set(q.object.value, { iri: q.subject.value, text: value.object.value });
  }
  return texts;
}

/** One key per evidence node: its relation, source and quote. */
function evidenceKeys(quads: readonly RDF.Quad[]): Map<string, string> {
  const bySubject = new Map<string, RDF.Quad[]>();
  for (const q of quads) {
    const key = q.subject.termType === "BlankNode" ? `_:${q.subject.value}` : q.subject.value;
    let list = bySubject.get(key);
    if (!list) bySubject.set(key, (list = []));
    list.push(q);
  }
  const one = (subject: string, predicate: string) => bySubject.get(subject)?.find((q) => q.predicate.value === predicate)?.object;
  const keys = new Map<string, string>();
  for (const [subject, list] of bySubject) {
    if (!list.some((q) => q.predicate.value === rdf.subject)) continue;
    const selectors = list.filter((q) => q.predicate.value === oa.hasSelector).map((q) => (q.object.termType === "BlankNode" ? `_:${q.object.value}` : q.object.value));
    const quote = selectors.map((s) => one(s, oa.exact)?.value).find((v) => v !== undefined) ?? "";
    keys.set([rdf.subject, rdf.predicate, rdf.object, prov.wasDerivedFrom].map((p) => one(subject, p)?.value ?? "").concat(quote).join("\u0000"), subject);
  }
  return keys;
}

/**
 * What keeps a changeset from merging into the data: evidence already there (a duplicate, whatever its IRI), and IRIs
 * that both describe with different single values (a label, a source's text path or hash, an evidence's relation).
 */
export function changesetIssues(data: readonly RDF.Quad[], changes: readonly RDF.Quad[]): ChangesetIssues {
  const duplicates: string[] = [];
  const known = evidenceKeys(data);
  for (const [key, subject] of evidenceKeys(changes)) {
    const same = known.get(key);
    if (same) duplicates.push(`${subject}: the data has this evidence already (${same}): ${JSON.stringify(key.split("\u0000")[4])}`);
  }
  const conflicts: string[] = [];
  const valuesOf = (quads: readonly RDF.Quad[]) => {
    const map = new Map<string, Set<string>>();
    for (const q of quads) {
      if (q.subject.termType !== "NamedNode" || !SINGLE_VALUED.includes(q.predicate.value)) continue;
      const key = `${q.subject.value}\u0000${q.predicate.value}`;
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set()));
      set.add(q.object.termType === "Literal" ? JSON.stringify(q.object.value) : `<${q.object.value}>`);
    }
    return map;
  };
  const [inData, inChanges] = [valuesOf(data), valuesOf(changes)];
  for (const [key, values] of inChanges) {
    const there = inData.get(key);
    if (!there || [...values].every((v) => there.has(v))) continue;
    const [subject, predicate] = key.split("\u0000");
    conflicts.push(`${subject}: ${predicate} is ${[...there].join(", ")} in the data, ${[...values].join(", ")} in the changeset`);
  }
  return { duplicates, conflicts };
}

/**
 * The quads of `data` that changesetIssues reads for `changes`, in the data's order, so that a check against a large
 * graph makes quad objects of a small part of it: every quad of each IRI the changeset describes (the single values
 * it may contradict), and each evidence node whose rdf:subject names a subject that the changeset's rdf:subject
 * names (a duplicate may have any IRI), with its selectors' quads (the quote). Candidates are found by one pass over
 * the predicate column, since the dataset indexes subjects only; taking every one, the last-listed duplicate wins
 * as in the whole data, and a node missing from this part cannot match.
 */
export function changesetData(data: Dataset, changes: readonly RDF.Quad[]): RDF.Quad[] {
  const { terms, subjects: S, predicates: P, objects: O } = data;
  const chosen: number[] = [];
  const take = (id: number) => {
    const [from, to] = data.subjectRange(id);
    for (let i = from; i < to; i++) chosen.push(i);
  };
  const described = new Set<string>(), stated = new Set<string>();
  for (const q of changes) {
    if (q.subject.termType === "NamedNode") described.add(q.subject.value);
    if (q.predicate.value === rdf.subject) stated.add(q.object.value);
  }
  for (const iri of described) take(terms.iriId(iri));
  const [rdfSubject, hasSelector] = [rdf.subject, oa.hasSelector].map((iri) => terms.iriId(iri));
  // evidenceKeys compares values whatever the term type: 1 marks an object whose value is stated, 2 one that is not.
  const names = new Uint8Array(rdfSubject >= 0 && stated.size > 0 ? terms.size : 0);
  const evidence = new Set<number>();
  for (let i = 0; names.length > 0 && i < data.size; i++) {
    if (P[i] !== rdfSubject) continue;
    const o = O[i];
    if (names[o] === 0) names[o] = stated.has(terms.value(o)) ? 1 : 2;
    if (names[o] === 1) evidence.add(S[i]);
  }
  for (const id of evidence) {
    take(id);
    for (const i of data.match(id, hasSelector)) take(subjectKeyed(terms, O[i]));
  }
  const indices = Uint32Array.from(chosen).sort();
  const quads: RDF.Quad[] = [];
  for (let k = 0; k < indices.length; k++) if (k === 0 || indices[k] !== indices[k - 1]) quads.push(data.quad(indices[k]));
  return quads;
}

/** The subject evidenceKeys looks a selector up as: a blank node is `_:label`, any other term its value. */
function subjectKeyed(terms: TermTable, id: number): number {
  if (terms.isBlank(id)) return id;
  const value = terms.value(id);
  return value.startsWith("_:") ? terms.idOfKey(value) : terms.iriId(value);
}
