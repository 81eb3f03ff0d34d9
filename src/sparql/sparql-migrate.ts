// Old predicate IRIs in a SPARQL query (ontology/migration.ttl) also match what replaced them: kg:donatesTo becomes (kg:donatesTo|kg:suppliesTo).
import type { Replacement } from "../query/replacements.ts";

/** An old predicate the query named, and what the rewritten query also matches. */
export interface RenamedPredicate {
  old: string;
  current: string;
  /** The current predicate runs the other way (`A kg:includes B` is `B kg:isPartOf A`). */
  inverse: boolean;
}

/** Rewrites query text; the text comes back unchanged (and `renamed` empty) when it names no old predicate. */
export type SparqlMigrator = (query: string) => { query: string; renamed: RenamedPredicate[] };

// The parts of the sparqljs syntax tree the rewrite walks (sparqljs ships no types).
interface Term { termType?: string; value?: string; type?: string; pathType?: string; items?: Term[] }
interface Triple { subject: Term; predicate: Term; object: Term }
interface Pattern { type: string; triples?: Triple[]; patterns?: Pattern[]; where?: Pattern[]; expression?: Expression }
interface Expression { type?: string; operator?: string; args?: unknown[] }
interface ParsedQuery { type?: string; where?: Pattern[]; template?: Triple[]; prefixes?: Record<string, string> }
interface SparqljsModule {
  Parser: new (options: object) => { parse(text: string): ParsedQuery };
  Generator: new (options?: object) => { stringify(query: ParsedQuery): string };
}

const unchanged = (query: string) => ({ query, renamed: [] });

/**
 * A migrator for the data's replacement map (old IRI → current term). Why a path and not the new IRI alone: data
 * that still states the old predicate (a file written before the rename) keeps matching, and the new data matches too.
 * Predicates of the WHERE clause become paths, of a CONSTRUCT template the current term; an old IRI as a value
 * (`VALUES ?p { kg:donatesTo }`, a FILTER) is the user's to mean. Loads sparqljs only when the map is not empty.
 */
export async function loadSparqlMigrator(replaced: Readonly<Record<string, Replacement>>): Promise<SparqlMigrator> {
  const olds = Object.keys(replaced);
  if (olds.length === 0) return unchanged;
  const mod = (await import("sparqljs")) as unknown as Partial<SparqljsModule> & { default?: Partial<SparqljsModule> };
  const Parser = mod.Parser ?? mod.default?.Parser;
  const Generator = mod.Generator ?? mod.default?.Generator;
  if (typeof Parser !== "function" || typeof Generator !== "function") return unchanged;
  // A cheap test first: the query cannot name an old IRI whose local name it does not contain.
  const locals = olds.map((iri) => iri.slice(Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/")) + 1)).filter((local) => local !== "");
  return (query) => {
    if (!locals.some((local) => query.includes(local))) return unchanged(query);
    let parsed: ParsedQuery;
    try {
      parsed = new Parser({ skipValidation: true, sparqlStar: true }).parse(query);
    } catch {
      return unchanged(query); // the engine reports the error, placed in the text as written
    }
    if (parsed.type !== "query" || !parsed.where) return unchanged(query);
    const renamed = new Map<string, RenamedPredicate>();
    const predicate = (term: Term): Term => {
      if (term.type === "path") return { ...term, items: (term.items ?? []).map(predicate) };
      const replacement = term.termType === "NamedNode" && term.value !== undefined ? replaced[term.value] : undefined;
      if (!replacement || term.value === undefined) return term;
      renamed.set(term.value, { old: term.value, current: replacement.iri, inverse: replacement.inverse });
      const current: Term = { termType: "NamedNode", value: replacement.iri };
      return { type: "path", pathType: "|", items: [term, replacement.inverse ? { type: "path", pathType: "^", items: [current] } : current] };
    };
    parsed.where = rewritePatterns(parsed.where, predicate);
    if (renamed.size === 0) return unchanged(query);
    // A CONSTRUCT states what it found in current terms: a template cannot hold a path, and the old name stated of a
    // relation found under the new one would claim what the data does not say.
    if (parsed.template) parsed.template = parsed.template.map((t) => currentTriple(t, replaced));
    return { query: new Generator({ prefixes: parsed.prefixes ?? {} }).stringify(parsed), renamed: [...renamed.values()] };
  };
}

function currentTriple(t: Triple, replaced: Readonly<Record<string, Replacement>>): Triple {
  const replacement = t.predicate.termType === "NamedNode" && t.predicate.value !== undefined ? replaced[t.predicate.value] : undefined;
  if (!replacement) return t;
  const current: Term = { termType: "NamedNode", value: replacement.iri };
  return replacement.inverse ? { subject: t.object, predicate: current, object: t.subject } : { ...t, predicate: current };
}

/** New pattern objects with predicates rewritten (never mutated: a CONSTRUCT WHERE shares its triples with the template). */
function rewritePatterns(patterns: Pattern[], predicate: (term: Term) => Term): Pattern[] {
  return patterns.map((pattern) => {
    const next: Pattern = { ...pattern };
    if (pattern.triples) next.triples = pattern.triples.map((t) => ({ ...t, predicate: predicate(t.predicate) }));
    if (pattern.patterns) next.patterns = rewritePatterns(pattern.patterns, predicate);
    if (pattern.type === "query" && pattern.where) next.where = rewritePatterns(pattern.where, predicate);
    if (pattern.expression) next.expression = rewriteExpression(pattern.expression, predicate);
    return next;
  });
}

/** FILTER EXISTS / NOT EXISTS hold patterns inside expressions. */
function rewriteExpression(expression: Expression, predicate: (term: Term) => Term): Expression {
  if (expression.type !== "operation" || !Array.isArray(expression.args)) return expression;
  const exists = expression.operator === "exists" || expression.operator === "notexists";
  return {
    ...expression,
    args: expression.args.map((arg) =>
      exists ? rewritePatterns([arg as Pattern], predicate)[0] : typeof arg === "object" && arg !== null ? rewriteExpression(arg as Expression, predicate) : arg),
  };
}

/** What to tell the user, one line per renamed predicate, with the data's CURIEs. */
export function renamedNotes(renamed: readonly RenamedPredicate[], short: (iri: string) => string): string[] {
  return renamed.map(({ old, current, inverse }) =>
    `query/sparql: ${short(old)} is an old name (ontology/migration.ttl), replaced by ${short(current)}${inverse ? " with subject and object swapped" : ""}; the query matched either (${short(old)}|${inverse ? "^" : ""}${short(current)})`);
}
