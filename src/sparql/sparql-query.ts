// SPARQL query text helpers shared by the embedded engine and the endpoint client: prefixes, limits, escaping (the form is sparql-form.ts's).

/** The query with comments, IRIs and string literals blanked out, so keyword tests do not look inside them. */
function skeleton(query: string): string {
  // One pass, so a "#" inside an IRI or a string is not taken for a comment (and a quote in a comment for a string).
  return query.replace(
    /("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|#[^\n]*)/g,
    (match) => (match.startsWith("#") ? " " : match.startsWith("<") ? "<>" : '""'),
  );
}

/** The prefix names the query declares with PREFIX. */
export function declaredPrefixes(query: string): Set<string> {
  const names = new Set<string>();
  for (const match of skeleton(query).matchAll(/\bPREFIX\s+([A-Za-z][\w.-]*)?:/gi)) names.add(match[1] ?? "");
  return names;
}

/**
 * The query with `PREFIX` lines for the given prefixes that it uses (`name:` outside IRIs and strings) but does
 * not declare, so people can write `kgr:huawei` against the data's own prefixes.
 */
export function withPrefixes(query: string, prefixes: Readonly<Record<string, string>>): string {
  const declared = declaredPrefixes(query);
  const body = skeleton(query);
  const lines: string[] = [];
  for (const [name, iri] of Object.entries(prefixes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (declared.has(name) || !/^[A-Za-z][\w.-]*$/.test(name)) continue;
    const used = new RegExp(`(^|[^\\w.:?$-])${name.replace(/[.-]/g, "\\$&")}:`).test(body);
    if (used) lines.push(`PREFIX ${name}: <${iri}>`);
  }
  return lines.length === 0 ? query : `${lines.join("\n")}\n${query}`;
}

/** Whether the query already bounds its solutions (LIMIT anywhere outside strings and IRIs). */
export function hasLimit(query: string): boolean {
  return /\bLIMIT\s+\d+/i.test(skeleton(query));
}

/**
 * Whether the query's own (outermost) SELECT aggregates with no GROUP BY anywhere: its answer is one row at most.
 * Conservative: a GROUP BY in a subquery counts.
 */
function aggregatesToOneRow(body: string): boolean {
  const projection = /\bSELECT\b([^{]*?)(?:\bWHERE\b|\{)/i.exec(body)?.[1] ?? "";
  return /\b(COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(/i.test(projection) && !/\bGROUP\s+BY\b/i.test(body);
}

/**
 * A SELECT query (the caller knows the form) bounded to `rows` solutions, when it has no LIMIT and ends in a group
 * or a solution modifier (not in a trailing VALUES block, where a LIMIT would be a syntax error); otherwise unchanged.
 * An aggregate with no GROUP BY (one row) is left unbounded: Virtuoso 7 applies such a LIMIT to each branch of a
 * UNION before it counts (COUNT(*) over 128,219 matches answered 10 with LIMIT 5, 2,002 with kg's LIMIT 1001).
 */
export function limitSelect(query: string, rows: number): string {
  const body = skeleton(query).trimEnd();
  if (hasLimit(query) || aggregatesToOneRow(body)) return query;
  if (/\bVALUES\b[^{}]*\{[^{}]*\}$/i.test(body)) return query;
  return `${query.trimEnd()}\nLIMIT ${rows}`;
}

/** An IRI as a SPARQL IRI reference; throws when it cannot be written as one (so no query is built from it). */
export function iriRef(iri: string): string {
  if (/[\u0000-\u0020<>"{}|^`\\]/.test(iri)) throw new RangeError(`query/sparql: ${JSON.stringify(iri)} cannot be written as a SPARQL IRI`);
  return `<${iri}>`;
}

/** A string as a SPARQL string literal. */
export function stringLiteral(text: string): string {
  return `"${text.replace(/[\\"\n\r\t]/g, (c) => ({ "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] as string)}"`;
}

/** Text to match literally inside a SPARQL REGEX pattern (the pattern is then written with stringLiteral). */
export function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
