// Labels carrying ESC, BEL, NUL, C1 or bidi controls reach the terminal escaped (\u001b) in every human-readable output; JSON and Turtle keep the characters.
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/rdf/parse.ts";
import { fixture, runKg } from "./run-kg.ts";

const data = ["--data", fixture("cli", "control-labels.ttl")];
/** What must never be written raw: C0 but tab and line feed, DEL, C1, bidi embeddings, overrides and isolates. */
const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function kg(...args: string[]) {
  const result = await runKg([...data, ...args]);
  expect(result.stderr, args.join(" ")).not.toMatch(raw);
  expect(result.stdout, args.join(" ")).not.toMatch(raw);
  return result;
}

describe("control characters in labels", () => {
  it("are escaped by find, aligned in its table", async () => {
    const result = await kg("find", "Evil");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Evil\\u001b]0;pwned\\u0007 Corp");
    const nul = await kg("find", "Nul");
    expect(nul.stdout).toContain("Nul\\u0000 Land\\u009b31m");
  });

  it("are escaped by path, in labels, the quote and its place", async () => {
    const result = await kg("path", "kgr:evil-corp", "kgr:nul-land");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Evil\\u001b]0;pwned\\u0007 Corp");
    expect(result.stdout).toContain("Clear \\u001b[2J\\u001b[H Ministry");
    expect(result.stdout).toContain("rings\\u0007 the bell");
    expect(result.stdout).toContain("Page\\u001b[31m red");
  });

  it("are escaped by neighbours", async () => {
    const result = await kg("neighbours", "kgr:clear-ministry");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Clear \\u001b[2J\\u001b[H Ministry");
    expect(result.stdout).toContain("Nul\\u0000 Land\\u009b31m");
  });

  it("are escaped in the sparql table, and in messages naming labels", async () => {
    const table = await kg("sparql", "SELECT ?label WHERE { ?s skos:altLabel ?label }");
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("Reversed \\u202ednal");
    // The suggestion quotes the label with JSON.stringify, which leaves C1 controls raw.
    const unknown = await kg("path", "Nul Lan", "kgr:evil-corp");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Land\\u009b31m");
  });

  it("stay the same characters in JSON and Turtle output", async () => {
    const json = await kg("find", "Evil", "--json");
    const hits = (JSON.parse(json.stdout) as { hits: { label: string }[] }).hits;
    expect(hits[0].label).toBe("Evil\u001b]0;pwned\u0007 Corp");
    const turtle = await kg("sparql", "CONSTRUCT WHERE { ?s skos:prefLabel ?l ; skos:altLabel ?a }");
    expect(turtle.code).toBe(0);
    const reparsed = await loadDataset([{ name: "answer.ttl", text: turtle.stdout }]);
    const literals = [...reparsed.quads()].map((q) => q.object.value);
    expect(literals).toContain("Nul\u0000 Land\u009b31m");
    expect(literals).toContain("Reversed \u202ednal");
  });
});
