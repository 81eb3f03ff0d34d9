// Where a query command's answer goes (stdout or its -o file), and a subgraph's Turtle written piece by piece, never as one string.
import type { GraphIndex } from "../graph/types.ts";
import { UsageError, flag, stringOption, type OptionSpec, type ParsedCommand } from "./args.ts";
import { print, printChunks, warn } from "./command.ts";
import { plural } from "./format.ts";

/** The -o option of kg path, neighbours and connect. */
export const outputOptionSpec: Record<"output", OptionSpec> = {
  output: { type: "string", short: "o", value: "FILE", help: "write to FILE instead of stdout (a .ttl FILE gets the Turtle, as --turtle; .json as --json)" },
};

export type AnswerForm = "text" | "json" | "turtle";

/**
 * --json, --turtle, else text; given neither, a -o FILE ending in .ttl or .json chooses (as kg export's extension
 * chooses its format), so `-o result.ttl` never holds the text listing.
 */
export function answerForm(parsed: ParsedCommand, command: string): AnswerForm {
  const json = flag(parsed, "json"), turtle = flag(parsed, "turtle");
  if (json && turtle) throw new UsageError(`kg ${command}: choose one of --json and --turtle`, command);
  if (json) return "json";
  if (turtle) return "turtle";
  const extension = /\.([a-z]+)$/i.exec(stringOption(parsed, "output") ?? "")?.[1].toLowerCase();
  return extension === "ttl" ? "turtle" : extension === "json" ? "json" : "text";
}

/** Writes a listing or JSON to stdout (as print does) or whole to the -o file; returns the exit code. */
export async function writeAnswer(text: string, output: string | undefined, who: string): Promise<number> {
  if (output === undefined) {
    print(text);
    return 0;
  }
  const { writeOutput } = await import("./output-file.ts");
  return writeOutput(output, text.endsWith("\n") ? text : `${text}\n`, who);
}

/**
 * The Turtle of the nodes and edges with their evidence (query/subgraph.ts), in pieces of about `chunkChars`
 * characters (rdf/serialize.ts writeChunks, the same text writeTurtle gives whole); warns when named graphs are merged.
 */
export async function subgraphTurtleChunks(graph: GraphIndex, nodes: Iterable<number>, edges: Iterable<number>, chunkChars?: number): Promise<{ chunks: Iterable<string>; quads: number }> {
  const [{ subgraphQuads }, { namedGraphsIn, writeChunks }, { warnNamedGraphs }] = await Promise.all([
    import("../query/subgraph.ts"), import("../rdf/serialize.ts"), import("./render.ts"),
  ]);
  const quads = subgraphQuads(graph, { nodes, edges });
  warnNamedGraphs(namedGraphsIn(graph.dataset, quads).length);
  return { chunks: writeChunks(graph.dataset, "turtle", { quads, chunkChars }), quads: quads.length };
}

/**
 * Writes the subgraph's Turtle to stdout (each piece once the last has drained) or to the -o file (all or nothing,
 * piece by piece, as kg export does), with progress on stderr for a long one; returns the exit code.
 */
export async function writeSubgraphTurtle(graph: GraphIndex, nodes: Iterable<number>, edges: Iterable<number>, output: string | undefined, who: string): Promise<number> {
  const [{ chunks, quads }, { withProgress }, { Progress }] = await Promise.all([
    subgraphTurtleChunks(graph, nodes, edges), import("./commands/export.ts"), import("./progress.ts"),
  ]);
  const pieces = withProgress(chunks, "writing turtle", new Progress());
  if (output === undefined) {
    await printChunks(pieces);
    return 0;
  }
  const { writeOutput } = await import("./output-file.ts");
  const failed = await writeOutput(output, pieces, who);
  if (failed === 0) warn(`wrote ${plural(quads, "quad")} as turtle to ${output}`);
  return failed;
}
