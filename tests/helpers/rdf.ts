// Shared RDF test helpers: isomorphism of datasets, loading fixtures, running Debian's rapper, and reading W3C test manifests.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DataFactory, Writer } from "n3";
import { isomorphic as quadsIsomorphic } from "rdf-isomorphic";
import type * as RDF from "@rdfjs/types";
import type { Dataset } from "../../src/rdf/dataset.ts";
import { loadDataset, type RdfFormat } from "../../src/rdf/parse.ts";
import { rdf } from "../../src/rdf/vocab.ts";

/** The repository root (tests/helpers/../..). */
const { blankNode, quad } = DataFactory;

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A fixture file's path under tests/fixtures/. */
export function fixturePath(...parts: string[]): string {
  return join(repoRoot, "tests", "fixtures", ...parts);
}

/** Whether two datasets (or quad lists) hold the same quads up to a renaming of blank nodes. */
export function isomorphic(a: Dataset | readonly RDF.Quad[], b: Dataset | readonly RDF.Quad[]): boolean {
  return quadsIsomorphic(quadsOf(a), quadsOf(b));
}

function quadsOf(data: Dataset | readonly RDF.Quad[]): RDF.Quad[] {
  return Array.isArray(data) ? [...data] : [...(data as Dataset).quads()];
}

/** The dataset as N-Quads with its lines shuffled (seeded) and its blank nodes renamed, via n3's writer. */
export function shuffledNQuads(dataset: Dataset, seed: number): string {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const names = new Map<string, string>();
  const rename = <T extends RDF.Term>(term: T): T => {
    if (term.termType !== "BlankNode") return term;
    let name = names.get(term.value);
    if (!name) names.set(term.value, (name = `r${Math.floor(random() * 1e9)}x${names.size}`));
    return blankNode(name) as unknown as T;
  };
  const quads = [...dataset.quads()].map((q) => quad(rename(q.subject), q.predicate, rename(q.object), rename(q.graph)));
  for (let i = quads.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [quads[i], quads[j]] = [quads[j], quads[i]];
  }
  const writer = new Writer({ format: "N-Quads" });
  writer.addQuads(quads as never);
  let text = "";
  writer.end((_error, result) => (text = result));
  return text;
}

/** Loads one string as a dataset (a test shorthand for `loadDataset([{ name, text, format }])`). */
export function parseText(text: string, format: RdfFormat = "turtle", name = `inline.${format}`, baseIRI?: string): Promise<Dataset> {
  return loadDataset([{ name, text, format, baseIRI }]);
}

/** Loads files from disk as one dataset; the format follows each file's extension. */
export function loadFiles(paths: readonly string[], baseIRI?: (path: string) => string): Promise<Dataset> {
  return loadDataset(paths.map((path) => ({ name: path, text: readFileSync(path, "utf8"), baseIRI: baseIRI?.(path) })));
}

/** The absolute path of `rapper`, or a thrown Error saying how to install it (tests must not skip silently). */
export function requireRapper(): string {
  const found = spawnSync("sh", ["-c", "command -v rapper"], { encoding: "utf8" });
  const path = found.stdout.trim();
  if (found.status !== 0 || path === "") {
    throw new Error("rapper (Debian package raptor2-utils) is not installed: run `apt-get install -y raptor2-utils` (.ci/run installs it)");
  }
  return path;
}

export interface RapperResult {
  /** rapper's output (N-Triples unless `output` says otherwise). */
  text: string;
  /** rapper's diagnostics (it reports parse errors and warnings on stderr). */
  stderr: string;
}

/**
 * Runs `rapper -i <input> -o <output>` on a string (fed through stdin) and returns its output; throws with
 * rapper's own messages when it exits non-zero or reports an error.
 */
