// How the SPARQL panel shows a SELECT's rows (IRIs as links that reveal their node, literals with language or datatype), a graph answer's Turtle and how big an answer was.
import { h } from "../dom.ts";
import type { QueryAnswerView, TermView } from "./protocol.ts";

/** The rows as a table under a count that says when they were cut at `maxRows`. */
export function resultsTable(answer: Extract<QueryAnswerView, { form: "select" }>, maxRows: number, prefixes: Readonly<Record<string, string>>, reveal: (iri: string) => void): HTMLElement {
  const { vars, rows, truncated } = answer;
  return h(
    "div",
    {},
    h("p", { class: "muted", id: "sparql-row-count" }, `${rows.length} row${rows.length === 1 ? "" : "s"}${truncated ? ` (cut at ${maxRows}: add LIMIT/OFFSET to page)` : ""}`),
    h(
      "table",
      { class: "sparql-table" },
      h("thead", {}, h("tr", {}, ...vars.map((v) => h("th", {}, `?${v}`)))),
      h("tbody", {}, ...rows.map((row) => h("tr", {}, ...vars.map((v) => h("td", {}, row[v] ? termCell(row[v], prefixes, reveal) : ""))))),
    ),
  );
}

function termCell(term: TermView, prefixes: Readonly<Record<string, string>>, reveal: (iri: string) => void): Node {
  if (term.type === "uri") {
    return h("button", { class: "link sparql-iri", title: term.value, dataset: { iri: term.value }, on: { click: () => reveal(term.value) } }, term.curie ?? `<${term.value}>`);
  }
  if (term.type === "literal") {
    const suffix = term.language ? `@${term.language}` : term.datatype && !term.datatype.endsWith("#string") ? ` ^^${shortDatatype(term.datatype, prefixes)}` : "";
    return h("span", { class: "sparql-literal" }, term.value, suffix ? h("span", { class: "muted" }, suffix) : null);
  }
  return h("span", { class: "muted" }, term.type === "bnode" ? `_:${term.value}` : term.value);
}

/** How big an answer was, as a session keeps it: rows, 1/0 for ASK, or triples. */
export function answerSize(answer: QueryAnswerView): number {
  if (answer.form === "ask") return answer.value ? 1 : 0;
  if (answer.form === "select") return answer.rows.length;
  return answer.triples;
}

function shortDatatype(iri: string, prefixes: Readonly<Record<string, string>>): string {
  for (const [name, namespace] of Object.entries(prefixes)) if (iri.startsWith(namespace)) return `${name}:${iri.slice(namespace.length)}`;
  return `<${iri}>`;
}

/** The first `max` characters of the pieces, with … when there is more: never the whole answer as one string. */
export function preview(parts: readonly string[], max: number): string {
  let shown = "";
  for (const part of parts) {
    if (shown.length + part.length > max) return `${shown}${part.slice(0, max - shown.length)}\n…`;
    shown += part;
  }
  return shown;
}
