// Checks the committed ontology and graph data the way an analyst relies on them: parse, labels, evidence, facts.
import { describe, it, expect } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { DataFactory, Parser, Store } from "n3";
import { prefixes as NS } from "../../src/rdf/vocab.ts";
import { briefPages, pagesOf } from "../../src/query/brief-pages.ts";
import type { Quad, Term } from "n3";

const { namedNode } = DataFactory;
const root = resolve(import.meta.dirname, "../..");
const W3C = [NS.rdf, NS.rdfs, NS.owl, NS.xsd, NS.skos, NS.dcterms, NS.prov, NS.org, NS.foaf, NS.oa];
const RDF_TYPE = NS.rdf + "type";
const LINKS = new Set([NS.skos + "exactMatch", NS.owl + "sameAs", NS.rdfs + "seeAlso"]);
const kg = (l: string): string => NS.kg + l;
const kgr = (l: string): string => NS.kgr + l;

function parseFile(path: string): Quad[] {
  return new Parser({ baseIRI: "https://w3id.org/smartcity-kg/" }).parse(readFileSync(path, "utf8"));
}
const ontologyFiles = readdirSync(resolve(root, "ontology")).filter((f) => f.endsWith(".ttl")).map((f) => resolve(root, "ontology", f));
const dataFiles = readdirSync(resolve(root, "graph-data")).filter((f) => f.endsWith(".ttl")).map((f) => resolve(root, "graph-data", f));

const ontology = new Store(parseFile(resolve(root, "ontology/smartcity.ttl")));
const data = new Store(dataFiles.flatMap(parseFile));

const objects = (s: string | Term, p: string): Term[] => data.getObjects(typeof s === "string" ? namedNode(s) : s, namedNode(p), null);
const one = (s: string | Term, p: string): Term | undefined => objects(s, p)[0];
const has = (s: string, p: string, o: string): boolean => data.countQuads(namedNode(s), namedNode(p), namedNode(o), null) > 0;

/** Evidence nodes (reified statements) and the direct triples between entities that need them. */
const evidenceNodes = data.getSubjects(namedNode(RDF_TYPE), namedNode(kg("Evidence")), null);
const isMeta = (t: Term): boolean =>
  t.termType === "BlankNode" || t.value.startsWith(NS.kge);
const relationTriples = data
  .getQuads(null, null, null, null)
  .filter(
    (q) =>
      q.subject.value.startsWith(NS.kgr) &&
      q.object.termType === "NamedNode" &&
      q.object.value.startsWith(NS.kgr) &&
      q.predicate.value !== RDF_TYPE &&
      !LINKS.has(q.predicate.value),
  );
const entities = new Set(
  data
    .getQuads(null, null, null, null)
    .flatMap((q) => [q.subject, q.object])
    .filter((t) => t.termType === "NamedNode" && t.value.startsWith(NS.kgr))
    .map((t) => t.value),
);

const sourceTexts = new Map<string, string>();
function cleanedTextOf(source: string): string {
  if (!sourceTexts.has(source)) {
    const path = one(source, kg("cleanedText"));
    if (!path) throw new Error(`${source} has no kg:cleanedText`);
    sourceTexts.set(source, readFileSync(resolve(root, "graph-data", path.value), "utf8"));
  }
  return sourceTexts.get(source)!;
}
/** The quote selector (an evidence may also have a position selector, which has no oa:exact). */
const quoteSelectorOf = (ev: Term): Term | undefined => objects(ev, NS.oa + "hasSelector").find((sel) => one(sel, NS.oa + "exact"));
const quoteOf = (ev: Term): string | undefined => {
  const sel = quoteSelectorOf(ev);
  return sel ? one(sel, NS.oa + "exact")?.value : undefined;
};
function evidenceFor(s: string, p: string, o: string): Term[] {
  return evidenceNodes.filter(
    (ev) => one(ev, NS.rdf + "subject")?.value === s && one(ev, NS.rdf + "predicate")?.value === p && one(ev, NS.rdf + "object")?.value === o,
  );
}

