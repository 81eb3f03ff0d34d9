// An n3 Parser that hands out one term object per distinct IRI of a document, carrying its id in the term table.
import { Parser, type ParserOptions } from "n3";
import type * as RDF from "@rdfjs/types";
import { hashString, sameString } from "./string-index.ts";
import { TableIri, type TermTable } from "./terms.ts";

/** Slots of the recent-IRI table (a power of two). */
const RECENT = 1024;

interface N3Token {
  type: string;
  value: string;
  prefix: string;
}

interface ParserInternals {
  _prefixes: Record<string, string | undefined>;
  _base: string | undefined;
  _n3Mode: boolean;
  _readEntity(token: N3Token, quantifier?: boolean): RDF.Term | undefined;
}

/**
 * Why: at a million triples, a term's string is most of the cost of loading it. n3 builds a new IRI string per
 * token (`prefix + local name`) that the term table then has to hash and compare; the same IRI comes back
 * hundreds of times (every predicate, every class, every popular object). Here a token is looked up by its
 * parts, a short local name per namespace or the IRI as written, before n3 builds anything, and the term found
 * knows its id (TableIri), so `TermTable.intern` returns it without reading the string.
 *
 * The caches live as long as the parser: one document. They key on what the IRI was built from: the namespace
 * the prefix stands for when read (a prefix declared again starts another namespace), or the IRI text and the
 * base it was resolved against. Every miss, and anything else (blank nodes, N3 mode), is n3's own `_readEntity`,
 * errors included. (A `Map` keyed by the token text measured slower than n3 building the string: its inserts
 * of fresh token strings cost microseconds; the index below hashes the short text once in JS.)
 */
export class InterningParser extends Parser {
  /** Each namespace (and each base for IRIs written out) is a "space" number; 0 is none. */
  private readonly spaces = new Map<string, number>();
  private nextSpace = 1;
  private lastNamespace: string | undefined;
  private lastSpace = 0;
  private iriSpace = 0;
  private irisBase: string | undefined;
  private readonly index = new TokenIndex();
  private readonly recentSpace = new Int32Array(RECENT);
  private readonly recentText: string[] = new Array<string>(RECENT).fill("");
  private readonly recentTerm: Array<TableIri | undefined> = new Array<TableIri | undefined>(RECENT).fill(undefined);

  constructor(
    private readonly terms: TermTable,
    options: ParserOptions,
  ) {
    super(options);
    // `a` is one n3 object for the whole run: make it a TableIri too (interned on first use, like the others).
    const self = this as unknown as { ABBREVIATIONS: Record<string, RDF.NamedNode> };
    self.ABBREVIATIONS = { ...self.ABBREVIATIONS, a: new TableIri(self.ABBREVIATIONS.a.value, terms) };
  }

  _readEntity(token: N3Token, quantifier?: boolean): RDF.Term | undefined {
    const self = this as unknown as ParserInternals;
    const read = (Parser.prototype as unknown as ParserInternals)._readEntity;
    if (self._n3Mode) return read.call(this, token, quantifier);
    let space: number;
    switch (token.type) {
      case "prefixed":
      case "type": {
        const namespace = self._prefixes[token.prefix];
        if (namespace === undefined) return read.call(this, token, quantifier);
        // Runs of tokens share a namespace, and n3 keeps one string object per declared prefix.
        if (namespace !== this.lastNamespace) {
          let known = this.spaces.get(namespace);
          if (known === undefined) this.spaces.set(namespace, (known = this.nextSpace++));
          this.lastNamespace = namespace;
          this.lastSpace = known;
        }
        space = this.lastSpace;
        break;
      }
      case "IRI":
      case "typeIRI":
        // A relative IRI means something else under another base (`@base` may come at any point).
        if (this.iriSpace === 0 || self._base !== this.irisBase) {
          this.iriSpace = this.nextSpace++;
          this.irisBase = self._base;
        }
        space = this.iriSpace;
        break;
      default:
        return read.call(this, token, quantifier);
    }
    // Most tokens repeat one of a few hundred recent IRIs (predicates, classes, the subject's neighbours): a small
    // direct-mapped table, indexed by the text's length and two of its characters, answers those without hashing.
    const text = token.value, length = text.length;
    const slot = length === 0 ? 0 : (length * 31 + text.charCodeAt(length - 1) * 7 + text.charCodeAt(length >> 1)) & (RECENT - 1);
    if (this.recentSpace[slot] === space && sameString(this.recentText[slot], text)) return this.recentTerm[slot];
    let iri = this.index.get(space, text);
    if (iri === undefined) {
      const term = read.call(this, token, quantifier);
      if (term?.termType !== "NamedNode") return term;
      this.index.add(space, text, (iri = new TableIri(term.value, this.terms)));
    }
    this.recentSpace[slot] = space;
    this.recentText[slot] = text;
    this.recentTerm[slot] = iri;
    return iri;
  }
}

/** (space, token text) -> term, open addressing over (hash, entry) pairs like string-index.ts. */
class TokenIndex {
  private slots = new Int32Array(2 * 1024);
  private mask = 1023;
  private readonly texts: string[] = [];
  private readonly spaces: number[] = [];
  private readonly terms: TableIri[] = [];
  /** The empty slot the last failed `get` stopped at, with its hash, for the `add` that follows. */
  private freeSlot = -1;
  private freeHash = 0;

  get(space: number, text: string): TableIri | undefined {
    const hash = hashString(text) ^ Math.imul(space, 0x9e3779b1);
    const slots = this.slots, mask = this.mask;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1] - 1;
      if (entry < 0) {
        this.freeSlot = slot;
        this.freeHash = hash;
        return undefined;
      }
      if (slots[2 * slot] === hash && this.spaces[entry] === space && sameString(this.texts[entry], text)) return this.terms[entry];
    }
  }

  /** Adds what the last `get` (for the same space and text) did not find. */
  add(space: number, text: string, term: TableIri): void {
    const entry = this.terms.length;
    this.texts.push(text);
    this.spaces.push(space);
    this.terms.push(term);
    this.slots[2 * this.freeSlot] = this.freeHash;
    this.slots[2 * this.freeSlot + 1] = entry + 1;
    if (2 * this.terms.length > this.mask) this.grow();
  }

  private grow(): void {
    const old = this.slots;
    const mask = 2 * (this.mask + 1) - 1;
    const slots = new Int32Array(2 * (mask + 1));
    for (let from = 0; from < old.length; from += 2) {
      if (old[from + 1] === 0) continue;
      let slot = old[from] & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[from];
      slots[2 * slot + 1] = old[from + 1];
    }
    this.slots = slots;
    this.mask = mask;
  }
}
