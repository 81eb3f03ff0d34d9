// An analyst's relation from a quote: where the quote is, the quads of the relation and its evidence, and SHACL validation.
import { DataFactory, Writer } from "n3";
import type * as RDF from "@rdfjs/types";
import { foaf, kg, oa, prefixes, prov, rdf, skos, xsd } from "../rdf/vocab.ts";
import { headingAbove, longestPrefixIn, occurrences, pagesOf, quoteContext } from "../query/source-text.ts";
import { freeName, slugify } from "./source-model.ts";

export type AuthoringStatus = "proposed" | "accepted";

/** Where a quote is in its source's text. */
export interface QuotePlace {
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  /** One page, two when the quote crosses a page break, none for a page-less text. */
  pages: number[];
  /** The section heading above it, a guess for kg:locator. */
  heading?: string;
}

/** A relation as the analyst states it, with its evidence. */
export interface RelationDraft {
  subject: string;
  predicate: string;
  object: string;
  source: string;
  quote: string;
  place: QuotePlace;
  locator: string;
  /** The analyst's name, set once. */
  by: string;
  /** xsd:dateTime of the authoring. */
  at: string;
  status: AuthoringStatus;
}

/** An entity the analyst creates on the way (a subject or object the graph lacks). */
export interface NewEntity {
  iri: string;
  classIri: string;
  label: string;
}

/** A mistake in what the analyst gave: the message says what and where. */
export class AuthoringError extends Error {
  override name = "AuthoringError";
}

/**
 * The place of a verbatim quote. Several occurrences are narrowed by `page`, then `at` (a character offset inside the
 * one meant); a quote not in the text, or still ambiguous, is refused with the reason.
 */
export function placeQuote(text: string, quote: string, hint: { page?: number; at?: number } = {}): QuotePlace {
  if (!quote.trim()) throw new AuthoringError("the quote is empty");
  let found = occurrences(text, quote);
  if (found.length === 0) {
    const matched = longestPrefixIn(quote, text);
    const where = matched > 0 ? `; the text has it up to ${JSON.stringify(quote.slice(0, matched) + "⟨here⟩" + quote.slice(matched, matched + 15))}` : "";
    throw new AuthoringError(`the quote is not verbatim in the source${where}`);
  }
  if (hint.page !== undefined) {
    const onPage = found.filter((start) => pagesOf(text, start, start + quote.length).includes(hint.page!));
    if (onPage.length === 0) throw new AuthoringError(`the quote is not on page ${hint.page} (it is on ${pageList(text, found, quote.length)})`);
    found = onPage;
  }
  if (hint.at !== undefined) {
    const at = hint.at;
    found = found.filter((start) => start <= at && at <= start + quote.length);
    if (found.length === 0) throw new AuthoringError(`no occurrence of the quote contains offset ${at}`);
  }
  if (found.length > 1) {
    throw new AuthoringError(`the quote occurs ${found.length} times (offsets ${found.slice(0, 5).join(", ")}${found.length > 5 ? ", …" : ""}); say which with a page or an offset, or quote more`);
  }
  return placeAt(text, found[0], found[0] + quote.length);
}

/** The place of the span start-end (a selection in a viewer): its context, pages and heading. */
export function placeAt(text: string, start: number, end: number): QuotePlace {
  return { start, end, ...quoteContext(text, start, end), pages: pagesOf(text, start, end), heading: headingAbove(text, start) };
}

function pageList(text: string, starts: readonly number[], length: number): string {
  const pages = [...new Set(starts.flatMap((s) => pagesOf(text, s, s + length)))];
  return pages.length ? `page ${pages.join(", ")}` : "a text without pages";
}

/** The local part of an IRI (after the last / or #), as a slug: suppliesTo -> supplies-to. */
function localSlug(iri: string): string {
  const local = iri.slice(Math.max(iri.lastIndexOf("/"), iri.lastIndexOf("#")) + 1);
  return slugify(local.replace(/([a-z0-9])([A-Z])/g, "$1-$2"));
}

/** kge:<subject>-<predicate>-<object>, with -2, -3 ... when taken (docs/data-model.md). */
export function evidenceIri(draft: Pick<RelationDraft, "subject" | "predicate" | "object">, taken: (iri: string) => boolean): string {
  const base = prefixes.kge + [draft.subject, draft.predicate, draft.object].map(localSlug).join("-");
  return freeName(base, taken);
}

