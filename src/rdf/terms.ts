// Interns RDF terms to dense integer ids, keyed by N3.js's canonical term id string, so a dataset stores numbers not objects.
import { DataFactory, termFromId, termToId, type Term as N3Term } from "n3";
import type * as RDF from "@rdfjs/types";
import { StringIndex } from "./string-index.ts";
import { ownString } from "./own-string.ts";

export type TermKind = "NamedNode" | "BlankNode" | "Literal" | "DefaultGraph";

/** Small-number kinds, kept per id in a typed array so hot loops test a byte instead of a key string. */
export const KIND_IRI = 0, KIND_LITERAL = 1, KIND_BLANK = 2, KIND_DEFAULT_GRAPH = 3;

function kindCodeOf(key: string): number {
  if (key === "") return KIND_DEFAULT_GRAPH;
  const first = key.charCodeAt(0);
  if (first === 34 /* " */) return KIND_LITERAL;
  if (first === 95 /* _ */ && key.charCodeAt(1) === 58 /* : */) return KIND_BLANK;
  return KIND_IRI;
}

const RECENT_SLOTS = 256;

/** Id 0 is always the default graph, so an unset graph column reads as "default". */
export const DEFAULT_GRAPH_ID = 0;

/** A term table as plain data: its keys in id order, their kind codes, the blank label counter and the hash index. */
export interface TermTableSnapshot {
  keys: readonly string[];
  codes: Uint8Array;
  nextBlank: number;
  index: { slots: Int32Array; mask: number; count: number };
}

/** n3's key for the IRI "" (no IRI can contain "<", so the key is unambiguous). */
const EMPTY_IRI_KEY = "<>";

/**
 * A growing table of distinct terms. The key of a term is N3.js's id string (the IRI itself,
 * `_:label`, or `"lexical"@lang` / `"lexical"^^datatype`), so interning a term parsed by n3 costs
 * one hash lookup (see string-index.ts) and no new string.
 */
export class TermTable {
  private readonly keys: string[] = [];
  private idsByKey = new StringIndex(this.keys);
  private codes = new Uint8Array(1024);
  /**
   * The last key seen per (length, last character): most occurrences in a document are of a few dozen
   * predicates and classes, which this answers with one string comparison instead of hashing the key.
   */
  // Filled with "", which no key looked up here equals ("", the default graph's key, skips this table).
  private readonly recentKeys: string[] = new Array<string>(RECENT_SLOTS).fill("");
  private readonly recentIds = new Int32Array(RECENT_SLOTS);
  /** Next candidate for a fresh blank node label; carried by `clone()` so labels of later loads stay distinct. */
  private nextBlank = 0;
  /** Characters of all keys: the text the table keeps, which a browser tab's heap must hold. */
  private keyChars = 0;

  constructor() {
    this.intern(DataFactory.defaultGraph());
  }

  get size(): number {
    return this.keys.length;
  }

  get chars(): number {
    return this.keyChars;
  }

  /** An independent copy: loading more data into the copy leaves this table as it was. */
  clone(): TermTable {
    const copy = new TermTable();
    for (let id = 1; id < this.keys.length; id++) copy.keys.push(this.keys[id]);
    copy.idsByKey = this.idsByKey.cloneFor(copy.keys);
    copy.codes = this.codes.slice();
    copy.nextBlank = this.nextBlank;
    copy.keyChars = this.keyChars;
    return copy;
  }

  /** The table as plain data (strings and typed arrays, no copies), for a snapshot a later run restores. */
  toSnapshot(): TermTableSnapshot {
    return { keys: this.keys, codes: this.codes.subarray(0, this.keys.length), nextBlank: this.nextBlank, index: this.idsByKey.table() };
  }

  /** The table `toSnapshot` described; the caller has checked the snapshot's shape. */
  static fromSnapshot(snapshot: TermTableSnapshot): TermTable {
    const table = new TermTable();
    for (let id = 1; id < snapshot.keys.length; id++) table.keys.push(snapshot.keys[id]);
    table.idsByKey = StringIndex.fromTable(table.keys, snapshot.index);
    table.codes = snapshot.codes.slice();
    table.nextBlank = snapshot.nextBlank;
    for (const key of table.keys) table.keyChars += key.length;
    return table;
  }

