// kg sparql, and --endpoint: SPARQL over the loaded graph (embedded Oxigraph) or a remote endpoint, which also answers find, path and neighbours.
import type { Command } from "../command.ts";
import { print, warn } from "../command.ts";
import { UsageError, flag, intOption, parseSeconds, secondsOption, stringOption, type ParsedCommand } from "../args.ts";
import type { EngineChoice } from "../sparql-runner.ts";
import { thousands } from "../format.ts";
import { showProgress } from "../progress.ts";
import { printAnswer, sparqlFormats, type SparqlFormat } from "../sparql-print.ts";

/** Default limit of one embedded query, in seconds (kg sparql --timeout, kg session replay --timeout). */
export const DEFAULT_QUERY_TIMEOUT_S = 120;

/** The environment variable that holds the endpoint password (never a flag: flags end up in shell history). */
export const passwordVariable = "KG_ENDPOINT_PASSWORD";

export interface EndpointArgs {
  url: string;
  user?: string;
  timeoutMs?: number;
  /** --endpoint-rows: the most rows path and neighbours fetch for one answer. */
  maxRows?: number;
}


export const sparqlCommand: Command = {
  spec: {
    name: "sparql",
    summary: "run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the graph or an endpoint",
    arguments: "<query | @file>",
    minPositionals: 1,
    maxPositionals: 1,
    details: `Runs the query on the loaded graph (the bundled graph, or --data files) with an embedded SPARQL 1.1
engine (Oxigraph; from 500,000 quads Comunica, reading the loaded graph in place: --engine), in kg's
local Virtuoso store of the files (--engine virtuoso: loaded once, reused by later queries), or on a
SPARQL endpoint with the global --endpoint URL. The data's prefixes (kg:, kgr:,
kge:, skos:, ...) are declared for you when the query uses them without a PREFIX line.
SELECT prints a table (--format json: SPARQL JSON results; csv: SPARQL CSV results); ASK prints true or
false; CONSTRUCT and DESCRIBE print Turtle (--format ntriples: N-Triples), from an endpoint or the local
store as the answer arrives, of any size. At most --limit rows are shown; kg says when it cut.
@file reads the query from a file (@- from standard input). -o FILE writes the answer to FILE instead (all or
nothing); without --format, its extension (.csv .json .ttl .nt) chooses the format.
The query's form is decided by a SPARQL parser before anything runs or is sent: updates (INSERT, DELETE, LOAD,
CLEAR, DROP, ...) are refused unless --allow-update is given with --endpoint.

With --endpoint URL (before or after the command), find, path, neighbours and sparql ask the endpoint
instead of reading files, fetching only what the answer needs. --user NAME sends HTTP basic credentials
with the password from the environment variable ${passwordVariable}; --endpoint-timeout S (default 60);
--endpoint-rows N: the most rows path and neighbours fetch for one answer (default 50000).

Examples:
  kg sparql 'SELECT ?company WHERE { ?company a kg:Company } ORDER BY ?company'
  kg sparql 'ASK { kgr:huawei kg:suppliesTo kgr:kenyan-government }'
  kg sparql 'DESCRIBE kgr:dahua'
  kg sparql @query.rq --format csv
  kg --endpoint http://localhost:8890/sparql path Huawei Kenya`,
    options: {
      format: { type: "string", value: "table|json|csv|turtle|ntriples", help: "output format (default: table for SELECT, Turtle for CONSTRUCT/DESCRIBE)" },
      output: { type: "string", short: "o", value: "FILE", help: "write the answer to FILE instead of stdout (a .csv, .json, .ttl or .nt FILE chooses the format)" },
      limit: { type: "string", value: "N", help: "show at most N rows of a SELECT (default 1000)" },
      timeout: { type: "string", value: "S", help: `stop an embedded query after S seconds (default ${DEFAULT_QUERY_TIMEOUT_S}; 0.001 to 86400)` },
      engine: { type: "string", value: "auto|oxigraph|comunica|virtuoso", help: "engine (default auto: Oxigraph below 500,000 quads, Comunica over the loaded graph from there; a local Virtuoso store when one holds files of 100 MB or more, or, when Virtuoso is installed, a new one for files of 200 MB or more ($KG_AUTO_STORE_MB, or never); oxigraph takes at most 6,000,000; virtuoso keeps a store of the files in ~/.cache/smartcity-kg; docs/scale.md)" },
      "allow-update": { type: "boolean", help: "with --endpoint: send a SPARQL update (INSERT, DELETE, LOAD, CLEAR, ...), which changes the endpoint's data; refused without it" },
    },
  },

  async run(parsed, context) {
    const format = formatOption(parsed);
    const output = stringOption(parsed, "output");
    const limit = intOption(parsed, "sparql", "limit", 1000);
    if (flag(parsed, "allow-update")) {
      throw new UsageError("kg sparql: --allow-update needs --endpoint URL (the embedded engine works on a copy of the files: an update would change nothing)", "sparql");
    }
    const query = await readQuery(parsed.positionals[0]);
    const timeoutMs = secondsOption(parsed, "sparql", "timeout", DEFAULT_QUERY_TIMEOUT_S * 1000);
    const choice = engineOption(parsed);
    return await reportFailures(async () => {
      const store = await import("../sparql-local-store.ts");
      const route = choice === "auto" ? await store.autoStoreRoute(context.dataFiles, context.baseIRI) : undefined;
      if (route && !route.exists) {
        warn(`kg sparql: the files are ${(route.bytes / 1e6).toFixed(0)} MB, so auto loads them into a local Virtuoso store for this query and later ones (about twice their size on disk: kg store remove frees it; --engine comunica or KG_AUTO_STORE_MB=never answers over the loaded files instead)`);
      }
      if (choice === "virtuoso") return (await store.runOnStore({ query, dataFiles: context.dataFiles, baseIRI: context.baseIRI, format, limit, timeoutMs, output })) ?? 1;
      if (route) {
        // auto falls back to the embedded engines when the store cannot be used (it says why).
        const answered = await store.runOnStore({ query, dataFiles: context.dataFiles, baseIRI: context.baseIRI, format, limit, timeoutMs, output, key: route.key, fallBack: true });
        if (answered !== undefined) return answered;
      }
      const [{ loadData }, { startSparqlRunner }] = await Promise.all([import("../load.ts"), import("../sparql-runner.ts")]);
      const { dataset } = await loadData(context.dataFiles, context.baseIRI);
      const engine = startSparqlRunner(dataset, timeoutMs, choice, "one");
      const { Progress } = await import("../progress.ts");
      const progress = new Progress();
      const ticker = setInterval(() => progress.update(`kg sparql: ${engine.engine}: ${thousands(dataset.size)} quads, loading and querying: ${progress.elapsedSeconds.toFixed(0)} s…`), 250);
      try {
        const answer = await engine.query(query, { maxRows: limit }).finally(() => {
          clearInterval(ticker);
          progress.done(`kg sparql: ${thousands(dataset.size)} quads loaded and queried in ${progress.elapsedSeconds.toFixed(1)} s`);
        });
        // Which engine answered: always when it is the fallback (slower on joins), else with progress shown.
        if (engine.engine.startsWith("Comunica") || showProgress()) warn(`kg sparql: answered by ${engine.engine} over ${thousands(dataset.size)} quads`);
        if (engine.advice) warn(`kg sparql: ${engine.advice}`);
        // Said before the answer, so that someone reading a long table sees why it holds relations of another name.
        for (const note of answer.notes ?? []) warn(`kg sparql: ${note.replace(/^query\/sparql: /, "")}`);
        return await printAnswer(answer, format, limit, dataset.prefixes, undefined, output);
      } finally {
        engine.close();
      }
    });
  },
};

