// kg validate: checks the graph data (syntax, SHACL shapes, verbatim quotes, declared terms, evidence) and lists every problem.
import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Command } from "../command.ts";
import { print, warn } from "../command.ts";
import { curie, plural } from "../format.ts";
import { prefixes } from "../../rdf/vocab.ts";
import type { NamedText, Problem } from "../../rdf/validate.ts";

const shapesFileName = "shapes.ttl";

export const validateCommand: Command = {
  spec: {
    name: "validate",
    summary: "check the graph data against the shapes, the sources and the data model",
    arguments: "",
    minPositionals: 0,
    maxPositionals: 0,
    details: `Checks, for the bundled ontology/*.ttl and graph-data/*.ttl (or the --data files):
  syntax                 every file parses (file:line:column)
  shacl                  the data conforms to ontology/shapes.ttl (focus node, path, message)
  quote-not-in-source    every evidence quote (oa:exact) is verbatim in its source's cleaned text
                         (kg:cleanedText, a path relative to graph-data/), and where it has an
                         oa:TextPositionSelector, at oa:start-oa:end with its oa:prefix/oa:suffix around
  undeclared-term        every class and predicate is declared in the ontology or is rdf, rdfs, owl,
                         xsd, skos, dcterms, prov, org, oa, foaf or sh
  missing-evidence       every relation between two entities has an evidence node
  dangling-evidence      every evidence node describes a stated relation
Notes (reported, not errors): kg: properties of the ontology that no data triple uses
(unused-property) or only one does (once-used-property), deprecated ones left out; data
that uses a deprecated term (deprecated-term), with its replacement (ontology/migration.ttl); a quote
found more than once in its text with no position selector saying which (ambiguous-quote).
Prints each problem as "file: subject: kind: message" and a count; exits 1 on any problem.
With --data, the given files are validated (include the ontology among them); the shapes are
ontology/shapes.ttl, and cleaned texts are looked up beside each file, then under graph-data/.`,
    options: {
      shapes: { type: "string", value: "FILE", help: "SHACL shapes to use instead of ontology/shapes.ttl" },
    },
  },

  async run(parsed, context) {
    const [{ documentBase, formatCount, packageRoot, readText, turtleFilesIn }, { cleanedTextPaths, validateDataReport }] = await Promise.all([
      import("../load.ts"), import("../../rdf/validate.ts"),
    ]);
    const bundledShapes = join(packageRoot, "ontology", shapesFileName);
    const shapesPath = typeof parsed.values.shapes === "string" ? parsed.values.shapes : bundledShapes;
    const dataPaths = context.dataFiles ?? [
      ...turtleFilesIn(join(packageRoot, "ontology")).filter((file) => basename(file) !== shapesFileName),
      ...turtleFilesIn(join(packageRoot, "graph-data")),
    ];
    const shown = (file: string) => (file.startsWith(packageRoot + "/") ? file.slice(packageRoot.length + 1) : file);
    const files: NamedText[] = [];
    for (const path of dataPaths) files.push({ name: context.dataFiles ? path : shown(path), text: await readText(path), baseIRI: documentBase(path, context.baseIRI) });
    const shapes: NamedText = { name: shapesPath === bundledShapes ? shown(shapesPath) : shapesPath, text: existsSync(shapesPath) ? await readText(shapesPath) : "", baseIRI: documentBase(shapesPath, context.baseIRI) };
    if (!existsSync(shapesPath)) warn(`kg validate: no shapes file at ${shown(shapesPath)}; SHACL checks skipped`);

    // A cleanedText path is relative to graph-data/; for --data files, a copy beside the file comes first.
    const sourceTexts: Record<string, string> = {};
    const directories = [...new Set([...dataPaths.map((path) => dirname(resolve(path))), join(packageRoot, "graph-data")])];
    for (const textPath of await cleanedTextPaths(files)) {
      const found = directories.map((directory) => join(directory, textPath)).find((candidate) => existsSync(candidate));
      if (found) sourceTexts[textPath] = await readText(found);
    }

    const report = await validateDataReport({ files, shapes, sourceTexts });
    for (const note of report.notes) print(formatProblem(note));
    if (report.notes.length > 0) print(`${formatCount(report.notes.length)} note${report.notes.length === 1 ? "" : "s"} (${countKinds(report.notes)}), not errors`);
    if (report.problems.length === 0) {
      print(`valid: ${plural(report.files, "file")}, ${plural(report.triples, "triple")}, ${plural(report.quotesChecked, "evidence quote")} checked`);
      return 0;
    }
    for (const problem of report.problems) print(formatProblem(problem));
    const count = report.problems.length;
    print(`${formatCount(count)} problem${count === 1 ? "" : "s"} (${countKinds(report.problems)}) in ${formatCount(report.files)} files`);
    return 1;
  },
};

/** "3 shacl, 1 syntax": how many of each kind, in order of first appearance. */
function countKinds(problems: readonly Problem[]): string {
  const byKind = new Map<string, number>();
  for (const problem of problems) byKind.set(problem.kind, (byKind.get(problem.kind) ?? 0) + 1);
  return [...byKind].map(([kind, count]) => `${count} ${kind}`).join(", ");
}

/** `file: subject: kind: message`, or `file:line:column: syntax: message` for a syntax error. */
export function formatProblem(problem: Problem): string {
  const where = problem.line !== undefined ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
  return [where, ...(problem.subject ? [curie(problem.subject, prefixes)] : []), problem.kind, problem.message].join(": ");
}
