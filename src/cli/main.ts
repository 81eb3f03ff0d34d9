// The kg command line: finds the command, parses its arguments, runs it and maps failures to exit codes (2 usage, 1 data).
import { closest, commandHelp, extractGlobalArgs, mainHelp, parseCommand, UsageError } from "./args.ts";
import { prefixes } from "../rdf/vocab.ts";
import { curie } from "./format.ts";
import { warn, type Command } from "./command.ts";
import { visibleCell } from "./visible.ts";
import { setProgressForced } from "./progress.ts";
import { statsCommand } from "./commands/stats.ts";
import { findCommand } from "./commands/find.ts";
import { pathCommand } from "./commands/path.ts";
import { connectCommand } from "./commands/connect.ts";
import { neighboursCommand } from "./commands/neighbours.ts";
import { exportCommand } from "./commands/export.ts";
import { validateCommand } from "./commands/validate.ts";
import { sessionCommand } from "./commands/session.ts";
import { sourceCommand } from "./commands/source.ts";
import { relationCommand } from "./commands/relation.ts";
import { importCommand } from "./commands/import.ts";
import { extractEndpointArgs, runWithEndpoint, sparqlCommand } from "./commands/sparql.ts";
import { storeCommand } from "./commands/store.ts";

export { superviseQueries } from "./supervise.ts";

export const commands: readonly Command[] = [
  pathCommand, connectCommand, neighboursCommand, findCommand, statsCommand, exportCommand, validateCommand, sparqlCommand, storeCommand, sessionCommand, importCommand, sourceCommand, relationCommand,
];

/** Other spellings people type for a command. */
const aliases: Record<string, string> = { neighbors: "neighbours", search: "find", paths: "path" };

/** Runs `kg` with the given arguments (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // A closed pipe (kg export | head) is the reader's choice, not an error. Once per process: tests call main often.
  if (!process.stdout.listeners("error").includes(onStdoutError)) process.stdout.on("error", onStdoutError);
  let command: Command | undefined;
  try {
    const { endpoint, rest: withoutEndpoint } = extractEndpointArgs(argv);
    const { dataFiles, baseIRI, progress, rest } = extractGlobalArgs(withoutEndpoint);
    setProgressForced(progress);
    const index = rest.findIndex((arg) => !arg.startsWith("-"));
    const name = index >= 0 ? rest[index] : undefined;
    if (name === undefined || name === "help") {
      const topic = name === "help" ? rest[index + 1] : undefined;
      const helpFor = topic ? findByName(topic) : undefined;
      if (helpFor) {
        process.stdout.write(commandHelp(helpFor.spec));
        return 0;
      }
      const asked = name === "help" || rest.includes("--help") || rest.includes("-h");
      (asked ? process.stdout : process.stderr).write(mainHelp(commands.map((c) => c.spec)));
      return asked ? 0 : 2;
    }
    command = findByName(name);
    if (!command) {
      const suggestion = closest(name, [...commands.map((c) => c.spec.name), ...Object.keys(aliases)]);
      const resolved = suggestion ? (aliases[suggestion] ?? suggestion) : undefined;
      throw new UsageError(`kg: unknown command ${JSON.stringify(name)}${resolved ? ` (did you mean "${resolved}"?)` : ""}; commands: ${commands.map((c) => c.spec.name).join(", ")}`);
    }
    const parsed = parseCommand(command.spec, [...rest.slice(0, index), ...rest.slice(index + 1)]);
    if (parsed.values.help) {
      process.stdout.write(commandHelp(command.spec));
      return 0;
    }
    // An endpoint's answers resolve against the endpoint's URL; --base is for files.
    if (endpoint && baseIRI !== undefined) throw new UsageError("kg: --base is for --data files; an --endpoint's answers resolve against its URL");
    if (endpoint) return await runWithEndpoint(command, parsed, endpoint, dataFiles);
    return await command.run(parsed, { dataFiles, baseIRI });
  } catch (error) {
    return await reportError(error, command);
  }
}

function onStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
}

function findByName(name: string): Command | undefined {
  const wanted = aliases[name] ?? name;
  return commands.find((c) => c.spec.name === wanted);
}

/**
 * Prints a failure (through warn, which escapes control characters a label or a file line may carry) and returns
 * its exit code; the error classes are imported here so that startup loads no parser.
 */
async function reportError(error: unknown, command: Command | undefined): Promise<number> {
  if (error instanceof UsageError) {
    const about = error.command ?? command?.spec.name;
    warn(`${error.message}\n${about ? `Run kg ${about} --help for usage.\n` : "Run kg --help for usage.\n"}`);
    return 2;
  }
  const [{ RdfSyntaxError, RdfReadError }, { NameResolutionError }] = await Promise.all([import("../rdf/parse.ts"), import("../query/names.ts")]);
  if (error instanceof RdfSyntaxError) {
    warn(`${error.message}\n`);
    return 1;
  }
  // An I/O failure while reading a --data file (a failing disk, a device): the file and the system's reason.
  if (error instanceof RdfReadError) {
    warn(`kg: ${error.message}\n`);
    return 1;
  }
  if (error instanceof NameResolutionError) {
    // Unknown or ambiguous names are mistakes in the arguments: the candidates, one a line, with the CURIE to type
    // (a store can hold dozens of entities with one label: on one line they could not be told apart).
    if (error.reason === "ambiguous" && error.candidates.length > 0) {
      // Each on its own line: a line feed in a label stays escaped in it.
      const rows = error.candidates.map((c) => [visibleCell(curie(c.iri, prefixes)), visibleCell(c.label)] as const);
      const width = Math.max(...rows.map(([name]) => name.length));
      const things = error.kind === "node" ? "entities" : error.kind === "class" ? "classes" : "predicates";
      warn(`kg: "${error.name}" is ambiguous; it names ${rows.length} ${things}:\n${rows.map(([name, label]) => `  ${name.padEnd(width)}  ${label}`).join("\n")}\nName one of them by its CURIE or IRI, e.g. ${rows[0][0]} (kg find shows their classes).\n`);
    } else warn(`${error.message}\nUse kg find <text> to search labels.\n`);
    return 2;
  }
  // A term no syntax can carry (rdf/serialize.ts, not imported here): the message says which; nothing was written.
  if (error instanceof Error && error.name === "RdfWriteError") {
    warn(`${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  warn(`kg: unexpected error: ${message}\n`);
  return 1;
}