function engineOption(parsed: ParsedCommand): EngineChoice | "virtuoso" {
  const engine = stringOption(parsed, "engine") ?? "auto";
  if (!["auto", "oxigraph", "comunica", "virtuoso"].includes(engine)) throw new UsageError(`kg sparql: --engine must be auto, oxigraph, comunica or virtuoso, got ${JSON.stringify(engine)}`, "sparql");
  return engine as EngineChoice | "virtuoso";
}

function formatOption(parsed: ParsedCommand): SparqlFormat | undefined {
  const format = stringOption(parsed, "format");
  if (format !== undefined && !(sparqlFormats as readonly string[]).includes(format)) {
    throw new UsageError(`kg sparql: --format must be one of ${sparqlFormats.join(", ")}, got ${JSON.stringify(format)}`, "sparql");
  }
  return format as SparqlFormat | undefined;
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

// ---------------------------------------------------------------------------------------------------------------
// --endpoint

/**
 * Removes `--endpoint URL`, `--user NAME`, `--endpoint-timeout S` and `--endpoint-rows N` (also `--name=value`) from anywhere before
 * `--`; the endpoint is undefined when not given.
 */
export function extractEndpointArgs(argv: readonly string[]): { endpoint?: EndpointArgs; rest: string[] } {
  const rest: string[] = [];
  const found: Record<string, string> = {};
  const names = ["endpoint", "user", "endpoint-timeout", "endpoint-rows"];
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
  if (found["endpoint-timeout"] !== undefined) endpoint.timeoutMs = parseSeconds(found["endpoint-timeout"], "--endpoint-timeout");
  if (found["endpoint-rows"] !== undefined) endpoint.maxRows = parseRowBudget(found["endpoint-rows"]);
  return { endpoint, rest };
}

/** --endpoint-rows N: a plain whole number from 1 to 10,000,000 (every row fetched is kept in memory). */
function parseRowBudget(text: string): number {
  const rows = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(rows >= 1 && rows <= 10_000_000)) throw new UsageError(`kg: --endpoint-rows must be a whole number from 1 to 10000000, got ${JSON.stringify(text)}`);
  return rows;
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
    const { SparqlEndpoint } = await import("../../sparql/sparql-endpoint.ts");
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
        const [{ withPrefixes }, { classifySparql, updateRefusal }] = await Promise.all([import("../../sparql/sparql-query.ts"), import("../../sparql/sparql-form.ts")]);
        // The text as typed is classified first, so a syntax error's line is the author's.
        const kind = await classifySparql(query);
        if (kind.kind === "update") {
          if (!flag(parsed, "allow-update")) {
            warn(`${updateRefusal(kind.operations, "can be sent")}\nAdd --allow-update to send it: it changes the data on ${endpoint.displayUrl}.`);
            return 2;
          }
          const operations = await endpoint.update(withPrefixes(query, prefixes), { signal });
          print(`Update sent to ${endpoint.displayUrl}: ${operations.join("; ")}.`);
          return 0;
        }
        // A graph answer or rows are written as they arrive, of any size; a boolean is read whole (capped).
        const answer = await endpoint.queryStreaming(withPrefixes(query, prefixes), { signal, maxRows: limit });
        const { baseIriOfUrl } = await import("../../rdf/iri.ts");
        return await printAnswer(answer, format, limit, {}, baseIriOfUrl(endpoint.displayUrl), stringOption(parsed, "output"));
      }
      const remote = await import("./remote.ts");
      const fetch = { signal, maxRows: args.maxRows };
      if (name === "find") return await remote.remoteFind(endpoint, parsed, signal);
      if (name === "path") return await remote.remotePath(endpoint, parsed, fetch);
      return await remote.remoteNeighbours(endpoint, parsed, fetch);
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
    const [{ SparqlEndpointError }, { SparqlQueryError }, { SparqlSyntaxError }] = await Promise.all([
      import("../../sparql/sparql-endpoint.ts"), import("../../sparql/sparql-embedded.ts"), import("../../sparql/sparql-form.ts"),
    ]);
    if (error instanceof SparqlQueryError || error instanceof SparqlSyntaxError) {
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
