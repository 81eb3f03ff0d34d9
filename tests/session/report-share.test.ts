// The HTML report (content, escaping, no scripts) and share links (round trip, compactness, refusals).
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/session/report.ts";
import {
  decodeShareState,
  describeSource,
  encodeShareState,
  getEmptySession,
  hideNodes,
  parseSessionFile,
  selectNode,
  setPathEnds,
  setPathOptions,
  ShareError,
  stateFromShare,
  toShareState,
  tripleKey,
  MAX_SHARE_LENGTH,
} from "../../src/session/index.ts";
import { sessionContent } from "../../src/session/diff.ts";
import { findEdge } from "../../src/session/replay.ts";
import { subgraphQuads } from "../../src/query/subgraph.ts";
import { writeTurtle } from "../../src/rdf/serialize.ts";
import type { GraphIndex } from "../../src/graph/types.ts";
import type { SessionFile } from "../../src/session/format.ts";
import { sha256Hex } from "../../src/session/sha256.ts";
import { bundledGraph, kgr, readSessionFixture } from "./fixtures.ts";

function turtleOf(file: SessionFile, graph: GraphIndex): string {
  const content = sessionContent(file);
  const nodes = content.nodes.map((n) => graph.nodeByIri(n)).filter((n) => n >= 0);
  const edges = content.edges.map((t) => findEdge(graph, t)).filter((e) => e >= 0);
  return writeTurtle(graph.dataset, { quads: subgraphQuads(graph, { nodes, edges }) });
}

/** Tags in an HTML text, by name. */
const tagNames = (html: string) => [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase());

