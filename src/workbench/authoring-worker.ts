// The data worker's side of authoring: sources and their texts, mentions and candidates, predicate fit, validated additions.
import { DataFactory } from "n3";
import type * as RDF from "@rdfjs/types";
import type { GraphIndex } from "../graph/types.ts";
import { candidateRelations } from "../query/candidates.ts";
import { findMentions, nameDictionary, type NameDictionary } from "../query/mentions.ts";
import { nodeClassIris, predicateSchema, rankPredicates, type PredicateSchema } from "../query/predicate-fit.ts";
import { loadDataset } from "../rdf/parse.ts";
import { writeTurtle } from "../rdf/serialize.ts";
import { prefixes, rdf, owl } from "../rdf/vocab.ts";
import { subgraphDocuments } from "../session/authoring-subgraph.ts";
import { draftProblems, entityIri, evidenceIri, placeAt, quadsToTurtle, relationQuads, type NewEntity } from "../session/authoring.ts";
import { tripleLabel } from "../session/authored.ts";
import { dateDatatype, newSource, readSources, slugify, sourceQuads } from "../session/source-model.ts";
import type { ExtractedSource } from "../session/source-extract.ts";
import type { Addition, AuthorEnd, AuthorReplies, AuthorRequest, AuthoredSource, RelationRequest } from "./authoring-protocol.ts";
import type { DataService } from "./data-service.ts";
import { pagesAt } from "./source-pages.ts";

/** prov:value: how a session carries a source's text, since a session carries data files only (docs/data-model.md). */
const PROV_VALUE = prefixes.prov + "value";

const bundledTexts = import.meta.glob("/graph-data/sources/*.txt", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
const shapesText = Object.values(import.meta.glob("/ontology/shapes.ttl", { query: "?raw", import: "default", eager: true }) as Record<string, string>)[0] ?? "";

/** Per loaded graph: the name dictionary and predicate schema, built once. */
const cache = new WeakMap<GraphIndex, { dictionary: NameDictionary; schema: PredicateSchema }>();
function prepared(index: GraphIndex) {
  let entry = cache.get(index);
  if (!entry) cache.set(index, (entry = { dictionary: nameDictionary(index), schema: predicateSchema(index) }));
  return entry;
}

export async function handleAuthor(service: DataService, request: AuthorRequest): Promise<AuthorReplies[keyof AuthorReplies]> {
  const loaded = service.loaded;
  if (!loaded) throw new Error("workbench/authoring: no data is loaded yet.");
  const { index } = loaded;
  switch (request.op) {
    case "sources":
      return sourcesOf(index);
    case "classes":
      return classesOf(index);
    case "analyse":
      return analyse(index, sourceOf(index, request.source));
    case "fit": {
      const { schema } = prepared(index);
      return rankPredicates(schema, classesOfEnd(index, request.subject), classesOfEnd(index, request.object)).map((p) => ({ iri: p.iri, label: p.label, fits: p.fits && p.specific }));
    }
    case "add-source":
      return addSource(index, request.extracted, request.fileName);
    case "add-relation":
      return addRelation(index, request.relation);
    case "changes": {
      const dataset = await loadDataset(request.texts.map((text, i) => ({ name: `change-${i + 1}.ttl`, text })));
      return writeTurtle(dataset);
    }
  }
}

/** Every source of the data with its text: carried in the data (prov:value) or bundled with the workbench. */
function sourcesOf(index: GraphIndex): AuthoredSource[] {
  const terms = index.dataset.terms;
  const valueId = terms.iriId(PROV_VALUE);
  const out: AuthoredSource[] = [];
  for (const meta of readSources(index)) {
    let text = bundledTexts[`/graph-data/${meta.textPath}`];
    const subject = terms.iriId(meta.iri);
    if (valueId >= 0 && subject >= 0) for (const q of index.dataset.match(subject, valueId)) text = terms.value(index.dataset.objects[q]);
    if (text !== undefined) out.push({ ...meta, text });
  }
  return out;
}

function sourceOf(index: GraphIndex, iri: string): AuthoredSource {
  const found = sourcesOf(index).find((s) => s.iri === iri);
  if (!found) throw new Error(`workbench/authoring: the data has no source ${iri} with its text.`);
  return found;
}

function classesOf(index: GraphIndex): { iri: string; label: string }[] {
  const { schema } = prepared(index);
  const terms = index.dataset.terms;
  const [typeId, classId] = [terms.iriId(rdf.type), terms.iriId(owl.Class)];
  const out: { iri: string; label: string }[] = [];
  if (typeId < 0 || classId < 0) return out;
  for (const q of index.dataset.match(undefined, typeId, classId)) {
    const c = index.dataset.subjects[q];
    if (!terms.isIri(c)) continue;
    const iri = terms.value(c);
    if (iri !== prefixes.kg + "Entity" && schema.ancestors(iri).has(prefixes.kg + "Entity")) out.push({ iri, label: index.termLabel(c) });
  }
  return out.sort((a, b) => a.label.localeCompare(b.label));
}

function classesOfEnd(index: GraphIndex, end: AuthorEnd): string[] {
  if ("classIri" in end) return [end.classIri];
  const node = index.nodeByIri(end.iri);
  return node >= 0 ? nodeClassIris(index, node) : [];
}

function analyse(index: GraphIndex, source: AuthoredSource): AuthorReplies["analyse"] {
  const { dictionary, schema } = prepared(index);
  const mentions = findMentions(dictionary, source.text).map((m) => ({ start: m.start, end: m.end, iri: index.iri(m.nodes[0]), label: index.label(m.nodes[0]) }));
  const candidates = candidateRelations(index, schema, dictionary, source.text, { limit: 50 }).map((c) => ({
    subject: index.iri(c.subject), subjectLabel: index.label(c.subject), object: index.iri(c.object), objectLabel: index.label(c.object),
    predicates: c.predicates.map((p) => ({ iri: p.iri, label: p.label, fits: p.fits && p.specific })), known: c.known,
    quote: c.quote, start: c.start, end: c.end, pages: pagesAt(source, c.start, c.end), locator: c.locator,
  }));
  return { mentions, candidates };
}

const taken = (index: GraphIndex) => (iri: string) => index.dataset.terms.iriId(iri) >= 0;

/** The part of the data the checks read about the addition (never the whole graph), for the validator. */
async function validate(index: GraphIndex, added: readonly RDF.Quad[], texts: Record<string, string>): Promise<string[]> {
  const { files } = subgraphDocuments(index.dataset, added);
  // The validator (shacl-engine) is loaded when the first addition is checked, not when the worker starts.
  const { validateAddition } = await import("../session/authoring-validate.ts");
  const problems = await validateAddition({ files, shapes: { name: "ontology/shapes.ttl", text: shapesText }, sourceTexts: texts }, added);
  return problems.map((p) => `${p.kind}: ${p.message}`);
}

async function addSource(index: GraphIndex, extracted: ExtractedSource & { publisher?: string; licence?: string }, fileName: string): Promise<Addition> {
  if (!extracted.text.trim()) return { ok: false, problems: ["the file has no text (a scanned PDF needs OCR first)"] };
  const existing = sourcesOf(index);
  let source;
  try {
    source = newSource({
      title: extracted.title?.trim() || fileName, authors: extracted.authors ?? [], publisher: extracted.publisher,
      date: extracted.date && dateDatatype(extracted.date) ? extracted.date : undefined, licence: extracted.licence, format: extracted.format, text: extracted.text,
    }, (slug) => taken(index)(prefixes.kgr + slug) || existing.some((s) => s.textPath === `sources/${slug}.txt`));
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] };
  }
  const same = existing.find((s) => s.sha256 === source.sha256);
  if (same) return { ok: false, problems: [`this text is in the data already, as ${same.title}`] };
  const quads = [...sourceQuads(source), DataFactory.quad(DataFactory.namedNode(source.iri), DataFactory.namedNode(PROV_VALUE), DataFactory.literal(source.text)) as RDF.Quad];
  const problems = await validate(index, quads, { [source.textPath]: source.text });
  if (problems.length) return { ok: false, problems };
  return { ok: true, name: `${source.iri.slice(prefixes.kgr.length)}.ttl`, turtle: await quadsToTurtle(quads), iri: source.iri, summary: source.title, label: source.title };
}

