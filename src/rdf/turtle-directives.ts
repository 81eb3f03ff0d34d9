// The prefixes a Turtle file declares, found by a byte scan for its directives instead of a parse (kg's Virtuoso store loads files kg never parses).
import { Parser } from "n3";

const enum State { Normal, Comment, Iri, Quote, Quote2, Short, Long, Word, Directive, Dot }

const HASH = 0x23, LT = 0x3c, GT = 0x3e, AT = 0x40, BACKSLASH = 0x5c, NL = 0x0a, CR = 0x0d, DOT = 0x2e;

/** Bytes that matter inside a statement: a dot, an IRI's, a string's or a comment's start, a language tag's @. */
const special = new Uint8Array(256);
for (const byte of [DOT, LT, 0x22, 0x27, HASH, AT]) special[byte] = 1;

/** Letters a directive keyword is made of (prefix, base; either case): a word of others is never one. */
const keyword = /^@?(prefix|base)$/i;

/**
 * Finds the directives (@prefix, @base, PREFIX, BASE) of Turtle given in byte chunks, skipping comments, IRIs and
 * strings (short and long, with escapes), so a directive written inside a literal is not taken for one. A word is
 * a directive's keyword only at a statement's start, where a valid document has no other bare word; the file is
 * assumed valid (kg's store loads it in Virtuoso's strict mode, which refuses it otherwise).
 */
export class TurtleDirectiveScanner {
  private state = State.Normal;
  private quote = 0;
  private run = 0;
  private escaped = false;
  /** The bytes of the word or directive being read (a word is at most a keyword long). */
  private text: number[] = [];
  /** Whether the last significant byte ended a statement or a directive (or nothing came yet). */
  private atStart = true;
  /** The last byte read in Normal (to tell a statement's final dot from one inside a name or a number). */
  private previous = 0;
  /** Within a language tag (after a literal's @). */
  private langTag = false;
  private readonly found: string[] = [];
  private readonly decoder = new TextDecoder();

  push(chunk: Uint8Array): void {
    // The states most bytes are read in skip ahead here (a gigabyte goes by in about a second); step() does the rest.
    const length = chunk.length;
    let i = 0;
    while (i < length) {
      const state = this.state;
      if (state === State.Iri) {
        const end = chunk.indexOf(GT, i);
        if (end < 0) return;
        this.state = State.Normal;
        i = end + 1;
      } else if (state === State.Comment) {
        let end = chunk.indexOf(NL, i);
        if (end < 0) end = chunk.indexOf(CR, i);
        if (end < 0) return;
        this.state = State.Normal;
        i = end + 1;
      } else if (state === State.Short && !this.escaped) {
        const quote = this.quote;
        while (i < length && chunk[i] !== quote && chunk[i] !== BACKSLASH) i++;
        if (i < length) this.step(chunk[i++]);
      } else if (state === State.Normal && !this.atStart && !this.langTag) {
        // Inside a statement only these bytes change anything but the last byte seen.
        const start = i;
        while (i < length && !special[chunk[i]]) i++;
        if (i > start) this.previous = chunk[i - 1];
        if (i < length) this.step(chunk[i++]);
      } else this.step(chunk[i++]);
    }
  }

  /** The directives in document order, each as its text (e.g. `@prefix ex: <http://example.org/> .`). */
  end(): string[] {
    if (this.state === State.Word) this.endWord(0x20);
    return this.found;
  }

