// kg import: reads CSV files through their W3C CSV on the Web metadata into relations with cell-level evidence, aligned onto the graph's entities.
import type { Command } from "../command.ts";
import { print, warn } from "../command.ts";
import { UsageError, stringOption } from "../args.ts";

const dataErrors = new Set(["CsvwMetadataError", "ImportRulesError", "AlignmentError"]);

export const importCommand: Command = {
  spec: {
    name: "import",
    summary: "import CSV tables described by CSVW metadata as relations with cell evidence",
    arguments: "[<csv>...]",
    minPositionals: 0,
    details: `Reads each CSV file with its W3C CSV on the Web metadata (--metadata, one per file, in the same order;
without <csv> each metadata's "url" names its file), parsed by @zazuko/rdf-parser-csvw. The --rules file
says which columns state which relations and which repairs apply; the --alignment table maps the names
in the cells onto entities (existing, new, alias or none, each with a reason). Every relation gets one
evidence node per cell that states it: source table, row, column, cell value (kg:CellEvidence). Repairs,
names that matched and did not, and disagreements between the tables are printed; a name not in the
alignment draws no relation. The graph the names are checked against is the bundled one (or --data),
without the -o file itself, so a re-run gives the same file.

Example (the Carnegie AI Global Surveillance Index, both vintages, into graph-data/aigs.ttl):
  kg import graph-data/aigs/carnegie_aigs_2022_irene-glez.csv --metadata graph-data/aigs/aigs-2022.csv-metadata.json \\
            graph-data/aigs/carnegie_aigs_silviagara.csv --metadata graph-data/aigs/aigs-2019.csv-metadata.json \\
            --rules graph-data/aigs/import-rules.json --alignment graph-data/aigs/alignment.tsv -o graph-data/aigs.ttl`,
    options: {
      metadata: { type: "string", value: "FILE", list: true, help: "CSVW metadata (JSON-LD) of each table, in the order of the CSV files" },
      rules: { type: "string", value: "FILE", help: "import rules (JSON): the relations the columns state, the repairs" },
      alignment: { type: "string", value: "FILE", help: "reviewed alignment table (TSV) of the names onto entities" },
      output: { type: "string", short: "o", value: "FILE", help: "write the Turtle to FILE (default: stdout; the report then goes to stderr)" },
    },
  },

  async run(parsed, context) {
    const metadataFiles = (parsed.values.metadata as string[] | undefined) ?? [];
    const rulesFile = stringOption(parsed, "rules");
    const alignmentFile = stringOption(parsed, "alignment");
    const output = stringOption(parsed, "output");
    if (metadataFiles.length === 0) throw new UsageError("kg import: give each table's CSVW metadata with --metadata FILE", "import");
    if (parsed.positionals.length > 0 && parsed.positionals.length !== metadataFiles.length) {
      throw new UsageError(`kg import: ${parsed.positionals.length} CSV files but ${metadataFiles.length} --metadata files; give one metadata file per CSV`, "import");
    }
    if (!rulesFile || !alignmentFile) throw new UsageError("kg import: --rules FILE and --alignment FILE are needed", "import");
    const [{ resolve }, { runImport }, { bundledDataFiles }] = await Promise.all([
      import("node:path"), import("../import/run-import.ts"), import("../load.ts"),
    ]);
    // The graph the names join, without the import's own earlier output: a re-run must not find its own entities.
    const outputPath = output ? resolve(output) : undefined;
    const graphFiles = (context.dataFiles ?? bundledDataFiles()).filter((file) => resolve(file) !== outputPath);
    let imported: Awaited<ReturnType<typeof runImport>>;
    try {
      imported = await runImport({ csvFiles: parsed.positionals, metadataFiles, rulesFile, alignmentFile, graphFiles, baseIRI: context.baseIRI, output });
    } catch (error) {
      // Bad metadata, rules or alignment: the message names the file and the place; nothing is written.
      if (error instanceof Error && dataErrors.has(error.name)) {
        warn(`kg import: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
    const { turtle, report } = imported;
    if (output) {
      const { writeOutput } = await import("../output-file.ts");
      const failed = await writeOutput(output, turtle, "kg import");
      if (failed !== 0) return failed;
      print(report.join("\n") + `\nwrote ${output}\n`);
    } else {
      print(turtle);
      warn(report.join("\n") + "\n");
    }
    return 0;
  },
};