describe("report", () => {
  it("holds each query with its paths, explanations and evidence quotes, the notes and the Turtle", async () => {
    const graph = await bundledGraph();
    const file = parseSessionFile(readSessionFixture("huawei-kenya.session.json"));
    const turtle = turtleOf(file, graph);
    const html = renderReport(file, { turtle, graph, generatedAt: "2026-11-22T00:00:00Z" });
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("<h1>Huawei and Kenya</h1>");
    expect(html).toContain("Path Huawei → Kenya");
    expect(html).toContain("Neighbourhood of DJI (1 hop, both)");
    // Quotes from the data, escaped as any text (the straight quote in the brief's text would be &quot;).
    const quote = graph.evidence(findEdge(graph, file.history[1].recorded!.paths![0].edges[0]))[0].quote;
    expect(quote).not.toBe("");
    expect(html).toContain(`“${quote.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")}”`);
    expect(html).toContain(file.history[1].recorded!.paths![0].explanation![0].replace(/"/g, "&quot;").replace(/'/g, "&#39;"));
    expect(html).toContain("Donated video conference equipment (2020).");
    expect(html).toContain("Check the table on p. 3.");
    expect(turtle).toContain("kgr:huawei");
    expect(html).toContain(turtle.slice(0, 200).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;"));
    // Self-contained: no scripts, no external resources.
    expect(tagNames(html)).not.toContain("script");
    expect(html).not.toMatch(/\b(src|href)="(?!data:)/);
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
  });

  it("escapes hostile names, labels and notes: no tag is injected", async () => {
    const graph = await bundledGraph();
    const file = parseSessionFile(readSessionFixture("hostile.session.json"));
    const html = renderReport(file, { turtle: "<x> <y> \"</pre><script>alert(1)</script>\" .", generatedAt: "2026-11-22T00:00:00Z" });
    const clean = renderReport(parseSessionFile(readSessionFixture("huawei-kenya.session.json")), { turtle: "", generatedAt: "2026-11-22T00:00:00Z" });
    // The same tags as a report on the plain session: nothing from the data became markup.
    expect(tagNames(html).sort()).toEqual(tagNames(clean).sort());
    expect(html).toContain("&lt;/title&gt;&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;b onmouseover=alert(1)&gt;hover&lt;/b&gt;");
    expect(html).toContain("&lt;/div&gt;&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img src=x");
    // With no graph, the file's labels are used, escaped.
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(&#39;label&#39;)&quot;&gt;");
    void graph;
  });

  it("without a graph, quotes the evidence it is given by triple (as the browser fetches it)", () => {
    const file = parseSessionFile(readSessionFixture("huawei-kenya.session.json"));
    const nbStep = file.history[3].recorded!;
    const triple = nbStep.edges[0];
    const html = renderReport(file, {
      turtle: "",
      evidence: { [tripleKey(triple)]: [{ statement: "_:s", quote: "A <quoted> & evidenced relation", source: "", sourceLabel: "The brief", locator: "p. 3" }] },
    });
    expect(html).toContain("“A &lt;quoted&gt; &amp; evidenced relation” <span class=\"place\">— p. 3 · The brief</span>");
  });

  it("lists a neighbourhood's relations, also from a file whose step recorded none (older workbench builds): from its snapshot", () => {
    const file = parseSessionFile(readSessionFixture("huawei-kenya.session.json"));
    const step = file.history[3];
    expect(step.action.kind).toBe("neighbourhood");
    const relations = step.recorded!.edges;
    expect(relations.length).toBe(16);
    const count = (html: string) => /Neighbourhood of DJI[^]*?<p>(\d+) nodes, (\d+) relations/.exec(html)?.slice(1, 3);
    expect(count(renderReport(file, { turtle: "" }))).toEqual(["17", "16"]);
    // As an older build saved it: the step without its relations; the snapshot's edge keys still name them.
    const old = { ...file, history: file.history.map((e, i) => (i === 3 ? { ...e, recorded: { ...e.recorded!, edges: [] } } : e)) };
    const html = renderReport(old, { turtle: "" });
    expect(count(html)).toEqual(["17", "16"]);
    for (const t of relations) expect(html).toContain(`<span title="${t.source}">`);
    // Without the snapshot's keys nothing is known: it says so rather than "0 relations".
    const noSnapshot = { ...old, history: old.history.map((e, i) => (i === 3 ? { ...e, snapshot: undefined } : e)) };
    expect(renderReport(noSnapshot, { turtle: "" })).toMatch(/Neighbourhood of DJI[^]*?<p>17 nodes, relations not recorded\.<\/p>/);
  });

  it("takes only a PNG data URL as the view image", () => {
    const file = parseSessionFile(readSessionFixture("huawei-kenya.session.json"));
    const png = "data:image/png;base64,iVBORw0KGgo=";
    expect(renderReport(file, { turtle: "", imagePng: png })).toContain(`<img class="view" alt="The graph as shown in the workbench" src="${png}">`);
    const evil = renderReport(file, { turtle: "", imagePng: `javascript:alert(1)" onerror="alert(2)` });
    expect(evil).not.toContain("javascript:");
    expect(tagNames(evil)).not.toContain("img");
  });
});

describe("share links", () => {
  const layout = { camera: { x: 0.4, y: 0.6, ratio: 0.5, angle: 0 }, pinned: [kgr("huawei")], positions: { [kgr("huawei")]: [1.5, -2] as [number, number], [kgr("kenya")]: [3, 4] as [number, number] } };
  const state = () => {
    let s = getEmptySession();
    s = setPathEnds(kgr("huawei"), kgr("kenya"))(s);
    s = setPathOptions({ k: 3, excludeNodes: [kgr("china")] })(s);
    s = hideNodes([kgr("pakistan")])(s);
    s = selectNode(kgr("kenya"))(s);
    return s;
  };

  it("round-trips the view state, compactly", () => {
    const encoded = encodeShareState(state(), layout);
    expect(encoded).toMatch(/^1\.[A-Za-z0-9_-]+\.[0-9a-f]{10}$/);
    expect(encoded.length).toBeLessThan(400);
    const share = decodeShareState(encoded);
    expect(share).toEqual(toShareState(state(), layout));
    expect(share.pinned).toEqual({ [kgr("huawei")]: [1.5, -2] });
    const restored = stateFromShare(share);
    expect(restored.path.from).toBe(kgr("huawei"));
    expect(restored.path.options.k).toBe(3);
    expect(restored.filters.hiddenNodes).toEqual([kgr("pakistan")]);
    expect(restored.selection).toEqual({ kind: "node", node: kgr("kenya") });
    expect(restored.path.results).toEqual([]);
  });

  it("refuses a link edited, cut short or of another version", () => {
    const encoded = encodeShareState(state(), layout);
    const [v, payload, check] = encoded.split(".");
    const flipped = payload.slice(0, 10) + (payload[10] === "A" ? "B" : "A") + payload.slice(11);
    expect(() => decodeShareState(`${v}.${flipped}.${check}`)).toThrow("session/share: the link was cut short or altered (its check does not match); copy the whole link");
    expect(() => decodeShareState(encoded.slice(0, encoded.length - 20))).toThrow(ShareError);
    expect(() => decodeShareState(`2.${payload}.${check}`)).toThrow("session/share: link version 2 is not the one this build reads (1)");
    expect(() => decodeShareState("hello")).toThrow("not a share link");
  });

  it("validates a well-formed link like a session file", () => {
    const forge = (json: string) => {
      const payload = Buffer.from(json).toString("base64url");
      return `1.${payload}.${sha256Hex(payload).slice(0, 10)}`;
    };
    expect(() => decodeShareState(forge('{"focus":"everything"}'))).toThrow('session/share: focus: "everything" is not one of "none", "path", "neighbourhood"');
    expect(() => decodeShareState(forge('{"__proto__":{"polluted":1}}'))).toThrow('session/share: ["__proto__"]: the key "__proto__" is not allowed');
    expect(() => decodeShareState(forge('{"data":"file"}'))).toThrow("session/share: data:");
    expect(() => decodeShareState(forge('{"path":{"from":"https://u:p@example.org/x"}}'))).toThrow("user name or password");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Numbers that would overflow the view are refused with the bound, not drawn as an empty screen.
    expect(() => decodeShareState(forge('{"camera":{"x":1e308,"y":0.5,"ratio":1,"angle":0}}'))).toThrow("session/share: camera.x: 1e+308 is outside -1000000..1000000");
    expect(() => decodeShareState(forge('{"camera":{"x":0.5,"y":0.5,"ratio":1,"angle":-1e300}}'))).toThrow("camera.angle: -1e+300 is outside -10000..10000");
    expect(() => decodeShareState(forge(`{"pinned":{"kgr:huawei":[0,1e12]}}`))).toThrow("is outside -1000000000..1000000000");
    expect(decodeShareState(forge('{"camera":{"x":-3,"y":7.5,"ratio":2,"angle":3.1}}')).camera).toEqual({ x: -3, y: 7.5, ratio: 2, angle: 3.1 });
  });

  it("is only for the bundled data, and never carries credentials", () => {
    expect(() => encodeShareState(state(), layout, [describeSource("mine.ttl", "x", "file")])).toThrow('session/share: share links carry the view of the bundled graph only; this session uses "mine.ttl"');
    expect(() => encodeShareState(state(), layout, [describeSource("graph-data/entities.ttl", "x", "bundled")])).not.toThrow();
    const s = setPathEnds("https://alice:pw@example.org/x", null)(getEmptySession());
    const encoded = encodeShareState(s);
    expect(Buffer.from(encoded.split(".")[1], "base64url").toString()).not.toContain("alice");
    expect(decodeShareState(encoded).path.from).toBe("https://example.org/x");
  });

  it("drops edge keys when opened on other bundled data, keeps them on the same", () => {
    const sources = [describeSource("graph-data/entities.ttl", "v1", "bundled")];
    const s = { ...state(), added: { nodes: [kgr("huawei")], edges: ["e12"] }, selection: { kind: "edge" as const, edge: "e12" } };
    const share = decodeShareState(encodeShareState(s, layout, sources));
    expect(share.dataHash).toMatch(/^[0-9a-f]{12}$/);
    expect(stateFromShare(share, sources).added.edges).toEqual(["e12"]);
    const other = stateFromShare(share, [describeSource("graph-data/entities.ttl", "v2", "bundled")]);
    expect(other.added).toEqual({ nodes: [kgr("huawei")], edges: [] });
    expect(other.selection).toEqual({ kind: "none" });
  });

  it("refuses a view too large for a link", () => {
    const many = hideNodes(Array.from({ length: 2000 }, (_, i) => `https://example.org/node/${i}`))(getEmptySession());
    expect(() => encodeShareState(many)).toThrow(`characters, at most ${MAX_SHARE_LENGTH}); save the session as a file instead`);
  });
});
