// The import from files to Turtle and report: reads the metadata, CSV, rules and alignment, checks the names against the graph, imports.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Dataset } from "../../rdf/dataset.ts";
import { loadDataset } from "../../rdf/parse.ts";
import { UsageError } from "../args.ts";
import { loadData } from "../load.ts";
import { checkAlignment, parseAlignment, type GraphLookup } from "./alignment.ts";
import { readTableMetadata } from "./csvw-metadata.ts";
import { readRows } from "./csvw-read.ts";
import { importTurtle } from "./import-turtle.ts";
import { reportLines } from "./import-report.ts";
import { parseRules } from "./rules.ts";
import { importTables, type ImportResult, type ImportTable } from "./tabular-import.ts";

export interface ImportFiles {
  /** One per metadata file, or none: then each metadata's url names its CSV. */
  csvFiles: readonly string[];
  metadataFiles: readonly string[];
  rulesFile: string;
  alignmentFile: string;
  /** The graph the names are checked against (the import's own output left out by the caller). */
  graphFiles: readonly string[];
  baseIRI?: string;
  /** The -o file, for the command line written into the output. */
  output?: string;
}

export interface ImportOutput {
  turtle: string;
  result: ImportResult;
  report: string[];
}

export async function runImport(files: ImportFiles): Promise<ImportOutput> {
  const read = async (file: string) => {
    try {
      return await readFile(file, "utf8");
    } catch (error) {
      throw new UsageError(`kg import: cannot read ${JSON.stringify(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, "import");
    }
  };
  const tables: ImportTable[] = [];
  for (const [i, file] of files.metadataFiles.entries()) {
    const meta = await readTableMetadata(await read(file), file, pathToFileURL(resolve(file)).href);
    const csv = files.csvFiles[i];
    if (csv !== undefined) meta.url = pathToFileURL(resolve(csv)).href;
    tables.push({ meta, rows: await readRows(await read(fileURLToPath(meta.url)), meta) });
  }
  const rules = parseRules(await read(files.rulesFile), files.rulesFile);
  const alignment = parseAlignment(await read(files.alignmentFile), files.alignmentFile);
  const { dataset } = await loadData(files.graphFiles, files.baseIRI);
  const lookup = graphLookup(dataset);
  checkAlignment(alignment, lookup, files.alignmentFile);
  const result = importTables(tables, rules, alignment);
  const command = ["kg import", ...tables.flatMap((t, i) => [relative(fileURLToPath(t.meta.url)), "--metadata", relative(files.metadataFiles[i])]),
    "--rules", relative(files.rulesFile), "--alignment", relative(files.alignmentFile), ...(files.output ? ["-o", relative(files.output)] : [])].join(" ");
  const turtle = importTurtle(result, tables.map((t) => t.meta), {
    command,
    prefLabel: (entity) => lookup.literals(entity, "http://www.w3.org/2004/02/skos/core#prefLabel")[0],
  });
  // The output must load as the rest of the graph does: parse it before anything is written.
  await loadDataset([{ name: files.output ?? "kg import output", text: turtle, baseIRI: "https://w3id.org/smartcity-kg/" }]);
  return { turtle, result, report: reportLines(result) };
}

/** A path as the command line shows it: relative to the working directory when inside it. */
function relative(file: string): string {
  const root = process.cwd();
  const absolute = resolve(file);
  return absolute.startsWith(root + "/") ? absolute.slice(root.length + 1) : file;
}

function graphLookup(dataset: Dataset): GraphLookup {
  const terms = dataset.terms;
  const values = (iri: string, predicate: string, literal: boolean) => {
    const s = terms.iriId(iri);
    const p = terms.iriId(predicate);
    if (s < 0 || p < 0) return [];
    return [...dataset.match(s, p)].map((q) => dataset.objects[q]).filter((o) => terms.isLiteral(o) === literal).map((o) => terms.value(o));
  };
  return {
    hasSubject: (iri) => {
      const s = terms.iriId(iri);
      return s >= 0 && dataset.match(s).next().done === false;
    },
    literals: (iri, predicate) => values(iri, predicate, true),
    objects: (iri, predicate) => values(iri, predicate, false),
  };
}
