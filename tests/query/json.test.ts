// The CLI's JSON: path and neighbourhood shapes, real subject/object IRIs, directions and evidence fields.
import { describe, expect, it } from "vitest";
import { neighbourhoodToJson, pathsToJson } from "../../src/query/json.ts";
import { neighbourhood } from "../../src/query/neighbourhood.ts";
import { findPaths } from "../../src/query/path.ts";
import { helpers, loadNetwork } from "./network.ts";

const kgr = (local: string) => `https://w3id.org/smartcity-kg/resource/${local}`;
const kg = (local: string) => `https://w3id.org/smartcity-kg/ontology#${local}`;

describe("pathsToJson", async () => {
  const g = await loadNetwork();
  const { n } = helpers(g);

  it("describes nodes, edges in their true direction, evidence and the explanation", () => {
    const json = pathsToJson(g, findPaths(g, n("Kenya"), n("Huawei")));
    expect(json.paths).toHaveLength(1);
    const [path] = json.paths;
    expect(path.nodes.map((x) => x.iri)).toEqual([kgr("kenya"), kgr("government-of-kenya"), kgr("huawei")]);
    expect(path.nodes[2]).toEqual({ iri: kgr("huawei"), label: "Huawei", types: [kg("Company")] });
    expect(path.edges[1]).toEqual({
      source: kgr("huawei"),
      target: kgr("government-of-kenya"),
      predicate: kg("donatesTo"),
      predicateLabel: "donates to",
      direction: "backward",
      evidence: [{
        quote: "Huawei has donated video conference equipment to the Kenyan government",
        source: kgr("euiss-brief-2020-10"),
        locator: "Covid-19: an opportunity to promote Chinese technologies",
        page: 2,
        date: "2020",
      }],
      sources: [{ iri: kgr("euiss-brief-2020-10"), label: "Towards urban decoupling? China's smart city ambitions at the time of Covid-19" }],
    });
    expect(path.edges[0]).toMatchObject({ source: kgr("government-of-kenya"), target: kgr("kenya"), direction: "backward" });
    expect(path.edges[0].evidence[0]).not.toHaveProperty("page");
    expect(path.explanation).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("is an empty list of paths when there is none", () => {
    expect(pathsToJson(g, findPaths(g, n("Huawei"), n("Zürich")))).toEqual({ paths: [] });
  });
});

describe("neighbourhoodToJson", async () => {
  const g = await loadNetwork();
  const { n } = helpers(g);

  it("lists centers, nodes with depth and edges without direction", () => {
    const json = neighbourhoodToJson(g, neighbourhood(g, [n("Dahua")]));
    expect(json.center).toEqual([kgr("dahua")]);
    expect(json.nodes).toEqual([
      { iri: kgr("dahua"), label: "Dahua", types: [kg("Company")], depth: 0 },
      { iri: kgr("china"), label: "China", types: [kg("Country")], depth: 1 },
    ]);
    expect(json.edges).toEqual([
      { source: kgr("dahua"), target: kgr("china"), predicate: kg("headquarteredIn"), predicateLabel: "is headquartered in", evidence: [], sources: [] },
    ]);
    expect(json.truncated).toBe(false);
  });
});
