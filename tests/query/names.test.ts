// Name resolution: IRIs, CURIEs, labels and alt labels (case- and accent-insensitive), ambiguity and suggestions.
import { describe, expect, it } from "vitest";
import { NameResolutionError, resolveNode, resolveTerm } from "../../src/query/names.ts";
import { loadNetwork } from "./network.ts";

const kgr = (local: string) => `https://w3id.org/smartcity-kg/resource/${local}`;

function thrown(fn: () => unknown): NameResolutionError {
  try {
    fn();
  } catch (error) {
    if (error instanceof NameResolutionError) return error;
    throw error;
  }
  throw new Error("expected a NameResolutionError");
}

describe("resolveNode", async () => {
  const g = await loadNetwork();
  const huawei = g.nodeByIri(kgr("huawei"));

  it.each([
    ["its IRI", kgr("huawei")],
    ["its IRI in angle brackets", `<${kgr("huawei")}>`],
    ["a CURIE with the data's prefix", "kgr:huawei"],
    ["its label", "Huawei"],
    ["its label in another case, with spaces around", "  HUAWEI "],
    ["an alt label", "huawei technologies"],
  ])("finds a node by %s", (_how, name) => {
    expect(resolveNode(g, name)).toBe(huawei);
  });

  it("ignores accents and case", () => {
    expect(g.label(resolveNode(g, "zurich"))).toBe("Zürich");
    expect(g.label(resolveNode(g, "ZÜRICH"))).toBe("Zürich");
  });

  it("prefers a node's label over another node's alt label, and reads non-English labels", () => {
    expect(resolveNode(g, "China")).toBe(g.nodeByIri(kgr("china")));
    expect(resolveNode(g, "people's republic of china")).toBe(g.nodeByIri(kgr("china")));
    expect(resolveNode(g, "北京")).toBe(g.nodeByIri(kgr("beijing")));
  });

  it("prefers an entity to a class of the same name", () => {
    expect(resolveNode(g, "forum")).toBe(g.nodeByIri(kgr("forum-as-a-topic")));
    expect(resolveNode(g, "kg:Forum")).toBe(g.nodeByIri("https://w3id.org/smartcity-kg/ontology#Forum"));
  });

  it("falls back to the IRI's local name", () => {
    expect(resolveNode(g, "government-of-kenya")).toBe(g.nodeByIri(kgr("government-of-kenya")));
  });

  it("reports an ambiguous name with every candidate", () => {
    const error = thrown(() => resolveNode(g, "Ministry of Health"));
    expect(error.reason).toBe("ambiguous");
    expect(error.name).toBe("Ministry of Health");
    expect(error.candidates.map((c) => c.iri).sort()).toEqual([kgr("ministry-of-health-kenya"), kgr("ministry-of-health-lebanon")]);
    expect(error.message).toBe(
      `query/names: "Ministry of Health" is ambiguous: Ministry of Public Health (Lebanon) <${kgr("ministry-of-health-lebanon")}>, ` +
        `Ministry of Health (Kenya) <${kgr("ministry-of-health-kenya")}>`,
    );
  });

  it("suggests the nearest label for an unknown name", () => {
    const error = thrown(() => resolveNode(g, "Hauwei"));
    expect(error.reason).toBe("unknown");
    expect(error.message).toBe('query/names: unknown node "Hauwei" (did you mean "Huawei"?)');
    expect(error.candidates[0]).toEqual({ node: huawei, label: "Huawei", iri: kgr("huawei") });
  });

  it("says plainly when nothing is near", () => {
    const error = thrown(() => resolveNode(g, "qqqqqqqq"));
    expect(error.message).toBe('query/names: unknown node "qqqqqqqq"');
    expect(error.candidates).toEqual([]);
    expect(thrown(() => resolveNode(g, "kgr:nobody")).reason).toBe("unknown");
  });
});

describe("resolveTerm", async () => {
  const g = await loadNetwork();
  const donatesTo = g.dataset.terms.iriId("https://w3id.org/smartcity-kg/ontology#donatesTo");
  const company = g.dataset.terms.iriId("https://w3id.org/smartcity-kg/ontology#Company");

  it.each(["kg:donatesTo", "https://w3id.org/smartcity-kg/ontology#donatesTo", "donates to", "Donates To", "donatesTo"])(
    "finds the predicate %s",
    (name) => expect(resolveTerm(g, name, "predicate")).toBe(donatesTo),
  );

  it.each(["kg:Company", "company", "Company"])("finds the class %s", (name) => {
    expect(resolveTerm(g, name, "class")).toBe(company);
  });

  it("suggests near predicates", () => {
    const error = thrown(() => resolveTerm(g, "donate to", "predicate"));
    expect(error.reason).toBe("unknown");
    expect(error.message).toBe('query/names: unknown predicate "donate to" (did you mean "donates to"?)');
  });

  it("does not take a class for a predicate", () => {
    expect(thrown(() => resolveTerm(g, "company", "predicate")).reason).toBe("unknown");
  });
});
