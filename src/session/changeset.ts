// A changeset (an analyst's exported additions) against the data: the evidence it repeats, the IRIs it describes differently.
import type * as RDF from "@rdfjs/types";
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
