// Whether an IRI is absolute (has a scheme): the only kind N-Triples, N-Quads and this project's exports may hold.

const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** True for an IRI that starts with a scheme (RFC 3987 `scheme ":"`), such as `http:`, `file:` or `urn:`. */
export function isAbsoluteIri(iri: string): boolean {
  return scheme.test(iri);
}
