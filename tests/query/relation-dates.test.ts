// Relation dates: the timeline's bins count what the path date constraints keep, year by year; open spans and undated relations.
import { describe, expect, it } from "vitest";
import { loadGraph } from "../../src/cli/graph.ts";
import { projectGraph } from "../../src/graph/project.ts";
import { applyConstraints } from "../../src/query/path-constraints.ts";
import { relationSpans, timelineOf, withinYears, yearSpans } from "../../src/query/relation-dates.ts";
import { parseText } from "../helpers/rdf.ts";

const TTL = `
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix kg: <https://w3id.org/smartcity-kg/ontology#> .
@prefix ex: <http://example.org/> .
ex:a ex:knows ex:b .
[] a rdf:Statement ; rdf:subject ex:a ; rdf:predicate ex:knows ; rdf:object ex:b ; prov:wasDerivedFrom ex:src ; dcterms:date "2014-06"^^xsd:gYearMonth .
ex:deal kg:fromDate "2015"^^xsd:gYear ; kg:toDate "2017-02"^^xsd:gYearMonth .
ex:deal ex:party ex:a .
ex:office kg:since "2018"^^xsd:gYear .
ex:office ex:in ex:b .
ex:a ex:near ex:c .
`;

describe("relation dates", () => {
  it("reads evidence dates and event spans, and bins them per year", async () => {
    const g = projectGraph(await parseText(TTL));
    const edge = (p: string) => {
      for (let e = 0; e < g.edgeCount; e++) if (g.dataset.terms.key(g.edgePredicates[e]) === `http://example.org/${p}`) return e;
      throw new Error(p);
    };
    expect(relationSpans(g, edge("knows"))).toEqual([["2014-06-01", "2014-06-31"]]);
    expect(yearSpans(relationSpans(g, edge("party")))).toEqual([[2015, 2017]]);
    expect(yearSpans(relationSpans(g, edge("in")))).toEqual([[2018, Infinity]]);
    expect(relationSpans(g, edge("near"))).toEqual([]);
    // Touching spans merge; a gap stays a gap (2014 and 2016 is not 2015).
    expect(yearSpans([["2014-01-01", "2014-12-31"], ["2015-03-01", "2016-12-31"]])).toEqual([[2014, 2016]]);
    expect(yearSpans([["2014-01-01", "2014-12-31"], ["2016-01-01", "2016-12-31"]])).toEqual([[2014, 2014], [2016, 2016]]);
    expect(withinYears([[2014, 2014], [2016, 2016]], 2015, 2015)).toBe(false);
    // 2014: knows; 2015–2017: the deal; 2018: the office since then (open end stops at the last year named).
    expect(timelineOf(g)).toEqual({ from: 2014, to: 2018, counts: [1, 1, 1, 1, 1], undated: 1, dated: 3 });
    expect(timelineOf(g, (e) => e !== edge("in"))).toEqual({ from: 2014, to: 2017, counts: [1, 1, 1, 1], undated: 1, dated: 2 });
    expect(timelineOf(g, (e) => e === edge("near"))).toBeNull();
  });

  it("counts in each year of the bundled graph the relations a one-year path date range keeps", async () => {
    const { graph: g } = await loadGraph(undefined);
    const timeline = timelineOf(g)!;
    expect(timeline.dated + timeline.undated).toBe(g.edgeCount);
    expect(timeline.dated).toBeGreaterThan(100);
    expect(timeline.undated).toBeGreaterThan(100);
    const everyEdge = Array.from({ length: g.edgeCount }, (_, e) => e);
    for (let year = timeline.from; year <= timeline.to; year++) {
      const keep = applyConstraints(g, { fromDate: String(year), toDate: String(year) }).edgeFilter!;
      expect([year, timeline.counts[year - timeline.from]]).toEqual([year, everyEdge.filter((e) => keep(e)).length]);
    }
    // A year outside the timeline keeps only open-ended relations: none before it starts.
    const before = applyConstraints(g, { toDate: String(timeline.from - 1) }).edgeFilter!;
    expect(everyEdge.filter((e) => before(e))).toEqual([]);
  });
});
