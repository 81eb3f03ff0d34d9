// Test helper: the session fixtures and the bundled graph (ontology + graph data), loaded as kg loads them.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadDataset } from "../../src/rdf/parse.ts";
import { projectGraph } from "../../src/graph/project.ts";
import type { GraphIndex } from "../../src/graph/types.ts";
import { parseSessionFile, SessionFileError } from "../../src/session/format.ts";

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

// Raw JSON edited freely to make broken files.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RawJson = Record<string, any>;

/** The error a session file is refused with; fails the test when the file is accepted. */
export function refusal(text: string, options?: Parameters<typeof parseSessionFile>[1]): SessionFileError {
  try {
    parseSessionFile(text, options);
  } catch (error) {
    if (error instanceof SessionFileError) return error;
    throw error;
  }
  throw new Error("expected the session to be refused");
}

/** The real saved session (huawei-kenya fixture), with a change. */
export function variant(change: (f: RawJson) => void): string {
  const copy = JSON.parse(readSessionFixture("huawei-kenya.session.json"));
  change(copy);
  return JSON.stringify(copy);
}