/** kgr:<slug of the label>, free in the graph. */
export function entityIri(label: string, taken: (iri: string) => boolean): string {
  return freeName(prefixes.kgr + slugify(label), taken);
}

const { namedNode, literal, blankNode, quad } = DataFactory;

/** The quads of new entities, the relation and its evidence (docs/data-model.md, "Authored relations"). */
export function relationQuads(draft: RelationDraft, evidence: string, entities: readonly NewEntity[] = []): RDF.Quad[] {
  const out: RDF.Quad[] = [];
  const add = (s: RDF.Quad_Subject, p: string, o: RDF.Quad_Object) => out.push(quad(s, namedNode(p), o) as RDF.Quad);
  for (const entity of entities) {
    add(namedNode(entity.iri), rdf.type, namedNode(entity.classIri));
    add(namedNode(entity.iri), skos.prefLabel, literal(entity.label, "en"));
  }
  add(namedNode(draft.subject), draft.predicate, namedNode(draft.object));
  const e = namedNode(evidence);
  add(e, rdf.type, namedNode(rdf.Statement));
  add(e, rdf.type, namedNode(kg.Evidence));
  add(e, rdf.subject, namedNode(draft.subject));
  add(e, rdf.predicate, namedNode(draft.predicate));
  add(e, rdf.object, namedNode(draft.object));
  add(e, prov.wasDerivedFrom, namedNode(draft.source));
  const quoteSelector = blankNode();
  add(e, oa.hasSelector, quoteSelector);
  add(quoteSelector, rdf.type, namedNode(oa.TextQuoteSelector));
  add(quoteSelector, oa.exact, literal(draft.quote));
  add(quoteSelector, oa.prefix, literal(draft.place.prefix));
  add(quoteSelector, oa.suffix, literal(draft.place.suffix));
  const positionSelector = blankNode();
  add(e, oa.hasSelector, positionSelector);
  add(positionSelector, rdf.type, namedNode(prefixes.oa + "TextPositionSelector"));
  add(positionSelector, prefixes.oa + "start", literal(String(draft.place.start), namedNode(xsd.integer)));
  add(positionSelector, prefixes.oa + "end", literal(String(draft.place.end), namedNode(xsd.integer)));
  add(e, kg.locator, literal(draft.locator));
  for (const page of draft.place.pages) add(e, kg.page, literal(String(page), namedNode(xsd.integer)));
  const agent = blankNode();
  add(e, prefixes.prov + "wasAttributedTo", agent);
  add(agent, rdf.type, namedNode(prefixes.prov + "Agent"));
  add(agent, foaf.name, literal(draft.by));
  add(e, prefixes.prov + "generatedAtTime", literal(draft.at, namedNode(xsd.dateTime)));
  // The status is the acceptance date (Dublin Core): a proposed relation has none.
  if (draft.status === "accepted") add(e, prefixes.dcterms + "dateAccepted", literal(draft.at, namedNode(xsd.dateTime)));
  return out;
}

/** Checks on a draft that need no data: names, status, the quote where the place says. */
export function draftProblems(draft: RelationDraft, text: string): string[] {
  const problems: string[] = [];
  if (!draft.by.trim()) problems.push("the analyst's name is empty (set it once: who states this?)");
  if (draft.status !== "proposed" && draft.status !== "accepted") problems.push(`status ${JSON.stringify(draft.status)} is not proposed or accepted`);
  if (!draft.locator.trim()) problems.push("the locator (section heading or page) is empty");
  if (text.slice(draft.place.start, draft.place.end) !== draft.quote) problems.push(`the quote is not at ${draft.place.start}-${draft.place.end} of the source's text`);
  if (/[\n\f]/.test(draft.quote)) problems.push("the quote spans a line or page break; quote within one paragraph");
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(draft.at)) problems.push(`time ${JSON.stringify(draft.at)} is not an xsd:dateTime with a zone`);
  if (draft.subject === draft.object) problems.push("subject and object are the same");
  return problems;
}

/** Turtle of the quads with the project's prefixes. */
export function quadsToTurtle(quads: readonly RDF.Quad[]): Promise<string> {
  const writer = new Writer({ prefixes: { ...prefixes } });
  writer.addQuads([...quads] as never);
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}
