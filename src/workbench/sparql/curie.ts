// IRIs shortened with the data's prefixes, for result tables.

/** The shortest `prefix:local` for an IRI, when the local part is a plain name; undefined otherwise. */
export function curie(iri: string, prefixes: Readonly<Record<string, string>>): string | undefined {
  let best: string | undefined;
  for (const [name, namespace] of Object.entries(prefixes)) {
    if (namespace === "" || !iri.startsWith(namespace)) continue;
    const local = iri.slice(namespace.length);
    if (!/^([A-Za-z0-9_]([\w.-]*[\w-])?)?$/.test(local)) continue;
    const candidate = `${name}:${local}`;
    if (best === undefined || candidate.length < best.length) best = candidate;
  }
  return best;
}
