// Whether an IRI is absolute (has a scheme): the only kind N-Triples, N-Quads and this project's exports may hold.

const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** True for an IRI that starts with a scheme (RFC 3987 `scheme ":"`), such as `http:`, `file:` or `urn:`. */
export function isAbsoluteIri(iri: string): boolean {
  return scheme.test(iri);
}

/**
 * A web address as a base IRI for what was read from it: without user-info, query and fragment, since those may
 * carry credentials (an API key) that resolving `<#x>` against the full address would copy into the data.
 */
export function baseIriOfUrl(url: string): string {
  const address = new URL(url);
  return `${address.protocol}//${address.host}${address.pathname}`;
}