  private step(byte: number): void {
    switch (this.state) {
      case State.Normal:
        return this.normal(byte);
      case State.Comment:
        if (byte === NL || byte === CR) this.state = State.Normal;
        return;
      case State.Iri:
        if (byte === GT) this.state = State.Normal;
        return;
      case State.Quote:
        // One quote seen: a second opens "" (empty) or a long string; anything else is a short string's first byte.
        if (byte === this.quote) this.state = State.Quote2;
        else {
          this.state = State.Short;
          this.step(byte);
        }
        return;
      case State.Quote2:
        if (byte === this.quote) {
          this.state = State.Long;
          this.run = 0;
        } else {
          this.state = State.Normal;
          this.step(byte);
        }
        return;
      case State.Short:
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === this.quote) this.state = State.Normal;
        return;
      case State.Long:
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) {
          this.escaped = true;
          this.run = 0;
        } else if (byte === this.quote) {
          // The grammar lets a long string's content hold at most two quotes in a row, so a third always closes it.
          if (++this.run === 3) this.state = State.Normal;
        } else this.run = 0;
        return;
      case State.Word:
        if (isWordByte(byte)) {
          if (this.text.length <= 8) this.text.push(byte);
          return;
        }
        return this.endWord(byte);
      case State.Dot:
        // A dot between two name characters is inside a prefixed name (ex:a.b) or a decimal (1.5), not an end.
        this.state = State.Normal;
        this.atStart = !isNameByte(byte);
        if (this.atStart) this.step(byte);
        return;
      case State.Directive:
        this.text.push(byte);
        // A directive ends with its IRI (and, for @prefix and @base, a dot read as Normal next).
        if (byte === GT) {
          this.found.push(this.decoder.decode(Uint8Array.from(this.text)));
          this.text = [];
          this.state = State.Normal;
          this.atStart = true;
        }
        return;
    }
  }

  private normal(byte: number): void {
    if (isSpace(byte)) {
      this.previous = byte;
      return;
    }
    if (byte === HASH) {
      this.previous = byte;
      this.state = State.Comment;
      return;
    }
    const wasAtStart = this.atStart;
    const previous = this.previous;
    this.previous = byte;
    this.atStart = false;
    const langTag = this.langTag;
    this.langTag = (langTag && (isWordByte(byte) || byte === 0x2d || (byte >= 0x30 && byte <= 0x39))) || (byte === AT && !wasAtStart);
    if (byte === DOT) {
      // A language tag holds no dot ("x"@en. ends a statement).
      if (isNameByte(previous) && !langTag) this.state = State.Dot;
      else this.atStart = true;
      return;
    }
    if (byte === LT) this.state = State.Iri;
    else if (byte === 0x22 || byte === 0x27) {
      this.quote = byte;
      this.state = State.Quote;
    } else if (wasAtStart && (byte === AT || isWordByte(byte))) {
      this.text = [byte];
      this.state = State.Word;
    }
  }

  private endWord(byte: number): void {
    const word = this.text.length <= 8 ? String.fromCharCode(...this.text) : "";
    this.state = State.Normal;
    // @prefix and @base end at any other byte; a bare PREFIX or BASE only before a space, an IRI or a comment
    // (PREFIX: would be a prefixed name).
    const ends = this.text[0] === AT || isSpace(byte) || byte === LT || byte === HASH;
    if (ends && keyword.test(word)) {
      this.text = [...this.text, byte];
      this.state = State.Directive;
      return;
    }
    this.previous = this.text[this.text.length - 1] ?? 0;
    this.text = [];
    // A word that is not a keyword starts a statement (a prefixed name's own bytes, e.g. its colon, follow).
    this.step(byte);
  }
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === NL || byte === CR;
}

/** Bytes a prefixed name or a number may hold around a dot (PN_CHARS, ':', '%', UTF-8 of other letters). */
function isNameByte(byte: number): boolean {
  return isWordByte(byte) || (byte >= 0x30 && byte <= 0x3a) || byte === 0x5f || byte === 0x2d || byte === 0x25 || byte >= 0x80;
}

function isWordByte(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

/**
 * The prefixes the directives declare, as kg's own loader records them: resolved against the file's base IRI and
 * its @base directives by n3 itself, the first declaration of a name winning, relative namespaces left out.
 */
export function prefixesOfDirectives(directives: readonly string[], baseIRI: string): Record<string, string> {
  const prefixes: Record<string, string> = {};
  // Each directive as its own statement: a SPARQL-style one has no dot, which n3 accepts before the next directive.
  const text = directives.map((directive) => (/^@/.test(directive) ? `${directive} .` : directive)).join("\n");
  new Parser({ baseIRI, format: "text/turtle" }).parse(text, null, (name, iri) => {
    if (!(name in prefixes) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(iri.value)) prefixes[name] = iri.value;
  });
  return prefixes;
}
