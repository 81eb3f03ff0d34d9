// Makes an n3 parser that has no absolute base refuse each relative IRI where it reads it, so a load never holds one.
import type { Parser } from "n3";
import { isAbsoluteIri } from "./iri.ts";

interface ParserInternals {
  _prefix: string;
  _prefixes: Record<string, string | undefined>;
  _resolveRelativeIRI(iri: string): string | null;
  _readPrefixIRI(token: unknown): unknown;
  _readBaseIRI(token: unknown): unknown;
}

/**
 * Only a relative IRIREF goes through n3's `_resolveRelativeIRI`, so the absolute IRIs that make up nearly all of
 * a document cost nothing here. A null from it makes n3 report "Invalid IRI" at that token. A namespace may be
 * relative (`@prefix : <#>`, and `@base` too): the prefix is then dropped, so each of its prefixed names fails as
 * an undefined prefix, at its place; the map returned (prefix to namespace) lets the message say why.
 */
export function refuseRelativeIris(parser: Parser): ReadonlyMap<string, string> {
  const internals = parser as unknown as ParserInternals;
  const relativePrefixes = new Map<string, string>();
  const { _resolveRelativeIRI: resolveRelative, _readPrefixIRI: readPrefixIRI, _readBaseIRI: readBaseIRI } = internals;
  // Should n3 rename these internals, the writers (serialize-terms.ts iriRef) still refuse a relative IRI.
  if (typeof resolveRelative !== "function" || typeof readPrefixIRI !== "function" || typeof readBaseIRI !== "function") return relativePrefixes;
  let declaring = false;
  const declaration = (read: (token: unknown) => unknown) =>
    function (this: ParserInternals, token: unknown): unknown {
      declaring = true;
      try {
        return read.call(this, token);
      } finally {
        declaring = false;
      }
    };
  internals._resolveRelativeIRI = function (this: ParserInternals, iri: string) {
    const resolved = resolveRelative.call(this, iri);
    return declaring || resolved === null || isAbsoluteIri(resolved) ? resolved : null;
  };
  internals._readBaseIRI = declaration(readBaseIRI);
  const readPrefix = declaration(readPrefixIRI);
  internals._readPrefixIRI = function (this: ParserInternals, token: unknown) {
    const next = readPrefix.call(this, token);
    const namespace = this._prefixes[this._prefix];
    if (namespace !== undefined && !isAbsoluteIri(namespace)) {
      relativePrefixes.set(this._prefix, namespace);
      delete this._prefixes[this._prefix];
    } else relativePrefixes.delete(this._prefix);
    return next;
  };
  return relativePrefixes;
}
