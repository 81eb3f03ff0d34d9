// Sources as data: a prov:Entity (kg:Publication) with title, authors, publisher, date, licence, content hash and a cleaned text with pages.
import { DataFactory } from "n3";
import type * as RDF from "@rdfjs/types";
import type { GraphIndex } from "../graph/types.ts";
import { dcterms, kg, prefixes, prov, rdf, skos, xsd } from "../rdf/vocab.ts";
import { pageCount } from "../query/source-text.ts";
import { sha256Hex } from "./sha256.ts";

/** What the graph says about a source; the bundled brief and every added source read the same way. */
export interface SourceMeta {
  iri: string;
  title: string;
  authors: string[];
  publisher?: string;
  /** xsd:gYear, xsd:gYearMonth or xsd:date lexical form ("2020", "2020-05", "2020-05-12"). */
  date?: string;
  /** A licence IRI (dcterms:license) or a rights statement (dcterms:rights). */
  licence?: string;
  /** Lower-case hex SHA-256 of the cleaned text's UTF-8 bytes. */
  sha256?: string;
  /** The media type of the file the text came from (text/plain, text/html, application/pdf). */
  format?: string;
  /** The cleaned text's path relative to graph-data/ ("sources/x.txt"), as kg:cleanedText names it. */
  textPath: string;
  /** Where the text was fetched from: an http or https URL (never with credentials), a dcterms:identifier typed xsd:anyURI. */
  location?: string;
}

/** A source with its text: pages separated by form feeds (source-text.ts). */
export interface Source extends SourceMeta {
  text: string;
}

export type NewSourceInput = Omit<SourceMeta, "iri" | "textPath" | "sha256"> & { text: string };

const HASH_PREFIX = "sha256:";
const { namedNode, literal, quad } = DataFactory;

/** A readable slug: lower case ASCII letters and digits joined by hyphens, at most 60 characters. */
export function slugify(text: string): string {
  const slug = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug.slice(0, 60).replace(/-+$/, "") || "source";
}

/** The first of base, base-2, base-3, ... that `taken` says is free. */
export function freeName(base: string, taken: (candidate: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}-${i}`)) return `${base}-${i}`;
}

/** The datatype a date's lexical form has, or undefined when it is none of year, year-month, date. */
export function dateDatatype(date: string): string | undefined {
  if (/^\d{4}$/.test(date)) return xsd.gYear;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(date)) return xsd.gYearMonth;
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(date)) return xsd.date;
  return undefined;
}

/**
 * A new source's record: IRI kgr:source-<slug of the title>, text stored as sources/<same slug>.txt, hash of the text.
 * `taken` says whether a slug is in use (by the graph or a stored text), so two sources never share one.
 */
export function newSource(input: NewSourceInput, taken: (slug: string) => boolean): Source {
  if (!input.title.trim()) throw new Error("a source needs a title");
  if (input.date !== undefined && !dateDatatype(input.date)) throw new Error(`date ${JSON.stringify(input.date)} is not YYYY, YYYY-MM or YYYY-MM-DD`);
  const slug = freeName(`source-${slugify(input.title)}`, taken);
  return { ...input, title: input.title.trim(), iri: prefixes.kgr + slug, textPath: `sources/${slug}.txt`, sha256: sha256Hex(input.text) };
}

/** The quads that state a source (docs/data-model.md, "Sources"). */
export function sourceQuads(source: SourceMeta): RDF.Quad[] {
  const s = namedNode(source.iri);
  const out: RDF.Quad[] = [];
  const add = (p: string, o: RDF.Quad_Object) => out.push(quad(s, namedNode(p), o) as RDF.Quad);
  add(rdf.type, namedNode(prefixes.kg + "Publication"));
  add(rdf.type, namedNode(prov.Entity));
  add(skos.prefLabel, literal(source.title, "en"));
  add(dcterms.title, literal(source.title, "en"));
  for (const author of source.authors) add(dcterms.creator, literal(author));
  if (source.publisher) add(dcterms.publisher, literal(source.publisher));
  if (source.date) add(dcterms.date, literal(source.date, namedNode(dateDatatype(source.date) ?? xsd.string)));
  if (source.licence) {
    if (/^https?:\/\/\S+$/.test(source.licence)) add(dcterms.license, namedNode(source.licence));
    else add(dcterms.rights, literal(source.licence, "en"));
  }
  if (source.sha256) add(dcterms.identifier, literal(HASH_PREFIX + source.sha256));
  if (source.format) add(prefixes.dcterms + "format", literal(source.format));
  add(kg.cleanedText, literal(source.textPath));
  // The ontology's dcterms:identifier (an annotation: no node for the URL), as Dublin Core's "identifier: a URI".
  if (source.location) add(dcterms.identifier, literal(source.location, namedNode(xsd.anyURI)));
  return out;
}

/** Every source the graph names (a subject of kg:cleanedText), the bundled brief among them, in IRI order. */
export function readSources(graph: GraphIndex): SourceMeta[] {
  const { dataset } = graph;
  const terms = dataset.terms;
  const cleanedText = terms.iriId(kg.cleanedText);
  if (cleanedText < 0) return [];
  const values = (subject: number, predicate: string): number[] => {
    const p = terms.iriId(predicate);
    return p < 0 ? [] : [...dataset.match(subject, p)].map((q) => dataset.objects[q]);
  };
  const shown = (term: number) => {
    if (!terms.isIri(term)) return terms.value(term);
    const node = graph.nodeByTerm(term);
    return node >= 0 ? graph.label(node) : terms.value(term);
  };
  const out: SourceMeta[] = [];
  for (const q of dataset.match(undefined, cleanedText)) {
    const subject = dataset.subjects[q];
    const node = graph.nodeByTerm(subject);
    const first = (predicate: string) => values(subject, predicate).map(shown)[0];
    const hash = values(subject, dcterms.identifier).map((t) => terms.value(t)).find((v) => v.startsWith(HASH_PREFIX));
    out.push({
      iri: terms.value(subject),
      title: first(dcterms.title) ?? (node >= 0 ? graph.label(node) : terms.value(subject)),
      authors: values(subject, dcterms.creator).map(shown),
      publisher: first(dcterms.publisher),
      date: first(dcterms.date),
      licence: values(subject, dcterms.license).concat(values(subject, dcterms.rights)).map((t) => terms.value(t))[0],
      sha256: hash?.slice(HASH_PREFIX.length),
      format: first(prefixes.dcterms + "format"),
      textPath: terms.value(dataset.objects[q]),
      location: values(subject, dcterms.identifier).map((t) => terms.value(t)).find((v) => /^https?:\/\//.test(v)),
    });
  }
  return out.sort((a, b) => a.iri.localeCompare(b.iri));
}

/** One line about a source: title, authors, publisher, date, pages. */
export function describeSource(source: SourceMeta, text?: string): string {
  const pages = text === undefined ? 0 : pageCount(text);
  return [source.title, source.authors.join(", "), source.publisher, source.date, pages ? `${pages} pages` : ""].filter(Boolean).join(" · ");
}
