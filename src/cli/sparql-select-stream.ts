// kg sparql's SELECT answer from an endpoint written as its rows arrive: SPARQL JSON (the text JSON.stringify gives whole) or CSV, to stdout or an -o file (all or nothing), so its size has no cap.
import { type SelectStream, type SparqlBinding, type SparqlTermJson } from "../sparql/sparql-answer.ts";
import { warn } from "./command.ts";
import { plural, thousands } from "./format.ts";
import { Progress } from "./progress.ts";
import { writeStreamedAnswer, type StreamedOutput } from "./streamed-answer-output.ts";

export interface SelectStreamOptions extends Pick<StreamedOutput, "output" | "stopReason"> {
  format: "json" | "csv";
  /** The row limit, for the message when there were more. */
  limit: number;
}

/** Writes the rows as they arrive; returns the exit code, or throws a SparqlEndpointError that says what became of the output. */
export async function printSelectStream(answer: SelectStream, options: SelectStreamOptions): Promise<number> {
  const counts = { rows: 0 };
  const progress = new Progress();
  const pieces = batched(options.format === "json" ? jsonText(answer, counts) : csvText(answer, counts), counts, progress);
  const failed = await writeStreamedAnswer(pieces, { ...options, visible: options.format === "json", written: () => ({ count: counts.rows, noun: "row" }), cancel: answer.cancel });
  if (failed !== 0) return failed;
  progress.done(`kg sparql: ${plural(counts.rows, "row")} received in ${progress.elapsedSeconds.toFixed(1)} s`);
  if (answer.truncated) warn(`kg sparql: showing the first ${options.limit} rows; there are more (raise --limit or add LIMIT/OFFSET to the query)`);
  return 0;
}

/** Rows' text gathered into pieces of about 64 kB, so a million rows are not a million writes. */
async function* batched(texts: AsyncIterable<string>, counts: { rows: number }, progress: Progress): AsyncGenerator<string> {
  let parts: string[] = [];
  let size = 0;
  try {
    for await (const text of texts) {
      parts.push(text);
      size += text.length;
      if (size < 65_536) continue;
      yield parts.join("");
      parts = [];
      size = 0;
      progress.update(`kg sparql: ${thousands(counts.rows)} rows received${progress.rate(counts.rows, "rows")}…`);
    }
  } catch (error) {
    // The rows before a failure go out first, so the count in the message is what was printed.
    if (parts.length > 0) yield parts.join("");
    throw error;
  }
  if (parts.length > 0) yield parts.join("");
}

/** The text of JSON.stringify({ head: { vars }, results: { bindings } }, null, 2) and a line end, a row at a time. */
async function* jsonText(answer: SelectStream, counts: { rows: number }): AsyncGenerator<string> {
  const close = "]\n  }\n}";
  const empty = JSON.stringify({ head: { vars: answer.vars }, results: { bindings: [] } }, null, 2);
  yield empty.slice(0, empty.length - close.length);
  for await (const row of answer.rows) {
    yield `${counts.rows === 0 ? "" : ","}\n      ${JSON.stringify(standardTerms(row), null, 2).replace(/\n/g, "\n      ")}`;
    counts.rows++;
  }
  yield `${counts.rows === 0 ? "" : "\n    "}${close}\n`;
}

async function* csvText(answer: SelectStream, counts: { rows: number }): AsyncGenerator<string> {
  yield `${answer.vars.join(",")}\r\n`;
  for await (const row of answer.rows) {
    yield `${csvRow(answer.vars, row)}\r\n`;
    counts.rows++;
  }
}

/** One line of SPARQL 1.1 CSV results: IRIs and lexical forms, blank nodes as _:label, quoted when needed. */
export function csvRow(vars: readonly string[], row: SparqlBinding): string {
  const cell = (term: SparqlTermJson | undefined) => {
    const text = term === undefined ? "" : term.type === "bnode" ? `_:${term.value}` : term.value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return vars.map((v) => cell(row[v])).join(",");
}

/**
 * A row with SPARQL 1.1's term types: Virtuoso still writes a typed literal as "typed-literal" (the 2007 draft's
 * name), which tools reading SPARQL 1.1 JSON results do not expect; kg's own engines and the standard say "literal".
 */
export function standardTerms(row: SparqlBinding): SparqlBinding {
  if (!Object.values(row).some((term) => term.type === "typed-literal")) return row;
  return Object.fromEntries(Object.entries(row).map(([name, term]) => [name, term.type === "typed-literal" ? { ...term, type: "literal" } : term]));
}
