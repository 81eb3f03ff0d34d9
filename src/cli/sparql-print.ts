// kg sparql's answer printed: SELECT as a table, SPARQL JSON or CSV, ASK as true/false, CONSTRUCT/DESCRIBE as Turtle or N-Triples.
import { printChunks, warn } from "./command.ts";
import { UsageError } from "./args.ts";
import type { GraphStream, SelectResult, SelectStream, SparqlAnswer, SparqlBinding, SparqlTermJson } from "../sparql/sparql-endpoint.ts";
import { SparqlEndpointError } from "../sparql/sparql-answer.ts";
import { csvRow, standardTerms } from "./sparql-select-stream.ts";

export const sparqlFormats = ["table", "json", "csv", "turtle", "ntriples"] as const;
export type SparqlFormat = (typeof sparqlFormats)[number];

const formatOfExtension: Record<string, SparqlFormat | undefined> = { csv: "csv", json: "json", ttl: "turtle", nt: "ntriples" };

/**
 * Prints an answer in the format asked, or writes it to the -o file `output` (all or nothing); SELECT rows beyond
 * `limit` were cut by the caller (`truncated`). A graph or rows from an endpoint (GraphStream, SelectStream) are
 * written as they arrive (a table's rows gathered first, to align them), with `stopReason` saying why it stopped
 * when the caller stopped it. Returns the exit code.
 */
export async function printAnswer(answer: SparqlAnswer | GraphStream | SelectStream, format: SparqlFormat | undefined, limit: number, dataPrefixes: Readonly<Record<string, string>>, baseIRI?: string, output?: string, stopReason?: () => string | undefined): Promise<number> {
  const { prefixes } = await import("../rdf/vocab.ts");
  const allPrefixes = { ...prefixes, ...dataPrefixes };
  // As kg export's and kg path's -o: the file's extension chooses when --format is not given.
  format ??= formatOfExtension[/\.([a-z]+)$/i.exec(output ?? "")?.[1].toLowerCase() ?? ""];
  if ("chunks" in answer) {
    try {
      const graphFormat = await checkGraphAnswer(answer, format, baseIRI);
      const { printGraphStream } = await import("./sparql-graph-stream.ts");
      return await printGraphStream(answer, { format: graphFormat, prefixes: allPrefixes, source: baseIRI ?? "the endpoint", baseIRI, output, stopReason });
    } finally {
      answer.cancel();
    }
  }
  if ("rows" in answer) {
    if (format === "json" || format === "csv") {
      const { printSelectStream } = await import("./sparql-select-stream.ts");
      return await printSelectStream(answer, { format, limit, output, stopReason });
    }
    answer = await gatherRows(answer, stopReason);
  }
  const { writeAnswer } = await import("./query-output.ts");
  if (answer.form === "ask") {
    if (format === "turtle" || format === "ntriples") throw new UsageError("kg sparql: ASK answers true or false: use --format table (default) or json", "sparql");
    return await writeAnswer(format === "json" ? JSON.stringify({ head: {}, boolean: answer.value }, null, 2) : String(answer.value), output, "kg sparql");
  }
  if (answer.form === "select") {
    if (format === "turtle" || format === "ntriples") throw new UsageError("kg sparql: SELECT gives rows, not a graph: use --format table, json or csv (or a CONSTRUCT query for Turtle or N-Triples)", "sparql");
    const { result } = answer;
    let failed: number;
    if (format === "json") failed = await writeAnswer(JSON.stringify({ head: { vars: result.vars }, results: { bindings: result.bindings.map(standardTerms) } }, null, 2), output, "kg sparql");
    // Not through print, which would escape CSV's CRLF line ends as it does control characters for a terminal.
    else if (format === "csv") failed = output === undefined ? writeStdout(csv(result)) : await (await import("./output-file.ts")).writeOutput(output, csv(result), "kg sparql");
    else failed = await writeAnswer(await selectTable(result, allPrefixes), output, "kg sparql");
    if (result.truncated) warn(`kg sparql: showing the first ${limit} rows; there are more (raise --limit or add LIMIT/OFFSET to the query)`);
    return failed;
  }
  const graphFormat = await checkGraphAnswer(answer, format, baseIRI);
  const [{ loadDatasetStream }, { writeChunks }, { withProgress }, { Progress }] = await Promise.all([
    import("../rdf/parse.ts"), import("../rdf/serialize.ts"), import("./commands/export.ts"), import("./progress.ts"),
  ]);
  // An endpoint's Turtle may hold relative IRIs: they resolve against the endpoint's URL (its answer's location).
  const graph = await loadDatasetStream([{ name: "the query's answer", chunks: answer.parts, format: "turtle", baseIRI }]);
  // Piece by piece, as kg export writes: an answer of any size never becomes one string.
  const pieces = withProgress(writeChunks(graph, graphFormat, { prefixes: allPrefixes }), `writing ${graphFormat}`, new Progress());
  if (output === undefined) {
    await printChunks(pieces);
    return 0;
  }
  const [{ writeOutput }, { plural }] = await Promise.all([import("./output-file.ts"), import("./format.ts")]);
  const failed = await writeOutput(output, pieces, "kg sparql");
  if (failed === 0) warn(`wrote ${plural(graph.size, "triple")} as ${graphFormat} to ${output}`);
  return failed;
}

/** The graph format to write (Turtle unless N-Triples was asked for), after checking that kg can read the answer's. */
async function checkGraphAnswer(answer: { form: "construct" | "describe"; contentType: string }, format: SparqlFormat | undefined, baseIRI: string | undefined): Promise<"turtle" | "ntriples"> {
  if (format !== undefined && format !== "turtle" && format !== "ntriples") {
    throw new UsageError(`kg sparql: ${answer.form.toUpperCase()} gives a graph: use --format turtle (the default) or ntriples`, "sparql");
  }
  if (!/(n-triples|turtle|text\/plain|^$)/.test(answer.contentType)) {
    throw new SparqlEndpointError(`query/sparql: malformed answer from ${baseIRI ?? "the engine"}: the graph came as ${answer.contentType}, which kg cannot read (it asks for N-Triples or Turtle)`, "malformed", baseIRI ?? "the endpoint");
  }
  return format ?? "turtle";
}

/** A table's rows (at most the row limit) gathered from the stream; a failure on the way says what stopped it. */
async function gatherRows(answer: SelectStream, stopReason?: () => string | undefined): Promise<SparqlAnswer> {
  const bindings: SparqlBinding[] = [];
  try {
    for await (const row of answer.rows) bindings.push(row);
  } catch (error) {
    const stopped = stopReason?.();
    if (stopped === undefined || !(error instanceof SparqlEndpointError)) throw error;
    throw new SparqlEndpointError(stopped, "usage", error.endpoint);
  } finally {
    answer.cancel();
  }
  return { form: "select", result: { vars: answer.vars, bindings, truncated: answer.truncated } };
}

function writeStdout(text: string): number {
  process.stdout.write(text);
  return 0;
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
  const lines = [result.vars.join(","), ...result.bindings.map((row) => csvRow(result.vars, row))];
  return `${lines.join("\r\n")}\r\n`;
}