/** Superclasses by rdfs:subClassOf, reflexive and transitive, from the ontology. */
function superClasses(c: string): Set<string> {
  const out = new Set<string>([c]);
  const todo = [c];
  while (todo.length) {
    const x = todo.pop()!;
    for (const sup of ontology.getObjects(namedNode(x), namedNode(NS.rdfs + "subClassOf"), null)) {
      if (!out.has(sup.value)) {
        out.add(sup.value);
        todo.push(sup.value);
      }
    }
  }
  return out;
}
const typesOf = (s: string): Set<string> => new Set(objects(s, RDF_TYPE).flatMap((t) => [...superClasses(t.value)]));

describe("files", () => {
  it.each([...ontologyFiles, ...dataFiles].map((f) => [f.slice(root.length + 1), f]))("%s parses as Turtle", (_name, path) => {
    expect(parseFile(path).length).toBeGreaterThan(10);
  });

  it("holds a graph of the brief's size", () => {
    const named = [...entities].filter((e) => objects(e, NS.skos + "prefLabel").length > 0);
    expect(named.length).toBeGreaterThanOrEqual(150);
    expect(relationTriples.length).toBeGreaterThanOrEqual(300);
  });
});

describe("entities", () => {
  it("each has exactly one English skos:prefLabel and at least one rdf:type", () => {
    const bad: string[] = [];
    for (const e of entities) {
      const labels = objects(e, NS.skos + "prefLabel");
      const en = labels.filter((l) => l.termType === "Literal" && l.language === "en");
      if (labels.length !== 1 || en.length !== 1 || objects(e, RDF_TYPE).length === 0) bad.push(e);
    }
    expect(bad).toEqual([]);
  });

  it("names resolve: no two entities share a prefLabel, and no name (preferred or alternative, any case) names two", () => {
    const named = new Map<string, Set<string>>();
    const prefs = new Map<string, string[]>();
    for (const p of [NS.skos + "prefLabel", NS.skos + "altLabel"]) {
      for (const q of data.getQuads(null, namedNode(p), null, null)) {
        if (!q.subject.value.startsWith(NS.kgr)) continue;
        const key = q.object.value.toLocaleLowerCase("en");
        named.set(key, (named.get(key) ?? new Set()).add(q.subject.value));
        if (p === NS.skos + "prefLabel") prefs.set(q.object.value, [...(prefs.get(q.object.value) ?? []), q.subject.value]);
      }
    }
    expect([...prefs].filter(([, s]) => s.length > 1)).toEqual([]);
    expect([...named].filter(([, s]) => s.size > 1).map(([name, s]) => `${name}: ${[...s].join(", ")}`)).toEqual([]);
    const resolves = (name: string): string[] => [...(named.get(name.toLocaleLowerCase("en")) ?? [])];
    expect(resolves("Covid-19")).toEqual([kgr("covid-19-pandemic")]);
    // The brief's "cameras (AI-enabled temperature screening cameras)" are Dahua's, not the kind of camera they are.
    expect(resolves("AI-enabled temperature screening cameras")).toEqual([kgr("dahua-temperature-screening-cameras")]);
    expect(resolves("The advance of the safe city")).toEqual([kgr("diagram-the-advance-of-the-safe-city")]);
    expect(resolves("Anti-epidemic tools")).toEqual([kgr("anti-epidemic-technologies-table")]);
  });

  it("every type and property used in the data is declared in the ontology or is a reused W3C/DCMI term", () => {
    const undeclared = new Set<string>();
    const declared = (iri: string, kinds: string[]): boolean =>
      kinds.some((k) => ontology.countQuads(namedNode(iri), namedNode(RDF_TYPE), namedNode(NS.owl + k), null) > 0);
    for (const q of data.getQuads(null, null, null, null)) {
      const p = q.predicate.value;
      if (p.startsWith(NS.kg) ? !declared(p, ["ObjectProperty", "DatatypeProperty", "AnnotationProperty"]) : !W3C.some((ns) => p.startsWith(ns))) {
        undeclared.add(p);
      }
      if (p === RDF_TYPE) {
        const c = q.object.value;
        if (c.startsWith(NS.kg) ? !declared(c, ["Class"]) : !W3C.some((ns) => c.startsWith(ns))) undeclared.add(c);
      }
    }
    expect([...undeclared]).toEqual([]);
  });

  it("every kg: class has a label, definition and superclass; every kg: property a label, definition, domain and range", () => {
    const missing: string[] = [];
    for (const c of ontology.getSubjects(namedNode(RDF_TYPE), namedNode(NS.owl + "Class"), null)) {
      if (!c.value.startsWith(NS.kg)) continue;
      for (const p of [NS.skos + "prefLabel", NS.rdfs + "label", NS.skos + "definition", NS.rdfs + "subClassOf"]) {
        if (ontology.countQuads(c, namedNode(p), null, null) === 0) missing.push(`${c.value} ${p}`);
      }
    }
    for (const kind of ["ObjectProperty", "DatatypeProperty"]) {
      for (const p of ontology.getSubjects(namedNode(RDF_TYPE), namedNode(NS.owl + kind), null)) {
        if (!p.value.startsWith(NS.kg)) continue;
        for (const a of [NS.skos + "prefLabel", NS.skos + "definition", NS.rdfs + "domain", NS.rdfs + "range"]) {
          if (ontology.countQuads(p, namedNode(a), null, null) === 0) missing.push(`${p.value} ${a}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // kg:Entity on both sides says nothing about a relation (issue 15): each object property names its real classes.
    const entity = namedNode(NS.kg + "Entity");
    const vague = ontology.getSubjects(namedNode(RDF_TYPE), namedNode(NS.owl + "ObjectProperty"), null)
      .filter((p) => ontology.countQuads(p, namedNode(NS.rdfs + "domain"), entity, null) > 0 && ontology.countQuads(p, namedNode(NS.rdfs + "range"), entity, null) > 0)
      .map((p) => p.value);
    expect(vague).toEqual([]);
  });

  it("subjects and objects of kg: relations fit the properties' domains and ranges", () => {
    const wrong: string[] = [];
    for (const q of relationTriples) {
      const p = q.predicate.value;
      if (!p.startsWith(NS.kg)) continue;
      // A domain or range is one class or an owl:unionOf list of classes.
      const classes = (which: string): string[] => ontology.getObjects(namedNode(p), namedNode(NS.rdfs + which), null).flatMap((c) => {
        if (c.termType === "NamedNode") return [c.value];
        const members: string[] = [];
        for (let l = ontology.getObjects(c, namedNode(NS.owl + "unionOf"), null)[0]; l && l.value !== NS.rdf + "nil"; l = ontology.getObjects(l, namedNode(NS.rdf + "rest"), null)[0]) {
          members.push(ontology.getObjects(l, namedNode(NS.rdf + "first"), null)[0].value);
        }
        return members;
      });
      const domain = classes("domain");
      const range = classes("range");
      if (domain.length > 0 && !domain.some((c) => typesOf(q.subject.value).has(c))) wrong.push(`${q.subject.value} not in domain of ${p}`);
      if (range.length > 0 && !range.some((c) => typesOf(q.object.value).has(c))) wrong.push(`${q.object.value} not in range of ${p}`);
    }
    expect(wrong).toEqual([]);
  });

  it("countries carry ISO 3166 codes and a few certain Wikidata identifiers", () => {
    for (const [c, a2, a3] of [["china", "CN", "CHN"], ["kenya", "KE", "KEN"], ["philippines", "PH", "PHL"], ["lebanon", "LB", "LBN"]]) {
      expect(one(kgr(c), kg("iso3166Alpha2"))?.value).toBe(a2);
      expect(one(kgr(c), kg("iso3166Alpha3"))?.value).toBe(a3);
    }
    expect(one(kgr("china"), NS.skos + "exactMatch")?.value).toBe("http://www.wikidata.org/entity/Q148");
    expect(one(kgr("kenya"), NS.skos + "exactMatch")?.value).toBe("http://www.wikidata.org/entity/Q114");
    expect(one(kgr("huawei"), NS.skos + "exactMatch")?.value).toBe("http://www.wikidata.org/entity/Q160120");
  });

  it("alternative names the text uses are searchable", () => {
    const alts = (e: string): string[] => objects(kgr(e), NS.skos + "altLabel").map((t) => t.value);
    expect(alts("belt-and-road-initiative")).toEqual(expect.arrayContaining(["BRI", "Belt & Road Initiative"]));
    expect(alts("communist-party-of-china")).toContain("CPC");
    expect(alts("social-credit-system")).toContain("national reputation system");
    expect(alts("xi-jinping")).toContain("President Xi Jinping");
  });
});

describe("evidence", () => {
  it("every relation between two entities has evidence", () => {
    const without = relationTriples
      .filter((q) => evidenceFor(q.subject.value, q.predicate.value, q.object.value).length === 0)
      .map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`);
    expect(without).toEqual([]);
  });

  it("every evidence quote is a verbatim substring of the cleaned text of its source", () => {
    const bad: string[] = [];
    for (const ev of evidenceNodes) {
      // A table's evidence has a cell, not a quote: checked against its CSV file below.
      if (has(ev.value, RDF_TYPE, kg("CellEvidence"))) continue;
      const source = one(ev, NS.prov + "wasDerivedFrom")?.value;
      const quote = quoteOf(ev);
      if (!source || !quote || !cleanedTextOf(source).includes(quote)) bad.push(`${ev.value}: ${quote}`);
    }
    expect(bad).toEqual([]);
  });

  it("every cell evidence's value is the cell its RFC 7111 selector names, in the CSV file its dataset's metadata names", () => {
    // Each CSVW metadata file names its dataset (@id) and its CSV (url); the cells are read here with a plain RFC 4180 reader.
    const tables = new Map<string, string[][]>();
    for (const name of readdirSync(resolve(root, "graph-data/aigs")).filter((f) => f.endsWith(".csv-metadata.json"))) {
      const meta = JSON.parse(readFileSync(resolve(root, "graph-data/aigs", name), "utf8")) as { "@id": string; url: string; dialect: { delimiter: string } };
      tables.set(meta["@id"], csvRecords(readFileSync(resolve(root, "graph-data/aigs", meta.url), "utf8"), meta.dialect.delimiter));
    }
    const cells = evidenceNodes.filter((ev) => has(ev.value, RDF_TYPE, kg("CellEvidence")));
    expect(cells.length).toBeGreaterThan(500);
    const bad: string[] = [];
    for (const ev of cells) {
      const records = tables.get(one(ev, NS.prov + "wasDerivedFrom")?.value ?? "");
      const fragment = objects(ev, NS.oa + "hasSelector").map((sel) => one(sel, NS.rdf + "value")?.value).find(Boolean) ?? "";
      const [, row, column] = /^cell=(\d+),(\d+)$/.exec(fragment) ?? [];
      const cell = records?.[Number(row) - 1]?.[Number(column) - 1];
      if (cell === undefined || cell !== one(ev, kg("cellValue"))?.value || Number(one(ev, kg("row"))?.value) !== Number(row) - 1) bad.push(`${ev.value}: ${fragment}`);
      if (records && records[0][Number(column) - 1] !== one(ev, kg("column"))?.value && !/^unnamed column/.test(one(ev, kg("column"))?.value ?? "")) bad.push(`${ev.value}: column`);
    }
    expect(bad).toEqual([]);
  });

  it("every evidence describes a triple that is stated, and carries a locator, a page (brief) and typed date", () => {
    const bad: string[] = [];
    for (const ev of evidenceNodes) {
      const [s, p, o] = [NS.rdf + "subject", NS.rdf + "predicate", NS.rdf + "object"].map((x) => one(ev, x)?.value ?? "");
      if (!has(s, p, o)) bad.push(`${ev.value}: triple not stated`);
      if (!one(ev, kg("locator"))) bad.push(`${ev.value}: no locator`);
      if (one(ev, NS.prov + "wasDerivedFrom")?.value === kgr("euiss-brief-2020-10")) {
        const page = one(ev, kg("page"));
        if (!page || page.termType !== "Literal" || page.datatype.value !== NS.xsd + "integer" || Number(page.value) < 1) bad.push(`${ev.value}: page`);
      }
      for (const d of ["onDate", "since", "deadline", "fromDate", "toDate", "tableYear"].flatMap((p) => objects(ev, kg(p)))) {
        if (d.termType !== "Literal" || ![NS.xsd + "date", NS.xsd + "gYear", NS.xsd + "gYearMonth"].includes(d.datatype.value)) bad.push(`${ev.value}: date`);
      }
      if (!ev.value.startsWith(NS.kge) || isMeta(namedNode(s))) bad.push(`${ev.value}: naming`);
    }
    expect(bad).toEqual([]);
  });

  it("quotes found more than once in their text say which occurrence: an oa:TextPositionSelector, oa:prefix and oa:suffix that fit", () => {
    const bad: string[] = [];
    let positioned = 0;
    for (const ev of evidenceNodes) {
      const source = one(ev, NS.prov + "wasDerivedFrom")?.value;
      const quote = quoteOf(ev);
      if (!source || !quote) continue;
      const text = cleanedTextOf(source);
      let found = 0;
      for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) found++;
      const selector = quoteSelectorOf(ev)!;
      const position = objects(ev, NS.oa + "hasSelector").find((sel) => one(sel, NS.oa + "start"));
      if (found > 1 && !position) bad.push(`${ev.value}: "${quote}" occurs ${found} times and has no position`);
      const prefix = one(selector, NS.oa + "prefix")?.value;
      const suffix = one(selector, NS.oa + "suffix")?.value;
      if (!position) {
        if (prefix !== undefined || suffix !== undefined) bad.push(`${ev.value}: prefix/suffix without a position`);
        continue;
      }
      positioned++;
      expect(objects(position, RDF_TYPE).map((t) => t.value)).toEqual([NS.oa + "TextPositionSelector"]);
      const start = Number(one(position, NS.oa + "start")?.value);
      const end = Number(one(position, NS.oa + "end")?.value);
      // Offsets count characters (code points); the texts have none outside the BMP, so they are string indices too.
      expect(Array.from(text).length).toBe(text.length);
      if (text.slice(start, end) !== quote) bad.push(`${ev.value}: ${start}-${end} holds "${text.slice(start, end)}", not "${quote}"`);
      if (!prefix || !suffix) bad.push(`${ev.value}: a positioned quote needs oa:prefix and oa:suffix`);
      else {
        if (text.slice(start - prefix.length, start) !== prefix) bad.push(`${ev.value}: oa:prefix does not precede ${start}`);
        if (text.slice(end, end + suffix.length) !== suffix) bad.push(`${ev.value}: oa:suffix does not follow ${end}`);
        // The quote with its context is found once: it names one occurrence.
        const context = prefix + quote + suffix;
        if (text.indexOf(context) !== text.lastIndexOf(context)) bad.push(`${ev.value}: prefix + quote + suffix is not unique`);
      }
    }
    expect(bad).toEqual([]);
    expect(positioned).toBeGreaterThanOrEqual(4);
    // The table's column heading, not the prose's "Drones produced with ..." nor the diagram's heading.
    const drones = quoteSelectorOf(evidenceFor(kgr("anti-epidemic-technologies-table"), kg("mentions"), kgr("drones"))[0])!;
    expect(one(drones, NS.oa + "suffix")?.value).toMatch(/^\nHuawei: Kenya/);
  });

  it("where the catalogue record restates a relation the brief states, the relation carries both pieces of evidence", () => {
    const record = kgr("euiss-brief-2020-10-catalogue-record");
    const recordText = cleanedTextOf(record);
    const missing: string[] = [];
    let restated = 0;
    for (const ev of evidenceNodes) {
      const quote = quoteOf(ev);
      if (one(ev, NS.prov + "wasDerivedFrom")?.value !== kgr("euiss-brief-2020-10") || !quote || !recordText.includes(quote)) continue;
      restated++;
      const [s, p, o] = [NS.rdf + "subject", NS.rdf + "predicate", NS.rdf + "object"].map((x) => one(ev, x)!.value);
      const fromRecord = evidenceFor(s, p, o).filter((e) => one(e, NS.prov + "wasDerivedFrom")?.value === record);
      if (!fromRecord.some((e) => recordText.includes(quoteOf(e) ?? "\u0000") && /^(Abstract|Title)$/.test(one(e, kg("locator"))?.value ?? ""))) {
        missing.push(`${s} ${p} ${o}`);
      }
    }
    expect(missing).toEqual([]);
    expect(restated).toBeGreaterThan(30);
  });

  it("gives each quote of the brief the page(s) it is printed on, both pages when it crosses a page break", () => {
    const brief = kgr("euiss-brief-2020-10");
    const text = cleanedTextOf(brief);
    const ranges = briefPages(text);
    const bad: string[] = [];
    let crossing = 0;
    for (const ev of evidenceNodes) {
      const quote = quoteOf(ev);
      if (one(ev, NS.prov + "wasDerivedFrom")?.value !== brief || !quote) continue;
      const position = objects(ev, NS.oa + "hasSelector").find((sel) => one(sel, NS.oa + "start"));
      const start = position ? Number(one(position, NS.oa + "start")!.value) : text.indexOf(quote);
      const want = pagesOf(ranges, start, start + quote.length);
      const got = objects(ev, kg("page")).map((p) => Number(p.value)).sort((a, b) => a - b);
      if (want.length > 1) crossing++;
      if (got.join(",") !== want.join(",")) bad.push(`${ev.value}: pages ${got.join(",")}, printed on ${want.join(",")}: "${quote.slice(0, 50)}"`);
    }
    expect(bad).toEqual([]);
    expect(crossing).toBeGreaterThan(0);
  });

  it("places key quotes in the right section and page", () => {
    const ev = evidenceFor(kgr("huawei"), kg("suppliesTo"), kgr("kenyan-government"));
    const body = ev.find((e) => quoteOf(e)?.startsWith("Huawei has donated"))!;
    expect(one(body, kg("locator"))?.value).toBe("COVID-19: AN OPPORTUNITY TO PROMOTE CHINESE TECHNOLOGIES");
    expect(one(body, kg("page"))?.value).toBe("2");
    const table = ev.find((e) => quoteOf(e) === "Kenya (donation to Kenyan government)")!;
    expect(one(table, kg("locator"))?.value).toBe("Anti-epidemic tools");
    expect(one(table, kg("page"))?.value).toBe("3");
    const drafts = evidenceFor(kgr("national-development-and-reform-commission"), kg("drafts"), kgr("14th-five-year-plan"))[0];
    expect(one(drafts, kg("page"))?.value).toBe("2");
    const hajj = evidenceFor(kgr("huawei"), kg("supports"), kgr("saudi-ministry-of-interior"))[0];
    expect(one(hajj, kg("locator"))?.value).toMatch(/^THE NORMATIVE CHALLENGE/);
    expect(one(hajj, kg("page"))?.value).toBe("4");
    expect(one(hajj, kg("since"))?.value).toBe("2016");
  });
});

describe("facts the brief states", () => {
  const facts: [string, string, string][] = [
    ["huawei", "suppliesTo", "kenyan-government"],
    ["huawei", "suppliesTo", "pakistani-ministry-of-health"],
    ["huawei", "supplies", "video-conference-equipment"],
    ["dahua", "suppliesTo", "lebanese-ministry-of-health"],
    ["dahua-donation-to-lebanese-ministry-of-health", "recipient", "lebanese-ministry-of-health"],
    ["dahua-temperature-screening-cameras", "ofKind", "ai-thermal-cameras"],
    ["dahua-temperature-screening-cameras", "deployedAt", "beirut-airport"],
    ["beirut-airport", "locatedIn", "lebanon"],
    ["dahua-temperature-screening-cameras", "deployedAt", "thai-hospitals"],
    ["dji", "promotedOrDonatedTo", "pasig-city"],
    ["pasig-city", "locatedIn", "philippines"],
    ["turin", "locatedIn", "italy"],
    ["dji", "produces", "dji-drones"],
    ["national-development-and-reform-commission", "drafts", "14th-five-year-plan"],
    ["digital-silk-road", "derivesFrom", "belt-and-road-initiative"],
    ["xi-jinping", "endorses", "smart-city"],
    ["xi-jinping-endorsement-of-smart-city", "occasion", "national-urbanisation-convention-2015"],
    ["13th-five-year-plan", "mentions", "smart-city"],
    ["xi-jinping", "encourages", "blockchain"],
    ["chinese-central-government", "announces", "stimulus-measures-2020"],
    ["new-infrastructure-investments", "isPartOf", "stimulus-measures-2020"],
    ["new-infrastructure-investments", "supports", "5g-base-stations"],
    ["china", "promotesThrough", "china-asean-summit"],
    ["china", "promotesThrough", "china-central-asia-cooperation-forum"],
    ["huawei", "cooperatesWith", "kenyan-police"],
    ["huawei-kenyan-police-partnership", "locatedIn", "nairobi"],
    ["huawei", "supports", "saudi-ministry-of-interior"],
    ["hajj", "locatedIn", "mecca"],
    ["huawei", "signs", "huawei-safe-city-agreements"],
    ["soviet-model-of-urbanisation", "shapes", "traditional-urbanisation-approach"],
    ["residential-communities", "inheritedFrom", "mao-era"],
    ["chinese-central-government", "encourages", "mutual-surveillance"],
    ["local-cpc-committees", "implements", "mutual-surveillance"],
    ["grid-style-social-management-system", "shapes", "social-credit-system"],
    ["smart-city", "assimilatedTo", "safe-city"],
    ["sensetime", "promotes", "anti-epidemic-solutions"],
    ["keenon", "specialisesIn", "robots"],
    ["social-credit-system", "isPartOf", "dense-surveillance-grid"],
    ["telecoms-companies", "provides", "itinerary-card"],
    ["health-code-system", "usedFor", "access-control"],
    ["police-cloud-systems", "usedFor", "predictive-policing"],
    ["chinese-urban-governance-model", "perceivedAsThreatIn", "europe"],
  ];
  it.each(facts)("%s %s %s", (s, p, o) => {
    expect(has(kgr(s), kg(p), kgr(o))).toBe(true);
  });

  it("does not state what the brief does not say", () => {
    expect(has(kgr("huawei"), kg("suppliesTo"), kgr("lebanese-ministry-of-health"))).toBe(false);
    expect(has(kgr("dahua"), kg("suppliesTo"), kgr("kenyan-government"))).toBe(false);
    expect(has(kgr("dji"), kg("promotedOrDonatedTo"), kgr("kenya"))).toBe(false);
    expect(has(kgr("dji"), kg("suppliesTo"), kgr("pasig-city"))).toBe(false); // the table says "promoted and/or donated"
    // "deployed at Beirut Airport" does not say who deployed the cameras.
    expect(objects(kgr("dahua-cameras-deployment-at-beirut-airport"), NS.prov + "wasAssociatedWith")).toEqual([]);
    // A group is not one city in three countries; a group of robots and drones is not a robot-drone.
    expect(has(kgr("municipalities-in-spain-italy-philippines"), RDF_TYPE, kg("City"))).toBe(false);
    expect(objects(kgr("municipalities-in-spain-italy-philippines"), kg("locatedIn"))).toEqual([]);
    expect(has(kgr("disinfecting-robots-and-drones"), RDF_TYPE, kg("Robot"))).toBe(false);
    expect(has(kgr("disinfecting-robots-and-drones"), RDF_TYPE, kg("Drone"))).toBe(false);
    expect(has(kgr("turin"), kg("locatedIn"), kgr("spain"))).toBe(false);
  });

  it("carries the brief's numbers as typed literals", () => {
    const lit = (s: string, p: string): { value: string; datatype: string } => {
      const t = one(kgr(s), p);
      if (!t || t.termType !== "Literal") throw new Error(`${s} ${p} missing`);
      return { value: t.value, datatype: t.datatype.value };
    };
    expect(lit("huawei-safe-city-agreements", kg("count"))).toEqual({ value: "73", datatype: NS.xsd + "integer" });
    expect(lit("huawei-safe-city-agreements", kg("countryCount"))).toEqual({ value: "52", datatype: NS.xsd + "integer" });
    expect(lit("smart-city-pilot-projects", kg("count")).value).toBe("500");
    expect(lit("smart-city-pilot-projects", kg("onDate"))).toEqual({ value: "2019-01", datatype: NS.xsd + "gYearMonth" });
    expect(Number(lit("stimulus-package-2008-2009", kg("amountRMB")).value)).toBe(4e12);
    expect(Number(lit("stimulus-package-2008-2009", kg("amountUSD")).value)).toBe(575e9);
    expect(Number(lit("china-growth-rate-2020", kg("percentage")).value)).toBe(2);
    expect(Number(lit("china-growth-rate-2019", kg("percentage")).value)).toBe(6);
    expect(lit("14th-five-year-plan", kg("startYear")).value).toBe("2021");
    expect(lit("14th-five-year-plan", kg("endYear")).value).toBe("2025");
    expect(lit("13th-five-year-plan", kg("startYear")).value).toBe("2016");
    expect(lit("social-credit-system", kg("deadline")).value).toBe("2020");
  });

  it("dates relations the text dates, with the kind of time the text gives (point, start, deadline, table year, span)", () => {
    const date = (s: string, p: string, o: string, time: string): string[] =>
      evidenceFor(kgr(s), kg(p), kgr(o)).flatMap((ev) => objects(ev, kg(time)).map((d) => d.value));
    expect(date("xi-jinping", "endorses", "smart-city", "onDate")).toContain("2015");
    expect(date("xi-jinping", "encourages", "blockchain", "onDate")).toContain("2019-10");
    expect(date("huawei", "cooperatesWith", "kenyan-police", "since")).toContain("2014");
    expect(date("chinese-central-government", "announces", "stimulus-measures-2020", "onDate")).toContain("2020-03");
    expect(date("chinese-central-government", "uses", "drones", "since")).toContain("2019-12");
    expect(date("huawei", "signs", "huawei-safe-city-agreements", "deadline")).toContain("2019");
    expect(date("dahua-temperature-screening-cameras", "deployedAt", "beirut-airport", "tableYear")).toContain("2020");
    const donation = kgr("huawei-donation-to-kenyan-government");
    expect([kg("fromDate"), kg("toDate"), kg("timeText")].map((p) => one(donation, p)?.value)).toEqual(["2020-03", "2020-04", "March and April 2020"]);
    // dcterms:date is left to publications: no evidence carries it any more.
    expect(evidenceNodes.filter((ev) => objects(ev, NS.dcterms + "date").length > 0)).toEqual([]);
  });

  it("records authorship, publisher and rights of the brief from its catalogue record", () => {
    const brief = kgr("euiss-brief-2020-10");
    expect(objects(brief, NS.dcterms + "creator").map((t) => t.value).sort()).toEqual([kgr("alice-ekman"), kgr("cristina-de-esperanza-picardo")]);
    expect(one(brief, NS.dcterms + "publisher")?.value).toBe(kgr("euiss"));
    expect(one(brief, NS.dcterms + "date")?.value).toBe("2020-05");
    expect(one(brief, NS.dcterms + "rights")?.value).toMatch(/European Union Institute for Security Studies, 2020.*source is acknowledged/);
    expect(one(kgr("alice-ekman"), kg("jobTitle"))?.value).toBe("Senior Analyst");
  });
});

/** RFC 4180 records (quoted cells, doubled quotes, CRLF or LF line ends). */
function csvRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      record.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  return records;
}
