// kg sparql, and --endpoint: SPARQL over the loaded graph (embedded Oxigraph) or a remote endpoint, which also answers find, path and neighbours.
import type { Command } from "../command.ts";
import { print, printJson, warn } from "../command.ts";
import { UsageError, flag, intOption, listOption, stringOption, type ParsedCommand } from "../args.ts";
import type { Direction } from "../../query/neighbourhood.ts";
import type { SelectResult, SparqlAnswer, SparqlEndpoint, SparqlTermJson } from "../../query/sparql-endpoint.ts";

/** The environment variable that holds the endpoint password (never a flag: flags end up in shell history). */
export const passwordVariable = "KG_ENDPOINT_PASSWORD";

export interface EndpointArgs {
  url: string;
  user?: string;
  timeoutMs?: number;
}

const formats = ["table", "json", "csv", "turtle"] as const;
type Format = (typeof formats)[number];

export const sparqlCommand: Command = {
  spec: {
    name: "sparql",
    summary: "run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the graph or an endpoint",
    arguments: "<query | @file>",
    minPositionals: 1,
    maxPositionals: 1,
    details: `Runs the query on the loaded graph (the bundled graph, or --data files) with an embedded SPARQL 1.1
engine (Oxigraph), or on a SPARQL endpoint with the global --endpoint URL. The data's prefixes (kg:, kgr:,
kge:, skos:, ...) are declared for you when the query uses them without a PREFIX line.
SELECT prints a table (--format json: SPARQL JSON results; csv: SPARQL CSV results); ASK prints true or
false; CONSTRUCT and DESCRIBE print Turtle. At most --limit rows are shown; kg says when it cut.
@file reads the query from a file (@- from standard input).

With --endpoint URL (before or after the command), find, path, neighbours and sparql ask the endpoint
instead of reading files, fetching only what the answer needs. --user NAME sends HTTP basic credentials
with the password from the environment variable ${passwordVariable}; --endpoint-timeout S (default 60).

Examples:
  kg sparql 'SELECT ?company WHERE { ?company a kg:Company } ORDER BY ?company'
  kg sparql 'ASK { kgr:huawei kg:donatesTo kgr:government-of-kenya }'
  kg sparql 'DESCRIBE kgr:dahua'
  kg sparql @query.rq --format csv
  kg --endpoint http://localhost:8890/sparql path Huawei Kenya`,
    options: {
      format: { type: "string", value: "table|json|csv|turtle", help: "output format (default: table for SELECT, Turtle for CONSTRUCT/DESCRIBE)" },
      limit: { type: "string", value: "N", help: "show at most N rows of a SELECT (default 1000)" },
    },
  },

  async run(parsed, context) {
    const format = formatOption(parsed);
    const limit = intOption(parsed, "sparql", "limit", 1000);
    const query = await readQuery(parsed.positionals[0]);
    return await reportFailures(async () => {
      const [{ loadData }, { createEmbeddedSparql }] = await Promise.all([import("../load.ts"), import("../../query/sparql-embedded.ts")]);
      const { dataset } = await loadData(context.dataFiles, context.baseIRI);
      const engine = await createEmbeddedSparql(dataset);
      await printAnswer(engine.query(query, { maxRows: limit }), format, limit, dataset.prefixes);
      return 0;
    });
  },
};

function formatOption(parsed: ParsedCommand): Format | undefined {
  const format = stringOption(parsed, "format");
  if (format !== undefined && !(formats as readonly string[]).includes(format)) {
    throw new UsageError(`kg sparql: --format must be one of ${formats.join(", ")}, got ${JSON.stringify(format)}`, "sparql");
  }
  return format as Format | undefined;
}

async function readQuery(argument: string): Promise<string> {
  if (!argument.startsWith("@")) return argument;
  const file = argument.slice(1);
  if (file === "-") {
    const chunks: string[] = [];
    for await (const chunk of process.stdin.setEncoding("utf8")) chunks.push(chunk as string);
    return chunks.join("");
  }
  const { readText } = await import("../load.ts");
  return await readText(file);
}

