// A hidden-predicate filter naming an old predicate (a session or share link made before a rename, ontology/migration.ttl) hides its replacement.
import { describe, expect, it } from "vitest";
import { DataService } from "../../src/workbench/data-service.ts";
import { displayContext, isEdgeFilteredOut } from "../../src/workbench/display.ts";
import { getEmptySession, hiddenPredicatesNow, togglePredicate, type SessionState } from "../../src/session/index.ts";

const kg = (local: string) => `https://w3id.org/smartcity-kg/ontology#${local}`;

// The migration map's pattern: an old term, deprecated, replaced by one the data uses (and one replaced inversely).
const text = `
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix kg: <https://w3id.org/smartcity-kg/ontology#> .
@prefix kgr: <https://w3id.org/smartcity-kg/resource/> .
kg:donatesTo a owl:ObjectProperty ; owl:deprecated true ; dcterms:isReplacedBy kg:suppliesTo .
kg:includes a owl:ObjectProperty ; owl:deprecated true ; owl:inverseOf kg:isPartOf .
kgr:huawei kg:suppliesTo kgr:kenyan-government .
kgr:drones kg:isPartOf kgr:grid .
`;

const lookup = { hasNode: () => true, neighbors: () => [], extremities: () => ["a", "b"] as [string, string] };
const hidden = (state: SessionState, predicate: string, replaced: Record<string, string>) =>
  isEdgeFilteredOut({ predicate, label: "", year: undefined } as never, displayContext(state, lookup, new Map(), 1, replaced));

describe("hidden-predicate filters and renamed predicates", () => {
  it("the data service reports the loaded data's old predicates and their replacements", async () => {
    const summary = await new DataService().load([{ name: "mini.ttl", text }], true);
    expect(summary.replacedPredicates).toEqual({ [kg("donatesTo")]: kg("suppliesTo"), [kg("includes")]: kg("isPartOf") });
  });

  it("a filter naming kg:donatesTo hides kg:suppliesTo relations, and one naming kg:includes hides kg:isPartOf", async () => {
    const { replacedPredicates } = await new DataService().load([{ name: "mini.ttl", text }], true);
    const session = getEmptySession();
    const linked = { ...session, filters: { ...session.filters, hiddenPredicates: [kg("donatesTo"), kg("includes")] } };
    expect(hidden(linked, kg("suppliesTo"), replacedPredicates)).toBe(true);
    expect(hidden(linked, kg("isPartOf"), replacedPredicates)).toBe(true);
    expect(hidden(linked, kg("donatesTo"), replacedPredicates)).toBe(true);
    expect(hidden(session, kg("suppliesTo"), replacedPredicates)).toBe(false);
    expect(hiddenPredicatesNow(linked.filters.hiddenPredicates, replacedPredicates).has(kg("suppliesTo"))).toBe(true);
  });

  it("showing the replacement again takes the old name out of the filter (else it would stay hidden)", () => {
    const replaced = { [kg("donatesTo")]: kg("suppliesTo") };
    const session = getEmptySession();
    const linked = { ...session, filters: { ...session.filters, hiddenPredicates: [kg("donatesTo"), kg("uses")] } };
    const shown = togglePredicate(kg("suppliesTo"), replaced)(linked);
    expect(shown.filters.hiddenPredicates).toEqual([kg("uses")]);
    expect(hidden(shown, kg("suppliesTo"), replaced)).toBe(false);
    expect(togglePredicate(kg("suppliesTo"), replaced)(shown).filters.hiddenPredicates).toEqual([kg("uses"), kg("suppliesTo")]);
  });
});