async function addRelation(index: GraphIndex, r: RelationRequest): Promise<Addition> {
  const source = sourceOf(index, r.source);
  const entities: NewEntity[] = [];
  const isTaken = (iri: string) => taken(index)(iri) || entities.some((e) => e.iri === iri);
  const endIri = (end: AuthorEnd) => {
    if ("iri" in end) return end.iri;
    const entity = { iri: entityIri(end.label, isTaken), classIri: end.classIri, label: end.label.trim() };
    entities.push(entity);
    return entity.iri;
  };
  const [subject, object] = [endIri(r.subject), endIri(r.object)];
  const place = { ...placeAt(source.text, r.start, r.end), pages: pagesAt(source, r.start, r.end) };
  const draft = {
    subject, predicate: r.predicate, object, source: source.iri, quote: r.quote, place,
    locator: r.locator?.trim() || place.heading || (place.pages.length ? `p. ${place.pages.join(", ")}` : source.title),
    by: r.by, at: new Date().toISOString(), status: r.status,
  };
  const early = draftProblems(draft, source.text);
  if (entities.some((e) => !e.label)) early.push("a new entity needs a label");
  if (early.length) return { ok: false, problems: early };
  const evidence = evidenceIri(draft, isTaken);
  const quads = relationQuads(draft, evidence, entities);
  const problems = await validate(index, quads, { [source.textPath]: source.text });
  if (problems.length) return { ok: false, problems };
  const label = (iri: string) => entities.find((e) => e.iri === iri)?.label ?? index.label(index.nodeByIri(iri));
  const predicateTerm = index.dataset.terms.iriId(r.predicate);
  const predicateLabel = predicateTerm >= 0 ? index.termLabel(predicateTerm) : r.predicate;
  const summary = `${label(subject)} —${predicateLabel}→ ${label(object)}`;
  return {
    ok: true, name: `authored-${slugify(evidence.slice(prefixes.kge.length))}.ttl`, turtle: await quadsToTurtle(quads), iri: evidence, summary,
    label: tripleLabel(label(subject), predicateLabel, label(object)), triple: { source: subject, predicate: r.predicate, target: object },
  };
}
