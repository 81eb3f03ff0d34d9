// Writes single terms in Turtle and N-Triples syntax: escaping, prefixed names and literal shorthands, each checked to re-parse to the same term.
import { prefixes as wellKnownPrefixes, rdf, xsd } from "./vocab.ts";
import { isAbsoluteIri } from "./iri.ts";

/** A term that no RDF syntax can carry (a lone surrogate, an invalid language tag): nothing is written. */
export class RdfWriteError extends Error {
  constructor(detail: string) {
    super(`rdf/write: ${detail}`);
    this.name = "RdfWriteError";
  }
}

// Characters IRIREF forbids (and the backslash), tested once per IRI before any replacing.
const IRI_NEEDS_ESCAPE = /[\x00-\x20<>"{}|^`\\]/;
const IRI_ESCAPABLE = /[\x00-\x20<>"{}|^`\\]/g;
// Quotes, backslashes and controls must be escaped in a quoted string; lone surrogates cannot be written at all.
const STRING_NEEDS_ESCAPE = /["\\\x00-\x1f\x7f]|[\ud800-\udfff]/u;
const STRING_ESCAPABLE = /["\\\x00-\x1f\x7f]|[\ud800-\udfff]/gu;
const echars: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

function uchar(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * `<iri>` with the characters IRIREF forbids written as `\u` escapes (the Turtle and N-Triples rule). A relative
 * IRI is refused: N-Triples cannot hold one, and in Turtle it would mean another IRI wherever the text is read.
 */
export function iriRef(iri: string): string {
  if (!isAbsoluteIri(iri)) throw new RdfWriteError(`relative IRI <${iri.length > 60 ? `${iri.slice(0, 60)}…` : iri}> cannot be written: exports hold absolute IRIs only (load the data with an absolute base IRI)`);
  return IRI_NEEDS_ESCAPE.test(iri) ? `<${iri.replace(IRI_ESCAPABLE, uchar)}>` : `<${iri}>`;
}

/** `"lexical"` with quotes, backslashes and control characters escaped. */
export function quotedString(lexical: string): string {
  if (!STRING_NEEDS_ESCAPE.test(lexical)) return `"${lexical}"`;
  return `"${lexical.replace(STRING_ESCAPABLE, (char) => {
    if (char.length === 1 && char.charCodeAt(0) >= 0xd800 && char.charCodeAt(0) <= 0xdfff) {
      throw new RdfWriteError(`a literal holds a lone surrogate (U+${char.charCodeAt(0).toString(16).toUpperCase()}), which no RDF syntax can carry`);
    }
    return echars[char] ?? uchar(char);
  })}"`;
}

// BCP 47 shape as Turtle's LANGTAG allows it, plus an RDF 1.2 base direction.
const LANGUAGE_TAG = /^[a-zA-Z]+(-[a-zA-Z0-9]+)*(--(ltr|rtl))?$/;

/** Splits an n3 literal key (`"lex"`, `"lex"@lang`, `"lex"^^datatype`) into its parts. */
export function literalParts(key: string): { lexical: string; language: string; datatype: string } {
  const close = key.lastIndexOf('"');
  const lexical = key.substring(1, close);
  if (close === key.length - 1) return { lexical, language: "", datatype: xsd.string };
  if (key.charCodeAt(close + 1) === 64 /* @ */) {
    const language = key.substring(close + 2);
    if (!LANGUAGE_TAG.test(language)) throw new RdfWriteError(`invalid language tag "${language}" on literal ${JSON.stringify(lexical.slice(0, 40))}`);
    return { lexical, language, datatype: rdf.langString };
  }
  return { lexical, language: "", datatype: key.substring(close + 3) };
}

/** A literal in N-Triples syntax. */
export function ntriplesLiteral(key: string): string {
  const { lexical, language, datatype } = literalParts(key);
  if (language) return `${quotedString(lexical)}@${language}`;
  if (datatype === xsd.string) return quotedString(lexical);
  return `${quotedString(lexical)}^^${iriRef(datatype)}`;
}

// Lexical forms that Turtle's bare INTEGER / DECIMAL / DOUBLE / boolean tokens read back unchanged.
// Deliberately narrower than the grammar (no "1.", no ".5"), since some parsers stumble on those forms.
const shorthand: Record<string, RegExp> = {
  [xsd.integer]: /^[+-]?[0-9]+$/,
  [xsd.decimal]: /^[+-]?[0-9]+\.[0-9]+$/,
  [xsd.double]: /^[+-]?([0-9]+(\.[0-9]+)?|\.[0-9]+)[eE][+-]?[0-9]+$/,
  [xsd.boolean]: /^(true|false)$/,
};

/** A literal in Turtle syntax: a bare number or boolean when its lexical form is exactly such a token. */
export function turtleLiteral(key: string, iri: (iri: string) => string): string {
  const { lexical, language, datatype } = literalParts(key);
  if (language) return `${quotedString(lexical)}@${language}`;
  if (datatype === xsd.string) return quotedString(lexical);
  const bare = shorthand[datatype];
  if (bare !== undefined && bare.test(lexical)) return lexical;
  return `${quotedString(lexical)}^^${iri(datatype)}`;
}

// Turtle's PN_PREFIX, to tell a caller's prefix name that no Turtle can declare from one we merely do not use.
const PN_CHARS_BASE = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}";
const PN_CHARS = `${PN_CHARS_BASE}_\\-0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const PN_PREFIX = new RegExp(`^([${PN_CHARS_BASE}]([${PN_CHARS}.]*[${PN_CHARS}])?)?$`, "u");
// Conservative PN_PREFIX and PN_LOCAL (ASCII only, no escapes, no ':' or '%'): what every Turtle parser reads.
const SAFE_PREFIX = /^([A-Za-z]([A-Za-z0-9_-]*)?)?$/;
const SAFE_LOCAL = /^([A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?$/;

/** Chooses prefixed names for IRIs and remembers which prefixes were used, so only those are declared. */
export class PrefixCompactor {
  private readonly nameByNamespace = new Map<string, string>();
  /** Namespaces by length, longest first, for IRIs the fast split does not find. */
  private readonly namespaces: string[];
  readonly used = new Set<string>();

  /**
   * `strict` (prefixes a caller chose) rejects a name or namespace no Turtle can declare; otherwise (prefixes
   * collected from input files) such entries are skipped, since the output is still correct without them.
   */
  constructor(prefixes: Readonly<Record<string, string>>, strict = false) {
    for (const [name, namespace] of Object.entries(prefixes)) {
      if (strict && !PN_PREFIX.test(name)) throw new RdfWriteError(`"${name}" is not a Turtle prefix name (a letter, then letters, digits, "-", "_" or inner ".")`);
      if (strict && (namespace === "" || IRI_NEEDS_ESCAPE.test(namespace))) {
        throw new RdfWriteError(`prefix "${name}:" has the namespace "${namespace}", which is empty or holds characters an IRI cannot`);
      }
      // Valid but unusual names (non-ASCII, inner dots) are left unused: the IRIs are then written in full.
      if (!SAFE_PREFIX.test(name) || namespace === "" || IRI_NEEDS_ESCAPE.test(namespace)) continue;
      const existing = this.nameByNamespace.get(namespace);
      // Two names for one namespace: the shorter (then alphabetically first) wins, whatever the input order.
      if (existing === undefined || name.length < existing.length || (name.length === existing.length && name < existing)) {
        this.nameByNamespace.set(namespace, name);
      }
    }
    this.namespaces = [...this.nameByNamespace.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** `prefix:local` when a declared namespace starts the IRI and the rest is a safe local name, else `<iri>`. */
  compact(iri: string): string {
    const cut = Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/")) + 1;
    if (cut > 0) {
      const name = this.nameByNamespace.get(iri.substring(0, cut));
      if (name !== undefined && SAFE_LOCAL.test(iri.substring(cut))) return this.use(name, iri.substring(cut));
    }
    for (const namespace of this.namespaces) {
      if (iri.length >= namespace.length && iri.startsWith(namespace) && SAFE_LOCAL.test(iri.substring(namespace.length))) {
        return this.use(this.nameByNamespace.get(namespace)!, iri.substring(namespace.length));
      }
    }
    return iriRef(iri);
  }

  private use(name: string, local: string): string {
    this.used.add(name);
    return `${name}:${local}`;
  }

  /** `@prefix` lines for the prefixes used so far, sorted by name. */
  declarations(): string {
    const lines: string[] = [];
    const namespaceByName = new Map<string, string>();
    for (const [namespace, name] of this.nameByNamespace) namespaceByName.set(name, namespace);
    for (const name of [...this.used].sort()) lines.push(`@prefix ${name}: ${iriRef(namespaceByName.get(name)!)} .\n`);
    return lines.join("");
  }
}

/** The prefixes a writer offers by default: the project's well-known ones, overridden by the dataset's own. */
export function defaultPrefixes(datasetPrefixes: Readonly<Record<string, string>>): Record<string, string> {
  return { ...wellKnownPrefixes, ...datasetPrefixes };
}
