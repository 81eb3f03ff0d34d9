// Where authored data lives: a directory (graph-data/ by default, or --into DIR) holding authored.ttl and sources/*.txt.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type * as RDF from "@rdfjs/types";
import type { Dataset } from "../rdf/dataset.ts";
import { bundledDataFiles, documentBase, loadData, packageRoot, readText } from "./load.ts";

/** The Turtle file in the store that holds added sources and authored relations. */
export const AUTHORED_FILE = "authored.ttl";

export interface Store {
  /** The directory: graph-data/ of the package unless --into names another. */
  dir: string;
  /** Whether it is the bundled graph-data/ (so every kg command loads it without flags). */
  bundled: boolean;
}

export function storeAt(into: string | undefined): Store {
  const bundledDir = join(packageRoot, "graph-data");
  const dir = into === undefined ? bundledDir : resolve(into);
  return { dir, bundled: dir === bundledDir };
}

export const authoredPath = (store: Store): string => join(store.dir, AUTHORED_FILE);

/**
 * The files the command loads: --data files, else the bundled graph; plus the store's authored.ttl when it is
 * elsewhere and exists, so a relation added there is seen by the next command that names the same store.
 */
export function storeDataFiles(store: Store, dataFiles: readonly string[] | undefined): string[] {
  const files = dataFiles ? [...dataFiles] : bundledDataFiles();
  const authored = authoredPath(store);
  if (existsSync(authored) && !files.some((file) => resolve(file) === authored)) files.push(authored);
  return files;
}

/** Directories where a kg:cleanedText path ("sources/x.txt") may be found: the store, beside each data file, graph-data/. */
export function textDirectories(store: Store, files: readonly string[]): string[] {
  return [...new Set([store.dir, ...files.map((file) => dirname(resolve(file))), join(packageRoot, "graph-data")])];
}

/** The text a kg:cleanedText path names, from the first directory that has it. */
export async function readSourceText(textPath: string, directories: readonly string[]): Promise<{ path: string; text: string } | undefined> {
  for (const directory of directories) {
    const path = join(directory, textPath);
    if (existsSync(path)) return { path, text: await readText(path) };
  }
  return undefined;
}

/** Loads the data files with the store's authored data (see storeDataFiles). */
export async function loadWithStore(store: Store, dataFiles: readonly string[] | undefined, baseIRI?: string): Promise<{ dataset: Dataset; files: string[] }> {
  const files = storeDataFiles(store, dataFiles);
  const { dataset } = await loadData(files, baseIRI);
  return { dataset, files };
}

/**
 * Adds quads to the store's authored.ttl (created when missing) and writes any new text files, all or nothing: the
 * texts first, the Turtle by a rename, and the texts taken away again if the Turtle cannot be written.
 */
export async function writeToStore(store: Store, quads: readonly RDF.Quad[], texts: readonly { path: string; text: string }[] = []): Promise<string> {
  const [{ loadDataset }, { DatasetBuilder }, { writeTurtle }] = await Promise.all([
    import("../rdf/parse.ts"), import("../rdf/dataset.ts"), import("../rdf/serialize.ts"),
  ]);
  const target = authoredPath(store);
  const existing = existsSync(target)
    ? await loadDataset([{ name: target, text: await readText(target), baseIRI: documentBase(target) }])
    : undefined;
  const builder = new DatasetBuilder(existing);
  // Blank nodes of the new quads get labels fresh to the table, never one of the file's.
  const blanks = new Map<string, number>();
  const id = (term: RDF.Term) => {
    if (term.termType !== "BlankNode") return builder.terms.intern(term);
    let fresh = blanks.get(term.value);
    if (fresh === undefined) blanks.set(term.value, (fresh = builder.terms.freshBlank()));
    return fresh;
  };
  for (const q of quads) builder.addIds(id(q.subject), id(q.predicate), id(q.object));
  const header = "# Sources added and relations authored with kg source add / kg relation add (docs/cli.md); every quote is\n" +
    "# verbatim in the text its source's kg:cleanedText names, under sources/ beside this file.\n\n";
  const turtle = header + writeTurtle(builder.freeze());

  mkdirSync(store.dir, { recursive: true });
  const written: string[] = [];
  try {
    for (const { path, text } of texts) {
      const full = join(store.dir, path);
      if (existsSync(full)) throw new Error(`${full} exists already; not overwritten`);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text, { flag: "wx" });
      written.push(full);
    }
    const temporary = join(store.dir, `.${basename(target)}.${process.pid}.tmp`);
    writeFileSync(temporary, turtle);
    renameSync(temporary, target);
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    throw error;
  }
  return target;
}
