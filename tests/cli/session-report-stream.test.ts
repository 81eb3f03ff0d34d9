// kg session report writes its HTML in pieces (the Turtle escaped piece by piece), the same text as the one-string report.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadGraph } from "../../src/cli/graph.ts";
import { main } from "../../src/cli/main.ts";
import { subgraphQuads } from "../../src/query/subgraph.ts";
import { writeTurtle } from "../../src/rdf/serialize.ts";
import { sessionContent } from "../../src/session/diff.ts";
import { parseSessionFile } from "../../src/session/index.ts";
import { renderReport } from "../../src/session/report.ts";
import { findEdge } from "../../src/session/replay.ts";
import { fixture } from "./run-kg.ts";

const path = fixture("session", "huawei-kenya.session.json");

/** kg run in this process, every write to stdout kept as its own piece. */
async function kgInProcess(args: readonly string[]): Promise<{ code: number; writes: string[] }> {
  const writes: string[] = [];
  const { write: writeOut } = process.stdout, { write: writeErr } = process.stderr;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    writes.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    (rest.find((arg) => typeof arg === "function") as (() => void) | undefined)?.();
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    return { code: await main(args), writes };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

describe("kg session report in pieces", () => {
  it("writes stdout in several writes, together the report renderReport gave as one string", async () => {
    const { code, writes } = await kgInProcess(["session", "report", path]);
    expect(code).toBe(0);
    // The head, the Turtle's piece(s), the end.
    expect(writes.length).toBeGreaterThanOrEqual(3);
    const file = parseSessionFile(readFileSync(path, "utf8"));
    const { graph } = await loadGraph(undefined);
    const content = sessionContent(file);
    const nodes = content.nodes.map((iri) => graph.nodeByIri(iri)).filter((n) => n >= 0);
    const edges = content.edges.map((t) => findEdge(graph, t)).filter((e) => e >= 0);
    const expected = renderReport(file, { turtle: writeTurtle(graph.dataset, { quads: subgraphQuads(graph, { nodes, edges }) }), graph });
    expect(expected).toContain("kgr:huawei");
    // The time the report was made is the one part that differs between two runs.
    const madeAt = (html: string) => html.replace(/report made [^<]*\./, "report made (time).");
    expect(madeAt(writes.join(""))).toBe(madeAt(expected));
  }, 60_000);
});