  /** The id of a term, adding it when new. */
  intern(term: RDF.Term): number {
    return this.internKey(termToId(term as unknown as N3Term));
  }

  internKey(key: string): number {
    const length = key.length;
    const slot = (length * 31 + key.charCodeAt(length - 1)) & (RECENT_SLOTS - 1);
    if (length !== 0 && this.recentKeys[slot] === key) return this.recentIds[slot];
    const id = this.idsByKey.getOrAdd(key, this.keys.length);
    if (id === this.keys.length) {
      // A key cut from the parser's chunk would keep the chunk: the table keeps a copy of its own.
      this.keys.push(ownString(key));
      this.keyChars += key.length;
      if (id === this.codes.length) {
        const grown = new Uint8Array(2 * id);
        grown.set(this.codes);
        this.codes = grown;
      }
      this.codes[id] = kindCodeOf(key);
    }
    // Literals mostly differ from one another: left out, they do not push the predicates out.
    if (key.charCodeAt(0) !== 34 /* " */) {
      this.recentKeys[slot] = this.keys[id];
      this.recentIds[slot] = id;
    }
    return id;
  }

  /**
   * A new blank node that no term of this table uses. Loaders give every blank node of a document one of
   * these, so blank nodes of different files or loads never share a label, whatever labels the files used.
   */
  freshBlank(): number {
    let key: string;
    do key = `_:b${this.nextBlank++}`;
    while (this.idsByKey.get(key) >= 0);
    return this.internKey(key);
  }

  /** The id of an IRI, or -1 when the table has no such IRI. */
  iriId(iri: string): number {
    // n3 keys the empty IRI (`<>` without a base) as "<>", since "" is the default graph.
    if (iri === "") return this.idsByKey.get(EMPTY_IRI_KEY);
    if (iri[0] === '"' || iri[0] === "_" || iri[0] === "?") return -1;
    return this.idsByKey.get(iri);
  }

  /** The id of an existing term key (as `key` returns it), or -1. */
  idOfKey(key: string): number {
    return this.idsByKey.get(key);
  }

  /** The id of an existing term, or -1. */
  idOf(term: RDF.Term): number {
    return this.idsByKey.get(termToId(term as unknown as N3Term));
  }

  key(id: number): string {
    return this.keys[id];
  }

  kind(id: number): TermKind {
    switch (this.codes[id]) {
      case KIND_LITERAL:
        return "Literal";
      case KIND_BLANK:
        return "BlankNode";
      case KIND_DEFAULT_GRAPH:
        return "DefaultGraph";
      default:
        return "NamedNode";
    }
  }

  /**
   * KIND_IRI, KIND_LITERAL, KIND_BLANK or KIND_DEFAULT_GRAPH for every id below `size`. The array is replaced
   * as the table grows, so read it again after interning.
   */
  kindCodes(): Uint8Array {
    return this.codes;
  }

  isLiteral(id: number): boolean {
    return this.codes[id] === KIND_LITERAL;
  }

  isBlank(id: number): boolean {
    return this.codes[id] === KIND_BLANK;
  }

  isIri(id: number): boolean {
    return this.codes[id] === KIND_IRI;
  }

  /** The IRI, the blank node label (without `_:`), or the literal's lexical form. */
  value(id: number): string {
    const key = this.keys[id];
    switch (this.kind(id)) {
      case "Literal":
        return key.substring(1, key.lastIndexOf('"'));
      case "BlankNode":
        return key.substring(2);
      case "NamedNode":
        return key === EMPTY_IRI_KEY ? "" : key;
      default:
        return key;
    }
  }

  /** A literal's language tag (lower case), or "". */
  language(id: number): string {
    return this.isLiteral(id) ? (this.term(id) as RDF.Literal).language : "";
  }

  /** A literal's datatype IRI, or "" for non-literals. */
  datatype(id: number): string {
    return this.isLiteral(id) ? (this.term(id) as RDF.Literal).datatype.value : "";
  }

  /** The RDF/JS term (N3.js's implementation), made on demand. */
  term(id: number): RDF.Term {
    return termFromId(this.keys[id]) as unknown as RDF.Term;
  }
}
