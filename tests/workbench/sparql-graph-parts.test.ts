// The SPARQL panel's graph answers in the data worker: N-Triples in pieces in, Turtle in pieces out (downloaded as a Blob of them), the same text as the one-string writer gave.
import { Parser } from "n3";
import { beforeAll, describe, expect, it } from "vitest";
import { generateTurtle } from "../../bench/generate.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import { writeNTriples, writeTurtle } from "../../src/rdf/serialize.ts";
import { DataService } from "../../src/workbench/data-service.ts";
import { handleSparql } from "../../src/workbench/sparql/worker-side.ts";
import { preview } from "../../src/workbench/sparql/results-view.ts";

const text = generateTurtle({ triples: 40_000, seed: 3 }).text;
let service: DataService;
let ntriples = "";

beforeAll(async () => {
  service = new DataService();
  await service.load([{ name: "generated-40k.ttl", text }], true);
  ntriples = writeNTriples(await loadDataset([{ name: "generated-40k.ttl", text }]));
}, 60_000);

describe("a graph answer in the workbench", () => {
  it("comes back as Turtle in several pieces, together what writeTurtle gave as one string", async () => {
    // Three pieces cut at line ends, as the engines and endpoints deliver them.
    const lines = ntriples.split(/(?<=\n)/);
    const third = Math.ceil(lines.length / 3);
    const parts = [0, 1, 2].map((k) => lines.slice(k * third, (k + 1) * third).join(""));
    const reply = await handleSparql(service, { op: "graph", parts, format: "ntriples", form: "construct" });
    if (reply.op !== "graph" || reply.answer.form !== "construct") throw new Error("expected a graph answer");
    const { turtle, triples } = reply.answer;
    const answer = await loadDataset([{ name: "answer", text: ntriples, format: "ntriples" }]);
    const prefixes = service.loaded!.dataset.prefixes;
    const used = Object.fromEntries(Object.entries(prefixes).filter(([, namespace]) => ntriples.includes(namespace)));
    const expected = writeTurtle(answer, { prefixes: used });
    expect(expected.length).toBeGreaterThan(1 << 20);
    expect(turtle.length).toBeGreaterThan(1);
    expect(turtle.join("")).toBe(expected);
    expect(triples).toBe(answer.size);
    expect(new Parser().parse(turtle.join(""))).toHaveLength(answer.size);
  }, 60_000);

  it("is previewed from its first pieces, cut at the limit whatever the boundaries", () => {
    expect(preview(["abc", "def"], 6)).toBe("abcdef");
    expect(preview(["abc", "def"], 4)).toBe("abcd\n…");
    expect(preview(["abc", "def"], 3)).toBe("abc\n…");
    expect(preview([], 3)).toBe("");
  });
});