export function runRapper(text: string, options: { input?: string; output?: string; baseIRI?: string } = {}): RapperResult {
  const rapperPath = requireRapper();
  const base = options.baseIRI ?? "http://example.org/rapper-base/";
  const args = ["-q", "-i", options.input ?? "turtle", "-o", options.output ?? "ntriples", "-", base];
  const result = spawnSync(rapperPath, args, { input: text, encoding: "utf8", maxBuffer: 1 << 30 });
  if (result.status !== 0 || /\berror\b/i.test(result.stderr)) {
    throw new Error(`rapper ${args.join(" ")} failed (exit ${result.status}): ${result.stderr.trim().slice(0, 2000)}`);
  }
  return { text: result.stdout, stderr: result.stderr };
}

/** rapper's version line, for messages. */
export function rapperVersion(): string {
  return execFileSync(requireRapper(), ["--version"], { encoding: "utf8" }).trim();
}

export interface ManifestEntry {
  /** The test's IRI, e.g. `…/manifest.ttl#IRI_subject`. */
  id: string;
  name: string;
  /** The local name of its rdf:type, e.g. `TestTurtleEval`. */
  kind: string;
  /** Absolute path of the action file. */
  action: string;
  /** Absolute path of the expected result file, if any. */
  result?: string;
  comment?: string;
}

const mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const rdfsComment = "http://www.w3.org/2000/01/rdf-schema#comment";

/**
 * Reads a W3C test manifest (manifest.ttl) with our own loader: the entries in `mf:entries` list order.
 * File IRIs resolve against the manifest's file: URL, so `action` and `result` are local paths.
 */
export async function readManifest(manifestPath: string): Promise<ManifestEntry[]> {
  const baseIRI = `file://${manifestPath}`;
  const dataset = await loadDataset([{ name: manifestPath, text: readFileSync(manifestPath, "utf8"), format: "turtle", baseIRI }]);
  const { terms } = dataset;
  const one = (subject: number, predicate: string): number | undefined => {
    const p = terms.iriId(predicate);
    if (p < 0) return undefined;
    for (const i of dataset.match(subject, p)) return dataset.objects[i];
    return undefined;
  };
  const manifest = terms.iriId(baseIRI);
  let list = one(manifest, `${mf}entries`);
  const nil = terms.iriId(rdf.nil);
  const entries: ManifestEntry[] = [];
  const localPath = (id: number | undefined) => (id === undefined ? undefined : decodeURIComponent(terms.value(id).replace(/^file:\/\//, "")));
  while (list !== undefined && list !== nil) {
    const test = one(list, rdf.first)!;
    const type = terms.value(one(test, rdf.type)!);
    entries.push({
      id: terms.value(test),
      name: terms.value(one(test, `${mf}name`)!),
      kind: type.substring(type.lastIndexOf("#") + 1),
      action: localPath(one(test, `${mf}action`))!,
      result: localPath(one(test, `${mf}result`)),
      comment: (() => {
        const c = one(test, rdfsComment);
        return c === undefined ? undefined : terms.value(c);
      })(),
    });
    list = one(list, rdf.rest);
  }
  return entries;
}

/**
 * A W3C test file's base IRI: the manifest's `mf:assumedTestBase` (the current suite's convention) plus the file
 * name, else the 2013 convention `http://www.w3.org/2013/TurtleTests/<file>`. Most expected results use absolute
 * IRIs, so only tests that resolve against the document IRI (turtle-subm-01, -27) tell the two apart.
 */
export function turtleTestBase(path: string, assumedTestBase = "http://www.w3.org/2013/TurtleTests/"): string {
  return `${assumedTestBase}${basename(path)}`;
}

/** A manifest's `mf:assumedTestBase`, if it declares one. */
export async function readAssumedTestBase(manifestPath: string): Promise<string | undefined> {
  const baseIRI = `file://${manifestPath}`;
  const dataset = await loadDataset([{ name: manifestPath, text: readFileSync(manifestPath, "utf8"), format: "turtle", baseIRI }]);
  const p = dataset.terms.iriId(`${mf}assumedTestBase`);
  if (p < 0) return undefined;
  for (const i of dataset.match(dataset.terms.iriId(baseIRI), p)) return dataset.terms.value(dataset.objects[i]);
  return undefined;
}
