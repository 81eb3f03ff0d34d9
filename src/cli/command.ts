// The shape of a kg command: its spec (arguments, options, help) and what it runs.
import type { CommandSpec, ParsedCommand } from "./args.ts";

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

/** Writes text to stdout, adding the final newline if missing. */
export function print(text: string): void {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

export function printJson(value: unknown): void {
  print(JSON.stringify(value, null, 2));
}

export function warn(text: string): void {
  process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}
