// The shape of a kg command: its spec (arguments, options, help) and what it runs.
import type { CommandSpec, ParsedCommand } from "./args.ts";
import { visibleText } from "./visible.ts";

export interface CommandContext {
  /** Files from --data, or undefined for the bundled graph. */
  dataFiles?: string[];
  /** The base IRI from --base for the files' relative IRIs; undefined: each file's own file: URL. */
  baseIRI?: string;
}

export interface Command {
  spec: CommandSpec;
  /** Runs the command and returns the exit code; throws UsageError / RdfSyntaxError for the caller to report. */
  run(parsed: ParsedCommand, context: CommandContext): Promise<number>;
}

/**
 * Writes text to stdout, adding the final newline if missing; control characters from the data are escaped
 * (visible.ts), which leaves JSON and Turtle meaning the same.
 */
export function print(text: string): void {
  const shown = visibleText(text);
  process.stdout.write(shown.endsWith("\n") ? shown : `${shown}\n`);
}

/**
 * Writes text that arrives in pieces (an export) as print would write it whole, waiting whenever stdout's buffer is
 * full, so a large export never sits in memory twice.
 */
export async function printChunks(chunks: Iterable<string>): Promise<void> {
  let last = "";
  for (const chunk of chunks) {
    if (chunk === "") continue;
    last = chunk;
    if (!process.stdout.write(visibleText(chunk))) await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
  if (!last.endsWith("\n")) process.stdout.write("\n");
}

export function printJson(value: unknown): void {
  print(JSON.stringify(value, null, 2));
}

/** Writes a message to stderr, control characters escaped like print's. */
export function warn(text: string): void {
  const shown = visibleText(text);
  process.stderr.write(shown.endsWith("\n") ? shown : `${shown}\n`);
}
