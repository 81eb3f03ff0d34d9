// An endpoint's answer written as it arrives, to stdout or an -o file (all or nothing): what kg sparql's graph and row streams share.
import { once } from "node:events";
import { SparqlEndpointError } from "../sparql/sparql-answer.ts";
import { plural } from "./format.ts";
import { visibleText } from "./visible.ts";

export interface StreamedOutput {
  /** -o FILE: written whole or not at all. */
  output?: string;
  /** Why the answer stopped when the caller stopped it (its time limit, Ctrl-C): said instead of "cancelled". */
  stopReason?: () => string | undefined;
  /** Control characters made visible on stdout, as print does; false for CSV, whose CRLF line ends must stay. */
  visible: boolean;
  /** How many items ("triple", "row") have been written so far, for the message when it breaks off. */
  written: () => { count: number; noun: string };
  /** Ends the answer's exchange, however the writing ends. */
  cancel: () => void;
}

/**
 * Writes the pieces; returns writeOutput's exit code, or throws a SparqlEndpointError that says what became of the
 * output (what was printed is not the whole answer, or nothing was written to the file).
 */
export async function writeStreamedAnswer(pieces: AsyncIterable<string>, options: StreamedOutput): Promise<number> {
  try {
    if (options.output === undefined) {
      await toStdout(pieces, options.visible);
      return 0;
    }
    const { writeOutput } = await import("./output-file.ts");
    return await writeOutput(options.output, pieces, "kg sparql");
  } catch (error) {
    if (!(error instanceof SparqlEndpointError)) throw error;
    const { count, noun } = options.written();
    const outcome = options.output === undefined
      ? count > 0 ? `; the ${plural(count, noun)} printed above ${count === 1 ? "is" : "are"} not the whole answer` : ""
      : `; nothing was written to ${JSON.stringify(options.output)}`;
    const stopped = options.stopReason?.();
    throw new SparqlEndpointError(`${stopped ?? error.message}${outcome}`, stopped ? "usage" : error.kind, error.endpoint, error.status);
  } finally {
    options.cancel();
  }
}

async function toStdout(pieces: AsyncIterable<string>, visible: boolean): Promise<void> {
  for await (const piece of pieces) {
    if (piece !== "" && !process.stdout.write(visible ? visibleText(piece) : piece)) await once(process.stdout, "drain");
  }
}
