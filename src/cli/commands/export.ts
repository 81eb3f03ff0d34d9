// kg export: writes the loaded graph as Turtle, N-Triples, N-Quads or TriG, to stdout or a file.
import type { Command } from "../command.ts";
import { printChunks, warn } from "../command.ts";
import { UsageError, stringOption } from "../args.ts";
import type { RdfFormat } from "../../rdf/parse.ts";
import { Progress } from "../progress.ts";

const rdfFormats: readonly RdfFormat[] = ["turtle", "ntriples", "nquads", "trig"];
const formatOfExtension: Record<string, RdfFormat> = { ttl: "turtle", nt: "ntriples", nq: "nquads", trig: "trig" };

export const exportCommand: Command = {
  spec: {
    name: "export",
    summary: "write the graph as Turtle, N-Triples, N-Quads or TriG",
    arguments: "",
    minPositionals: 0,
    maxPositionals: 0,
    details: `Writes every triple of the loaded graph (the bundled one, or the --data files merged) in one format.
Without --format the format follows the -o file's extension (.ttl .nt .nq .trig), else Turtle.
Turtle and N-Triples have no graph names: when the data has named graphs, kg warns and merges them;
use --format trig or nquads to keep them.

Examples:
  kg export > smartcity.ttl
  kg export --format ntriples -o smartcity.nt`,
    options: {
      format: { type: "string", value: "turtle|ntriples|nquads|trig", help: "output format (default: from -o, else turtle)" },
      output: { type: "string", short: "o", value: "FILE", help: "write to FILE instead of stdout" },
    },
  },

  async run(parsed, context) {
    const output = stringOption(parsed, "output");
    const requested = stringOption(parsed, "format");
    const extension = output ? /\.([a-z]+)$/i.exec(output)?.[1].toLowerCase() : undefined;
    const format = requested ?? (extension ? formatOfExtension[extension] : undefined) ?? "turtle";
    if (!rdfFormats.includes(format as RdfFormat)) {
      throw new UsageError(`kg export: --format must be one of ${rdfFormats.join(", ")}, got ${JSON.stringify(format)}`, "export");
    }
    const [{ loadData, formatCount }, { warnNamedGraphs }, serialize] = await Promise.all([
      import("../load.ts"), import("../render.ts"), import("../../rdf/serialize.ts"),
    ]);
    const { dataset } = await loadData(context.dataFiles, context.baseIRI);
    if (format === "turtle" || format === "ntriples") warnNamedGraphs(serialize.namedGraphsIn(dataset).length);
    // Written piece by piece: an export of any size never needs one string (V8 caps one near 3M triples of N-Triples).
    const chunks = withProgress(serialize.writeChunks(dataset, format as RdfFormat), `writing ${format}`, new Progress());
    if (output) {
      const { writeOutput } = await import("../output-file.ts");
      const failed = await writeOutput(output, chunks, "kg export");
      if (failed !== 0) return failed;
      warn(`wrote ${formatCount(dataset.size)} quads as ${format} to ${output}`);
    } else await printChunks(chunks);
    return 0;
  },
};

/** The chunks as they are, with the characters written so far and the rate shown on the way. */
export function* withProgress(chunks: Iterable<string>, what: string, progress: Progress): Generator<string> {
  let chars = 0;
  for (const chunk of chunks) {
    yield chunk;
    chars += chunk.length;
    progress.update(`${what}: ${(chars / 1e6).toFixed(0)} M characters${progress.rate(chars / 1e6, "M")}…`);
  }
  progress.done(`${what}: ${(chars / 1e6).toFixed(1)} M characters in ${progress.elapsedSeconds.toFixed(1)} s`);
}
