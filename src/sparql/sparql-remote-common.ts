// What the remote queries share: their options, IRI lists, the label predicates they read, accent-folding REGEX patterns, filters, and code-point order.
import { defaultProjection } from "../graph/projection-config.ts";
import { iriRef, regexEscape } from "./sparql-query.ts";

export interface RemoteOptions {
  signal?: AbortSignal;
  /** Rows per query page (LIMIT); default 1000. */
  pageSize?: number;
  /** Nodes named in one query (its VALUES block); default 40. */
  batchSize?: number;
  /** Most rows fetched for one answer; when reached, the answer is marked truncated; default 50 000. */
  maxRows?: number;
  /** Told the rows fetched so far for the answer, after each page: a walk at a hub takes seconds. */
  onRows?: (rows: number) => void;
}

export const iris = (list: Iterable<string>) => [...list].map(iriRef).join(" ");
export const labelPredicates = [...defaultProjection.labelPredicates];
export const altLabelPredicates = [...defaultProjection.altLabelPredicates];

/** Accented forms of Latin letters, so a typed "mazarron" (or "Mazarrón") finds "Mazarrón" as the local search does. */
const accentedForms: Readonly<Record<string, string>> = {
  a: "àáâãäåāăą", c: "çćčĉċ", d: "ďđ", e: "èéêëēĕėęě", g: "ğĝġģ", i: "ìíîïīĭįı", l: "łľĺļ", n: "ñńňņ",
  o: "òóôõöøōŏő", r: "řŕŗ", s: "śšşŝș", t: "ťţț", u: "ùúûüūŭůűų", y: "ýÿŷ", z: "źżž",
};

/**
 * A REGEX pattern for `text` that ignores accents: each letter becomes a class of its accented forms (case is left
 * to the "i" flag). Applied to the literal itself, never to STR(?m): Virtuoso's case-insensitive REGEX over STR()
 * misses non-ASCII letters (openlink/virtuoso-opensource#705), over the literal it does not; Oxigraph answers both.
 */
export function foldedPattern(text: string): string {
  let out = "";
  for (const ch of text) {
    const base = ch.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
    const forms = base.length === 1 && Object.hasOwn(accentedForms, base) ? accentedForms[base] : undefined;
    out += forms ? `[${base}${forms}]` : regexEscape(ch);
  }
  return out;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Filters whose values are all absent from the fetched part must match nothing, not (as an empty list would) everything. */
export function noneMatches(ids: number[]): number[] {
  return ids.length > 0 && ids.every((id) => id < 0) ? [-1] : ids.filter((id) => id >= 0);
}
