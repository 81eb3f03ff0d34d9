// What kg source and kg relation work on: the graph with the store's authored data, its sources, and a source's text.
import { basename, join } from "node:path";
import { UsageError } from "./args.ts";
import type { CommandContext } from "./command.ts";
import { loadWithStore, readSourceText, storeAt, textDirectories, type Store } from "./source-store.ts";
import { documentBase, packageRoot, readText } from "./load.ts";
import type * as RDF from "@rdfjs/types";
import type { AuthoredValidation } from "../session/authoring-validate.ts";
import type { GraphIndex } from "../graph/types.ts";
import { curie } from "../rdf/curie.ts";
import { localName } from "../graph/labels.ts";
import { projectGraph } from "../graph/project.ts";
import { expandCurie, resolveNode } from "../query/names.ts";
import { normaliseText } from "../query/text.ts";
import type { PredicateSchema } from "../query/predicate-fit.ts";
import { readSources, type SourceMeta } from "../session/source-model.ts";

export interface AuthoringContext {
  store: Store;
  graph: GraphIndex;
  /** The files loaded (the data plus the store's authored.ttl). */
  files: string[];
  sources: SourceMeta[];
}

export async function authoringContext(into: string | undefined, context: CommandContext): Promise<AuthoringContext> {
  const store = storeAt(into);
  const { dataset, files } = await loadWithStore(store, context.dataFiles, context.baseIRI);
  const graph = projectGraph(dataset);
  return { store, graph, files, sources: readSources(graph) };
}

/** The source a name denotes (its label, alt label, CURIE or IRI), with its text; refused with the sources listed. */
export async function sourceNamed(ctx: AuthoringContext, name: string, command: string): Promise<{ source: SourceMeta; text: string; path: string }> {
  const known = () => ctx.sources.map((s) => `${s.title} (${curieOf(ctx.graph, s.iri)})`).join("; ");
  let iri: string | undefined;
  try {
    iri = ctx.graph.iri(resolveNode(ctx.graph, name));
  } catch {
    iri = undefined;
  }
  const source = ctx.sources.find((s) => s.iri === iri) ?? ctx.sources.find((s) => normaliseText(s.title) === normaliseText(name));
  if (!source) throw new UsageError(`kg ${command}: no source named ${JSON.stringify(name)}; the sources are: ${known()}`, command);
  const found = await readSourceText(source.textPath, textDirectories(ctx.store, ctx.files));
  if (!found) throw new UsageError(`kg ${command}: the text of ${source.title} (${source.textPath}) is not in ${ctx.store.dir} or beside the data files`, command);
  return { source, text: found.text, path: found.path };
}

export function curieOf(graph: GraphIndex, iri: string): string {
  return curie(iri, graph.prefixes);
}

/** An object property the schema declares, by IRI, CURIE, label or local name (case and accents ignored). */
export function predicateNamed(graph: GraphIndex, schema: PredicateSchema, name: string): string | undefined {
  const iri = expandCurie(graph, name.trim()) ?? name.trim();
  const byIri = schema.properties.find((p) => p.iri === iri);
  if (byIri) return byIri.iri;
  const key = normaliseText(name);
  const local = (p: string) => normaliseText(localName(p));
  return (schema.properties.find((p) => normaliseText(p.label) === key) ?? schema.properties.find((p) => local(p.iri) === key))?.iri;
}

/**
 * What validating an addition reads: the part of the loaded graph its checks need (session/authoring-subgraph.ts),
 * shapes.ttl and the source texts that part names; never every data file as text nor the whole graph re-validated.
 */
export async function validationInput(ctx: AuthoringContext, added: readonly RDF.Quad[]): Promise<AuthoredValidation> {
  const { subgraphDocuments } = await import("../session/authoring-subgraph.ts");
  const dataFiles = ctx.files.filter((file) => !(basename(file) === "shapes.ttl" && file.includes("ontology")));
  const { files, textPaths } = subgraphDocuments(ctx.graph.dataset, added, { ontologyApart: dataFiles.length > 1 });
  const sourceTexts: Record<string, string> = {};
  const directories = textDirectories(ctx.store, ctx.files);
  for (const textPath of textPaths) {
    const found = await readSourceText(textPath, directories);
    if (found) sourceTexts[textPath] = found.text;
  }
  const shapesPath = join(packageRoot, "ontology", "shapes.ttl");
  return { files, shapes: { name: "ontology/shapes.ttl", text: await readText(shapesPath), baseIRI: documentBase(shapesPath) }, sourceTexts };
}
