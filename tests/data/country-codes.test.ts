// Every country in the bundled graph names the ISO 3166 codes and Wikidata item that country-coder (the iD editor's
// country data, an independent source) gives for it; the codes were written by hand, without network access.
import { feature } from "@ideditor/country-coder";
import { describe, expect, it } from "vitest";
import { loadData } from "../../src/cli/load.ts";
import { prefixes } from "../../src/rdf/vocab.ts";

const { dataset } = await loadData(undefined);
const t = dataset.terms;
const wikidata = "http://www.wikidata.org/entity/";
/** Values of predicate p on subject s (term keys: literals as "value", IRIs bare). */
const values = (s: number, p: string) => [...dataset.match(s, t.iriId(p))].map((i) => t.value(dataset.objects[i]));

/**
 * country-coder's Wikidata item for these codes is the kingdom (Q756617 Kingdom of Denmark, Q29999 Kingdom of the
 * Netherlands); the graph names the country in Europe the Carnegie rows are about (Q35 Denmark, Q55 Netherlands).
 */
const kingdomItems: Record<string, [string, string]> = { DK: ["Q756617", "Q35"], NL: ["Q29999", "Q55"] };

describe("country codes and Wikidata items", () => {
  const countries = [...dataset.match(undefined, t.iriId(`${prefixes.rdf}type`), t.iriId(`${prefixes.kg}Country`))].map((i) => dataset.subjects[i]);

  it("agree with country-coder for every country that has an ISO 3166 code", () => {
    const checked = countries.filter((c) => values(c, `${prefixes.kg}iso3166Alpha2`).length > 0);
    // The brief's countries and the Carnegie index's 97, less those both name.
    expect(checked.length).toBeGreaterThan(90);
    const wrong: string[] = [];
    for (const country of checked) {
      const [alpha2] = values(country, `${prefixes.kg}iso3166Alpha2`);
      const [alpha3] = values(country, `${prefixes.kg}iso3166Alpha3`);
      const items = values(country, `${prefixes.skos}exactMatch`).filter((iri) => iri.startsWith(wikidata)).map((iri) => iri.slice(wikidata.length));
      const known = feature(alpha2)?.properties;
      const expectedItem = kingdomItems[alpha2]?.[0] === known?.wikidata ? kingdomItems[alpha2][1] : known?.wikidata;
      if (!known || known.iso1A2 !== alpha2 || known.iso1A3 !== alpha3 || items.length !== 1 || items[0] !== expectedItem) {
        wrong.push(`${t.key(country)}: ${alpha2}/${alpha3} ${items.join(",")} (country-coder: ${known?.iso1A2}/${known?.iso1A3} ${known?.wikidata} ${known?.nameEn})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
