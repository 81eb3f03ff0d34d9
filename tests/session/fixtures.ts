// Test helper: the session fixtures and the bundled graph (ontology + graph data), loaded as kg loads them.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadDataset } from "../../src/rdf/parse.ts";
import { projectGraph } from "../../src/graph/project.ts";
import type { GraphIndex } from "../../src/graph/types.ts";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function sessionFixture(name: string): string {
  return join(repoRoot, "tests", "fixtures", "session", name);
}
export function readSessionFixture(name: string): string {
  return readFileSync(sessionFixture(name), "utf8");
}

/** The bundled data files, relative to the repository, in kg's order. */
export function bundledFiles(): string[] {
  return ["ontology", "graph-data"].flatMap((dir) => readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith(".ttl")).sort().map((f) => `${dir}/${f}`));
}

export async function loadGraph(files: string[]): Promise<GraphIndex> {
  const dataset = await loadDataset(files.map((name) => ({ name, text: readFileSync(resolve(repoRoot, name), "utf8") })));
  return projectGraph(dataset);
}

let bundled: Promise<GraphIndex> | undefined;
export function bundledGraph(): Promise<GraphIndex> {
  return (bundled ??= loadGraph(bundledFiles()));
}

export const kgr = (local: string) => `https://w3id.org/smartcity-kg/resource/${local}`;
