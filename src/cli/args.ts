// Command-line parsing: pulls the global --data files out from anywhere, then parses one command's options with util.parseArgs.
import { parseArgs } from "node:util";
import { isAbsoluteIri } from "../rdf/iri.ts";

/** A wrong invocation: the message says what to fix; exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** The placeholder shown in help, e.g. "N" or "p1,p2". */
  value?: string;
  help: string;
  /** A list option: may be repeated and takes comma-separated values. */
  list?: boolean;
}

export interface CommandSpec {
  name: string;
  /** One line for `kg --help`. */
  summary: string;
  /** Positional arguments as shown in usage, e.g. "<from> <to>". */
  arguments: string;
  minPositionals: number;
  /** Undefined for "any number". */
  maxPositionals?: number;
  /** More help: what the command prints, examples. */
  details: string;
  options: Record<string, OptionSpec>;
}

export interface ParsedCommand {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface GlobalArgs {
  /** Files given with --data, in order; undefined when none (the bundled graph is used). */
  dataFiles?: string[];
  /** The IRI from --base that relative IRIs in the files resolve against; undefined: each file's file: URL. */
  baseIRI?: string;
  /** --progress: progress lines on stderr even when it is not a terminal. */
  progress: boolean;
  /** The remaining arguments, with --data, --base, --progress and their values removed. */
  rest: string[];
}

/**
 * Removes `--data FILE...` (also `--data=FILE`) and `--base IRI` (also `--base=IRI`) wherever they appear before `--`. After the first file, further
 * arguments that name RDF files (.ttl, .nt, .nq, .trig) are taken as more data files, so `--data a.ttl b.ttl` works.
 */
export function extractGlobalArgs(argv: readonly string[]): GlobalArgs {
  const rest: string[] = [];
  let dataFiles: string[] | undefined;
  let baseIRI: string | undefined;
  let progress = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === "--progress") progress = true;
    else if (arg === "--base" || arg.startsWith("--base=")) {
      if (baseIRI !== undefined) throw new UsageError("kg: --base given twice; give one base IRI");
      const value = arg === "--base" ? argv[++i] : arg.slice("--base=".length);
      baseIRI = requireBase(value);
    } else if (arg.startsWith("--data=")) {
      (dataFiles ??= []).push(requireFile(arg.slice("--data=".length)));
    } else if (arg === "--data") {
      const file = argv[i + 1];
      if (file === undefined || (file.startsWith("-") && file !== "-")) throw new UsageError("--data needs a file: kg --data FILE... <command>");
      (dataFiles ??= []).push(requireFile(file));
      i++;
      while (i + 1 < argv.length && !argv[i + 1].startsWith("-") && rdfFileName.test(argv[i + 1])) {
        dataFiles.push(argv[++i]);
      }
    } else {
      rest.push(arg);
    }
  }
  return { dataFiles, baseIRI, progress, rest };
}

/** A base IRI must be absolute: a relative one would leave relative IRIs in the graph, which no export may hold. */
function requireBase(value: string | undefined): string {
  if (value === undefined || value === "" || (value.startsWith("-") && value.length > 1)) throw new UsageError("kg: --base needs an IRI: kg --base http://example.org/ --data FILE <command>");
  if (!isAbsoluteIri(value)) throw new UsageError(`kg: --base must be an absolute IRI (with a scheme, e.g. http://example.org/data/ or file:///data/), got ${JSON.stringify(value)}`);
  if (/[\s<>"{}|\\^`]/.test(value)) throw new UsageError(`kg: --base ${JSON.stringify(value)} is not a valid IRI (it holds a space or one of <>"{}|\\^\`)`);
  return value;
}

/** The extensions the RDF loader knows (rdf/parse.ts formatFromFileName); kept here so parsing arguments loads no parser. */
const rdfFileName = /\.(ttl|turtle|nt|ntriples|nq|nquads|trig)$/i;

function requireFile(file: string): string {
  if (file === "") throw new UsageError("--data needs a file name");
  return file;
}

/** Parses a command's arguments; a list option's values are split on commas and trimmed. */
export function parseCommand(spec: CommandSpec, argv: readonly string[]): ParsedCommand {
  const options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {
    help: { type: "boolean", short: "h" },
  };
  for (const [name, option] of Object.entries(spec.options)) {
    options[name] = { type: option.type, ...(option.short ? { short: option.short } : {}), ...(option.list ? { multiple: true } : {}) };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(explainParseError(spec, error as Error), spec.name);
  }
  const values: ParsedCommand["values"] = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (Array.isArray(value)) {
      values[name] = value.flatMap((item) => String(item).split(",")).map((item) => item.trim()).filter((item) => item !== "");
    } else values[name] = value as string | boolean | undefined;
  }
  const positionals = parsed.positionals;
  if (!values.help) {
    if (positionals.length < spec.minPositionals) {
      throw new UsageError(`kg ${spec.name}: expected ${spec.arguments}, got ${positionals.length === 0 ? "nothing" : positionals.map((p) => JSON.stringify(p)).join(" ")}`, spec.name);
    }
    if (spec.maxPositionals !== undefined && positionals.length > spec.maxPositionals) {
      const extra = positionals.slice(spec.maxPositionals).map((p) => JSON.stringify(p)).join(" ");
      const hint = spec.maxPositionals > 0 ? ` (quote a name with spaces: kg ${spec.name} "Digital Silk Road")` : "";
      throw new UsageError(`kg ${spec.name}: unexpected argument ${extra}${hint}`, spec.name);
    }
  }
  return { values, positionals };
}

