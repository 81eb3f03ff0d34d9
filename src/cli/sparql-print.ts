// kg sparql's answer printed: SELECT as a table, SPARQL JSON or CSV, ASK as true/false, CONSTRUCT/DESCRIBE as Turtle.
import { print, printJson, warn } from "./command.ts";
import { UsageError } from "./args.ts";
import type { SelectResult, SparqlAnswer, SparqlTermJson } from "../sparql/sparql-endpoint.ts";

export const sparqlFormats = ["table", "json", "csv", "turtle"] as const;
export type SparqlFormat = (typeof sparqlFormats)[number];

/** Prints an answer in the format asked; SELECT rows beyond `limit` were cut by the caller (`truncated`). */
export async function printAnswer(answer: SparqlAnswer, format: SparqlFormat | undefined, limit: number, dataPrefixes: Readonly<Record<string, string>>, baseIRI?: string): Promise<void> {
  const { prefixes } = await import("../rdf/vocab.ts");
  const allPrefixes = { ...prefixes, ...dataPrefixes };
  if (answer.form === "ask") {
    if (format === "turtle") throw new UsageError("kg sparql: ASK answers true or false: use --format table (default) or json", "sparql");
    if (format === "json") printJson({ head: {}, boolean: answer.value });
    else print(String(answer.value));
    return;
  }
  if (answer.form === "select") {
    if (format === "turtle") throw new UsageError("kg sparql: SELECT gives rows, not a graph: use --format table, json or csv (or a CONSTRUCT query for Turtle)", "sparql");
    const { result } = answer;
    if (format === "json") printJson({ head: { vars: result.vars }, results: { bindings: result.bindings } });
    else if (format === "csv") process.stdout.write(csv(result));
    else print(await selectTable(result, allPrefixes));
    if (result.truncated) warn(`kg sparql: showing the first ${limit} rows; there are more (raise --limit or add LIMIT/OFFSET to the query)`);
    return;
  }
  if (format !== undefined && format !== "turtle") {
    throw new UsageError(`kg sparql: ${answer.form.toUpperCase()} gives a graph: use --format turtle (the default)`, "sparql");
  }
  const [{ loadDataset }, { writeTurtle }] = await Promise.all([import("../rdf/parse.ts"), import("../rdf/serialize.ts")]);
  if (!/(n-triples|turtle|text\/plain|^$)/.test(answer.contentType)) {
    const { SparqlEndpointError } = await import("../sparql/sparql-endpoint.ts");
    throw new SparqlEndpointError(`query/sparql: malformed answer from ${baseIRI ?? "the engine"}: the graph came as ${answer.contentType}, which kg cannot read (it asks for N-Triples or Turtle)`, "malformed", baseIRI ?? "the endpoint");
  }
  // An endpoint's Turtle may hold relative IRIs: they resolve against the endpoint's URL (its answer's location).
  const graph = await loadDataset([{ name: "the query's answer", text: answer.text, format: "turtle", baseIRI }]);
  print(writeTurtle(graph, { prefixes: allPrefixes }));
}

function termText(term: SparqlTermJson | undefined, prefixes: Readonly<Record<string, string>>, curie: (iri: string, p: Readonly<Record<string, string>>) => string): string {
  if (term === undefined) return "";
  if (term.type === "uri") return curie(term.value, prefixes);
  if (term.type === "bnode") return `_:${term.value}`;
  const lang = term["xml:lang"];
  return lang ? `${term.value} @${lang}` : term.value;
}

async function selectTable(result: SelectResult, prefixes: Readonly<Record<string, string>>): Promise<string> {
  if (result.bindings.length === 0) return `No results (variables: ${result.vars.map((v) => `?${v}`).join(" ") || "none"}).`;
  const { curie, table } = await import("./format.ts");
  const flat = (text: string) => text.replace(/\s+/g, " ");
  const rows = result.bindings.map((row) => result.vars.map((v) => flat(termText(row[v], prefixes, curie))));
  const header = result.vars.map((v) => `?${v}`);
  const rule = header.map((h, i) => "-".repeat(Math.max(h.length, ...rows.map((row) => [...row[i]].length))));
  const count = `${result.bindings.length} row${result.bindings.length === 1 ? "" : "s"}`;
  return `${table([header, rule, ...rows], "")}\n${count}`;
}

/** SPARQL 1.1 CSV results: IRIs and lexical forms, blank nodes as _:label, quoted when needed, CRLF lines. */
export function csv(result: SelectResult): string {
  const cell = (term: SparqlTermJson | undefined) => {
    const text = term === undefined ? "" : term.type === "bnode" ? `_:${term.value}` : term.value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [result.vars.join(","), ...result.bindings.map((row) => result.vars.map((v) => cell(row[v])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
