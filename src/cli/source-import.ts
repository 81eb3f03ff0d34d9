// kg source import-changes: merges an analyst's changeset into the store once it validates, refusing duplicates and conflicts.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type * as RDF from "@rdfjs/types";
import { print, warn } from "./command.ts";
import { curieOf, validationInput, type AuthoringContext } from "./authoring-context.ts";
import { documentBase, readText } from "./load.ts";
import { writeToStore } from "./source-store.ts";
import { loadDataset } from "../rdf/parse.ts";
import { kg, prefixes } from "../rdf/vocab.ts";
import { changesetData, changesetIssues, inlineTexts } from "../session/changeset.ts";

/**
 * Reads the changeset (the workbench's Export changes, or another store's authored.ttl with its sources/ beside it),
 * lists what repeats or contradicts the data, validates the rest with the data, and only then writes it to the store.
 */
export async function importChanges(ctx: AuthoringContext, file: string): Promise<number> {
  const dataset = await loadDataset([{ name: file, text: await readText(file), baseIRI: documentBase(file) }]);
  const changes = [...dataset.quads()];
  // Only the part of the graph the check reads becomes quad objects: at millions of triples the whole is gigabytes.
  const { duplicates, conflicts } = changesetIssues(changesetData(ctx.graph.dataset, changes), changes);

  // Each source's text: inline (prov:value, as the workbench exports it) or a file beside the changeset.
  const inline = inlineTexts(changes);
  const texts: { path: string; text: string }[] = [];
  const missing: string[] = [];
  for (const q of changes.filter((c) => c.predicate.value === kg.cleanedText)) {
    const path = q.object.value;
    const beside = join(dirname(file), path);
    const text = inline.get(path)?.text ?? (existsSync(beside) ? readFileSync(beside, "utf8") : undefined);
    if (text === undefined) {
      missing.push(`${curieOf(ctx.graph, q.subject.value)}: its text ${path} is neither in the changeset (prov:value) nor at ${beside}`);
      continue;
    }
    const stored = join(ctx.store.dir, path);
    if (existsSync(stored) && readFileSync(stored, "utf8") !== text) conflicts.push(`${path}: the store has another text under this name`);
    else if (!existsSync(stored)) texts.push({ path, text });
  }
  const refusals = [...duplicates.map((d) => `duplicate: ${d}`), ...conflicts.map((c) => `conflict: ${c}`), ...missing.map((m) => `missing text: ${m}`)];
  if (refusals.length > 0) return refuse(refusals);

  // The text lives in the store's sources/, not in the graph.
  const quads = changes.filter((q) => q.predicate.value !== prefixes.prov + "value") as RDF.Quad[];
  const input = await validationInput(ctx, quads);
  const { validateAddition } = await import("../session/authoring-validate.ts");
  const problems = await validateAddition({ ...input, sourceTexts: { ...input.sourceTexts, ...Object.fromEntries(texts.map((t) => [t.path, t.text])) } }, quads);
  if (problems.length > 0) return refuse(problems.map((p) => `${p.kind}: ${p.message}`));
  const written = await writeToStore(ctx.store, quads, texts);
  const evidence = new Set(quads.filter((q) => q.predicate.value === prefixes.rdf + "subject").map((q) => q.subject.value)).size;
  print(`imported ${quads.length} triples (${evidence} evidence node${evidence === 1 ? "" : "s"}, ${texts.length} source text${texts.length === 1 ? "" : "s"}) into ${written}`);
  return 0;
}

function refuse(lines: readonly string[]): number {
  for (const line of lines) print(line);
  warn(`kg source import-changes: ${lines.length} problem${lines.length === 1 ? "" : "s"}; nothing imported`);
  return 1;
}
