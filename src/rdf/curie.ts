// IRIs as CURIEs (`kg:suppliesTo`) under a prefix map: the one home for shortening IRIs in messages, tables and output.

/** A local part that reads back as the same IRI in Turtle and SPARQL (no trailing dot, no punctuation). */
const plainLocal = /^([A-Za-z0-9_]([\w.-]*[\w-])?)?$/;

/** The shortest `prefix:local` for an IRI under one of the prefixes (the longest namespace), else undefined. */
export function curieOrUndefined(iri: string, prefixes: Readonly<Record<string, string>>): string | undefined {
  let best: string | undefined;
  for (const [name, namespace] of Object.entries(prefixes)) {
    if (namespace === "" || !iri.startsWith(namespace)) continue;
    const local = iri.slice(namespace.length);
    if (!plainLocal.test(local)) continue;
    const candidate = `${name}:${local}`;
    if (best === undefined || candidate.length < best.length) best = candidate;
  }
  return best;
}

/** `prefix:local` for an IRI, else `<iri>`; a blank node's `_:label` stays as it is. */
export function curie(iri: string, prefixes: Readonly<Record<string, string>>): string {
  if (iri.startsWith("_:")) return iri;
  return curieOrUndefined(iri, prefixes) ?? `<${iri}>`;
}