/** Prints an answer in the format asked; SELECT rows beyond `limit` were cut by the caller (`truncated`). */
async function printAnswer(answer: SparqlAnswer, format: Format | undefined, limit: number, dataPrefixes: Readonly<Record<string, string>>, baseIRI?: string): Promise<void> {
  const { prefixes } = await import("../../rdf/vocab.ts");
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
  const [{ loadDataset }, { writeTurtle }] = await Promise.all([import("../../rdf/parse.ts"), import("../../rdf/serialize.ts")]);
  if (!/(n-triples|turtle|text\/plain|^$)/.test(answer.contentType)) {
    throw new Error(`query/sparql: the endpoint sent the graph as ${answer.contentType}, which kg cannot read (it asks for N-Triples or Turtle)`);
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
  const { curie, table } = await import("../format.ts");
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

// ---------------------------------------------------------------------------------------------------------------
// --endpoint

/**
 * Removes `--endpoint URL`, `--user NAME` and `--endpoint-timeout S` (also `--name=value`) from anywhere before
 * `--`; the endpoint is undefined when not given.
 */
export function extractEndpointArgs(argv: readonly string[]): { endpoint?: EndpointArgs; rest: string[] } {
  const rest: string[] = [];
  const found: Record<string, string> = {};
  const names = ["endpoint", "user", "endpoint-timeout"];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    const name = names.find((n) => arg === `--${n}` || arg.startsWith(`--${n}=`));
    if (name === undefined) {
      rest.push(arg);
      continue;
    }
    let value: string | undefined;
    if (arg.includes("=")) value = arg.slice(arg.indexOf("=") + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith("-")) throw new UsageError(`kg: --${name} needs a value`);
      i++;
    }
    if (value === "") throw new UsageError(`kg: --${name} needs a value`);
    found[name] = value;
  }
  if (found.endpoint === undefined) {
    const stray = Object.keys(found)[0];
    if (stray) throw new UsageError(`kg: --${stray} only applies with --endpoint URL`);
    return { rest };
  }
  const endpoint: EndpointArgs = { url: found.endpoint };
  if (found.user !== undefined) endpoint.user = found.user;
  if (found["endpoint-timeout"] !== undefined) {
    const seconds = Number(found["endpoint-timeout"]);
    if (!(seconds > 0)) throw new UsageError(`kg: --endpoint-timeout must be a number of seconds > 0, got ${JSON.stringify(found["endpoint-timeout"])}`);
    endpoint.timeoutMs = Math.round(seconds * 1000);
  }
  return { endpoint, rest };
}

/** The commands --endpoint serves. */
export const endpointCommands: readonly string[] = ["sparql", "find", "path", "neighbours"];

/** Runs find, path, neighbours or sparql against the endpoint; other commands are a usage error. */
export async function runWithEndpoint(command: Command, parsed: ParsedCommand, args: EndpointArgs, dataFiles?: readonly string[]): Promise<number> {
  const name = command.spec.name;
  if (!endpointCommands.includes(name)) {
    throw new UsageError(`kg ${name}: works on files, not with --endpoint (--endpoint serves ${endpointCommands.join(", ")})`, name);
  }
  if (dataFiles !== undefined) throw new UsageError("kg: give --data files or an --endpoint, not both");
  let password: string | undefined;
  if (args.user !== undefined) {
    password = process.env[passwordVariable];
    if (password === undefined) throw new UsageError(`kg: --user ${args.user} needs the password in the environment variable ${passwordVariable}`);
  }
  const format = name === "sparql" ? formatOption(parsed) : undefined;
  const query = name === "sparql" ? await readQuery(parsed.positionals[0]) : "";
  return await reportFailures(async () => {
    const { SparqlEndpoint } = await import("../../query/sparql-endpoint.ts");
    const endpoint = new SparqlEndpoint({ url: args.url, user: args.user, password, timeoutMs: args.timeoutMs ?? 60_000 });
    // Ctrl-C cancels the request in flight instead of leaving it to the timeout.
    const cancel = new AbortController();
    const onInterrupt = () => cancel.abort();
    process.once("SIGINT", onInterrupt);
    try {
      const signal = cancel.signal;
      if (name === "sparql") {
        const limit = intOption(parsed, "sparql", "limit", 1000);
        const { prefixes } = await import("../../rdf/vocab.ts");
        const { withPrefixes } = await import("../../query/sparql-query.ts");
        const answer = await endpoint.query(withPrefixes(query, prefixes), { signal, maxRows: limit });
        await printAnswer(answer, format, limit, {}, endpoint.displayUrl);
        return 0;
      }
      if (name === "find") return await remoteFind(endpoint, parsed, signal);
      if (name === "path") return await remotePath(endpoint, parsed, signal);
      return await remoteNeighbours(endpoint, parsed, signal);
    } finally {
      process.off("SIGINT", onInterrupt);
    }
  });
}

/** Endpoint failures and rejected queries are reported plainly: 2 for a query or argument to fix, 1 for the endpoint. */
async function reportFailures(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    const [{ SparqlEndpointError }, { SparqlQueryError }] = await Promise.all([import("../../query/sparql-endpoint.ts"), import("../../query/sparql-embedded.ts")]);
    if (error instanceof SparqlQueryError) {
      warn(error.message);
      return 2;
    }
    if (error instanceof SparqlEndpointError) {
      const hint = error.status === 401 || error.status === 403 ? `\nGive --user NAME with the password in ${passwordVariable}.` : error.kind === "http" && error.status === 400 ? "\nThe endpoint rejected the query: check its syntax." : "";
      warn(`${error.message}${hint}`);
      return error.kind === "usage" || error.status === 400 ? 2 : 1;
    }
    throw error;
  }
}