function explainParseError(spec: CommandSpec, error: Error): string {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) {
    const name = unknown[1].replace(/^-+/, "");
    const close = closest(name, Object.keys(spec.options));
    return `kg ${spec.name}: unknown option ${unknown[1]}${close ? ` (did you mean --${close}?)` : ""}`;
  }
  const missingValue = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(error.message);
  if (missingValue) return `kg ${spec.name}: ${missingValue[1]} needs a value`;
  return `kg ${spec.name}: ${error.message.replace(/\. To specify a positional argument.*$/s, "")}`;
}

/** The candidate nearest to `word` by edit distance, when it is near enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** A positive integer option, or the default; anything else is a usage error naming the option. */
/** An integer option written in decimal digits (Number() would also take 1e3, 0x10 and 1_0), from min to max. */
export function intOption(parsed: ParsedCommand, command: string, name: string, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const raw = parsed.values[name];
  if (raw === undefined) return fallback;
  const value = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`kg ${command}: --${name} must be an integer ${range}, got ${JSON.stringify(raw)}`, command);
  }
  return value;
}

/**
 * A number of seconds from 0.001 to 86400 (a day) as plain decimals (Number() would also take 1e9, Infinity and
 * 0x10), in milliseconds; `label` is how the message names the option.
 */
export function parseSeconds(text: string, label: string, command?: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(seconds > 0 && seconds <= 86_400)) throw new UsageError(`kg${command ? ` ${command}` : ""}: ${label} must be a number of seconds from 0.001 to 86400 (a day), got ${JSON.stringify(text)}`, command);
  return Math.max(1, Math.round(seconds * 1000));
}

/** A --NAME SECONDS option in milliseconds (see parseSeconds), or the fallback. */
export function secondsOption(parsed: ParsedCommand, command: string, name: string, fallbackMs: number): number {
  const raw = parsed.values[name];
  return typeof raw === "string" ? parseSeconds(raw, `--${name}`, command) : fallbackMs;
}

export function listOption(parsed: ParsedCommand, name: string): string[] {
  const value = parsed.values[name];
  return Array.isArray(value) ? value : [];
}

export function stringOption(parsed: ParsedCommand, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === "string" ? value : undefined;
}

export function flag(parsed: ParsedCommand, name: string): boolean {
  return parsed.values[name] === true;
}

const globalHelp = `Global options:
  --data FILE...       load these RDF files (.ttl .nt .nq .trig) instead of the bundled graph;
                       before or after the command, repeatable
  --base IRI           resolve relative IRIs in the files against IRI (absolute) instead of
                       each file's own file: URL
  --progress           progress of long steps (load, export, SPARQL load, endpoint walks) on stderr also when it
                       is not a terminal (on a terminal it is always shown)
  --endpoint URL       ask a SPARQL endpoint instead (find, path, neighbours, sparql);
                       --user NAME with the password in KG_ENDPOINT_PASSWORD, --endpoint-timeout S,
                       --endpoint-rows N (most rows fetched for a path or neighbourhood)
  -h, --help           show help`;

/** The help of one command. */
export function commandHelp(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, option]) => {
    const flagText = `${option.short ? `-${option.short}, ` : ""}--${name}${option.value ? ` ${option.value}` : ""}`;
    return [flagText, option.help] as const;
  });
  const width = Math.max(19, ...rows.map(([flagText]) => flagText.length));
  const optionLines = rows.map(([flagText, help]) => `  ${flagText.padEnd(width)}  ${help}`);
  return [
    `Usage: kg ${spec.name}${spec.arguments ? ` ${spec.arguments}` : ""}${rows.length ? " [options]" : ""}`,
    "",
    spec.summary,
    "",
    spec.details.trimEnd(),
    ...(optionLines.length ? ["", "Options:", ...optionLines] : []),
    "",
    globalHelp,
    "",
  ].join("\n");
}

/** The help of `kg` itself. */
export function mainHelp(specs: readonly CommandSpec[]): string {
  const width = Math.max(...specs.map((spec) => spec.name.length));
  return [
    "Usage: kg <command> [arguments] [options]",
    "",
    "Query, export and validate the smartcity-kg knowledge graph (China's smart/safe city ambitions, EUISS Brief 10/2020).",
    "",
    "Commands:",
    ...specs.map((spec) => `  ${spec.name.padEnd(width)}  ${spec.summary}`),
    "",
    globalHelp,
    "",
    "Examples:",
    '  kg path DJI "Digital Silk Road"     how is DJI connected to the Digital Silk Road, with the evidence',
    "  kg neighbours Huawei --depth 1       what Huawei is directly related to",
    '  kg find "safe city"                 search labels',
    "  kg export --format ntriples -o kg.nt",
    "",
    "Run kg <command> --help for a command's options.",
    "",
  ].join("\n");
}