async function remoteFind(endpoint: SparqlEndpoint, parsed: ParsedCommand, signal: AbortSignal): Promise<number> {
  const limit = intOption(parsed, "find", "limit", 10);
  const text = parsed.positionals.join(" ");
  const [{ remoteSearch }, { curie, table }, { prefixes }] = await Promise.all([
    import("../../query/sparql-remote.ts"), import("../format.ts"), import("../../rdf/vocab.ts"),
  ]);
  const hits = await remoteSearch(endpoint, text, { limit, includeSchema: flag(parsed, "schema"), signal });
  if (flag(parsed, "json")) {
    printJson({ query: text, hits });
    return 0;
  }
  if (hits.length === 0) {
    print(`No label on ${endpoint.displayUrl} starts a word with ${JSON.stringify(text)}. Try fewer or shorter words (the endpoint search has no typo tolerance).`);
    return 0;
  }
  const local = (iri: string) => iri.replace(/^.*[#/]/, "");
  print(table(hits.map((hit) => [hit.label, curie(hit.iri, prefixes), hit.types.map(local).join(", "), hit.matched !== hit.label ? `(as "${hit.matched}")` : ""]), ""));
  return 0;
}

async function remotePath(endpoint: SparqlEndpoint, parsed: ParsedCommand, signal: AbortSignal): Promise<number> {
  const k = intOption(parsed, "path", "k", 3);
  const limit = intOption(parsed, "path", "limit", 100);
  const maxLength = intOption(parsed, "path", "max-length", 6, 0);
  const [{ remotePaths, resolveRemoteNode, resolveRemoteTerms }, { pathsToJson }, render] = await Promise.all([
    import("../../query/sparql-remote.ts"), import("../../query/json.ts"), import("../render.ts"),
  ]);
  const resolve = (name: string) => resolveRemoteNode(endpoint, name, undefined, { signal });
  const terms = (option: string, kind: "predicate" | "class") => resolveRemoteTerms(endpoint, listOption(parsed, option), kind, undefined, { signal });
  const [from, to] = [await resolve(parsed.positionals[0]), await resolve(parsed.positionals[1])];
  const excludeNodes: string[] = [];
  for (const name of listOption(parsed, "exclude")) excludeNodes.push(await resolve(name));
  const answer = await remotePaths(endpoint, from, to, {
    signal, k, limit, maxLength,
    allShortest: flag(parsed, "all"),
    directed: flag(parsed, "directed"),
    predicates: await terms("predicates", "predicate"),
    excludePredicates: await terms("exclude-predicates", "predicate"),
    excludeClasses: await terms("exclude-classes", "class"),
    excludeNodes,
  });
  warnTruncated(endpoint, answer.fetchTruncated, answer.rows);
  const { graph, paths } = answer;
  if (flag(parsed, "json")) printJson(pathsToJson(graph, paths));
  else if (flag(parsed, "turtle")) render.printSubgraphTurtle(graph, paths.flatMap((p) => p.nodes), paths.flatMap((p) => p.steps.map((s) => s.edge)));
  else if (paths.length === 0) print(`No path within ${maxLength} hop${maxLength === 1 ? "" : "s"} between ${parsed.positionals[0]} and ${parsed.positionals[1]} on ${endpoint.displayUrl}.`);
  else print(render.pathsText(graph, paths));
  return 0;
}

async function remoteNeighbours(endpoint: SparqlEndpoint, parsed: ParsedCommand, signal: AbortSignal): Promise<number> {
  const depth = intOption(parsed, "neighbours", "depth", 1, 0);
  const limit = intOption(parsed, "neighbours", "limit", 500);
  const direction = (stringOption(parsed, "direction") ?? "both") as Direction;
  if (!["out", "in", "both"].includes(direction)) {
    throw new UsageError(`kg neighbours: --direction must be out, in or both, got ${JSON.stringify(direction)}`, "neighbours");
  }
  const [{ remoteNeighbourhood, resolveRemoteNode, resolveRemoteTerms }, { neighbourhoodToJson }, render] = await Promise.all([
    import("../../query/sparql-remote.ts"), import("../../query/json.ts"), import("../render.ts"),
  ]);
  const centers: string[] = [];
  for (const name of parsed.positionals) centers.push(await resolveRemoteNode(endpoint, name, undefined, { signal }));
  const answer = await remoteNeighbourhood(endpoint, [...new Set(centers)], {
    signal, depth, direction, limit,
    classes: await resolveRemoteTerms(endpoint, listOption(parsed, "classes"), "class", undefined, { signal }),
    predicates: await resolveRemoteTerms(endpoint, listOption(parsed, "predicates"), "predicate", undefined, { signal }),
  });
  warnTruncated(endpoint, answer.fetchTruncated, answer.rows);
  const { graph, result } = answer;
  if (flag(parsed, "json")) printJson(neighbourhoodToJson(graph, result));
  else if (flag(parsed, "turtle")) render.printSubgraphTurtle(graph, result.nodes.map((n) => n.node), result.edges);
  else print(render.neighbourhoodText(graph, result, depth));
  return 0;
}

function warnTruncated(endpoint: SparqlEndpoint, truncated: boolean, rows: number): void {
  if (truncated) warn(`kg: warning: stopped fetching from ${endpoint.displayUrl} after ${rows} rows; the answer may be incomplete`);
}

