// kg source add / list / mentions and kg relation add, end to end in a store of their own, then kg path and kg validate on it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, repoRoot, runKg } from "./run-kg.ts";

const store = mkdtempSync(join(tmpdir(), "kg-source-"));
afterAll(() => rmSync(store, { recursive: true, force: true }));
const into = ["--into", store];
const S = "kgr:source-euiss-brief-10-2020-pdf";
const ttlIn = (dir: string) => readdirSync(resolve(repoRoot, dir)).filter((f) => f.endsWith(".ttl")).map((f) => resolve(repoRoot, dir, f));
const withStore = ["--data", ...ttlIn("ontology"), ...ttlIn("graph-data"), join(store, "authored.ttl")];
const authored = () => readFileSync(join(store, "authored.ttl"), "utf8");

describe("kg source and kg relation", () => {
  it("adds a PDF with its pages and metadata, and refuses the same text twice", async () => {
    const added = await runKg(["source", "add", fixture("sources", "catalogue-record.pdf"), "--title", "EUISS Brief 10/2020 (PDF)", "--publisher", "European Union Institute for Security Studies", ...into]);
    // stderr may carry load progress on a busy machine; no warning.
    expect(added.stderr).not.toContain("kg source add:");
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`added ${S}: EUISS Brief 10/2020 (PDF) · Alice Ekman, Cristina de Esperanza Picardo · European Union Institute for Security Studies · 2020-05-15 · 2 pages`);
    const text = readFileSync(join(store, "sources", "source-euiss-brief-10-2020-pdf.txt"), "utf8");
    expect(text.split("\f")).toHaveLength(2);
    expect(text.split("\f")[1]).toMatch(/^Abstract, continued\nChina often promotes its smart cities/);
    expect(authored()).toMatch(/dcterms:identifier "sha256:[0-9a-f]{64}"/);
    expect(authored()).toContain('dcterms:format "application/pdf"');

    const again = await runKg(["source", "add", fixture("sources", "catalogue-record.pdf"), ...into]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`this text was added before, as EUISS Brief 10/2020 (PDF) (${S}); nothing added`);
  }, 60_000);

  it("adds an HTML page (named by a file: URL), its readable text only", async () => {
    const added = await runKg(["source", "add", pathToFileURL(fixture("sources", "catalogue-record.html")).href, "--title", "Catalogue record (web page)", ...into]);
    expect(added.code).toBe(0);
    const text = readFileSync(join(store, "sources", "source-catalogue-record-web-page.txt"), "utf8");
    expect(text).toContain("European Union Institute for Security Studies & Policy Brief");
    expect(text).not.toContain("document.title");
    expect(text).not.toContain("<p>");
    expect(authored()).toContain('"Alice Ekman", "Cristina de Esperanza Picardo"');
  }, 60_000);

  it("lists the bundled brief and the added sources alike", async () => {
    const listed = await runKg(["source", "list", ...into]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("kgr:euiss-brief-2020-10  Towards Urban Decoupling?");
    expect(listed.stdout).toContain(`${S}  EUISS Brief 10/2020 (PDF)`);
    expect(listed.stdout).toMatch(/^4 sources$/m);
  }, 60_000);

  it("prints ranked candidate relations whose quotes are verbatim at their place, with pages", async () => {
    const result = await runKg(["source", "mentions", S, "--json", "--limit", "100", ...into]);
    expect(result.code).toBe(0);
    const { mentions, candidates } = JSON.parse(result.stdout) as {
      mentions: { text: string; start: number; end: number }[];
      candidates: { quote: string; start: number; end: number; pages: number[]; prefix: string; score: number }[];
    };
    const text = readFileSync(join(store, "sources", "source-euiss-brief-10-2020-pdf.txt"), "utf8");
    expect(mentions.map((m) => m.text)).toContain("Digital Silk Road");
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(candidates.length).toBeGreaterThan(3);
    for (const c of candidates) {
      expect(text.slice(c.start, c.end)).toBe(c.quote);
      expect(text.slice(c.start - c.prefix.length, c.start)).toBe(c.prefix);
    }
    expect(new Set(candidates.flatMap((c) => c.pages))).toEqual(new Set([1, 2]));
    const text2 = await runKg(["source", "mentions", S, "--limit", "2", ...into]);
    expect(text2.stdout).toMatch(/^1\. .+ —.+→ .+ {2}\(p\. \d/m);
    expect(text2.stdout).toContain(`kg relation add --source ${S} --quote '`);
  }, 60_000);

  it("adds a relation with a new entity and one between known entities; kg path then finds it with its quote", async () => {
    const partOf = await runKg(["relation", "add", "--source", S, "--quote", "Policy Brief 10", S, "kg:isPartOf", "EUISS Policy Briefs", "--object-class", "kg:Publication", "--by", "Ana Lyst", ...into]);
    expect(partOf.stderr).not.toContain("kg relation add:");
    expect(partOf.code).toBe(0);
    expect(partOf.stdout).toContain('new entity kgr:euiss-policy-briefs "EUISS Policy Briefs" (kg:Publication)');

    const identifies = await runKg(["relation", "add", "--source", "EUISS Brief 10/2020 (PDF)", "--quote", "This Brief identifies two main types: a normative challenge and a geopolitical one.",
      S, "identifies", "Geopolitical challenge", ...into], { env: { KG_ANALYST: "Ana Lyst" } });
    expect(identifies.code).toBe(0);
    expect(identifies.stdout).toContain("— EUISS Brief 10/2020 (PDF), Abstract, continued, p. 2; accepted by Ana Lyst");
    expect(authored()).toContain('foaf:name "Ana Lyst"');
    expect(authored()).toContain("oa:TextPositionSelector");

    const path = await runKg(["path", S, "EUISS Policy Briefs", "--json", ...withStore]);
    expect(path.code).toBe(0);
    const hop = JSON.parse(path.stdout).paths[0].edges[0].evidence[0];
    expect(hop).toMatchObject({ quote: "Policy Brief 10", page: 1, by: "Ana Lyst" });
    const second = await runKg(["path", S, "Geopolitical challenge", ...withStore]);
    expect(second.stdout).toContain("“This Brief identifies two main types: a normative challenge and a geopolitical one.”");
    expect(second.stdout).toMatch(/— Abstract, continued, p\. 2 .*· stated by Ana Lyst$/m);

    const valid = await runKg(["validate", ...withStore.filter((file) => !file.endsWith("shapes.ttl"))]);
    expect(valid.stdout).toMatch(/^valid: /m);
    expect(valid.code).toBe(0);
    // The changeset is plain Turtle any RDF tool reads.
    const rapper = spawnSync("rapper", ["-i", "turtle", "-c", join(store, "authored.ttl")], { encoding: "utf8" });
    expect(rapper.status).toBe(0);
    expect(rapper.stderr).toMatch(/Parsing returned \d+ triples/);
  }, 120_000);

  it("imports a changeset into another store once, refusing duplicates and conflicts with a list", async () => {
    const other = mkdtempSync(join(tmpdir(), "kg-import-"));
    try {
      const first = await runKg(["source", "import-changes", join(store, "authored.ttl"), "--into", other]);
      expect(first.stderr).not.toContain("nothing imported");
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^imported \d+ triples \(2 evidence nodes, 2 source texts\) into /m);
      expect(readFileSync(join(other, "sources", "source-euiss-brief-10-2020-pdf.txt"), "utf8")).toBe(readFileSync(join(store, "sources", "source-euiss-brief-10-2020-pdf.txt"), "utf8"));
      const path = await runKg(["path", S, "Geopolitical challenge", "--data", ...ttlIn("ontology"), ...ttlIn("graph-data"), join(other, "authored.ttl")]);
      expect(path.stdout).toContain("“This Brief identifies two main types: a normative challenge and a geopolitical one.”");

      const again = await runKg(["source", "import-changes", join(store, "authored.ttl"), "--into", other]);
      expect(again.code).toBe(1);
      expect(again.stdout.match(/^duplicate: /gm)).toHaveLength(2);
      expect(again.stderr).toContain("nothing imported");

      const changed = join(store, "conflicting.ttl");
      writeFileSync(changed, authored().replace('skos:prefLabel "EUISS Policy Briefs"@en', 'skos:prefLabel "EUISS briefs"@en'));
      const conflict = await runKg(["source", "import-changes", changed, "--into", other]);
      expect(conflict.code).toBe(1);
      expect(conflict.stdout).toContain('conflict: https://w3id.org/smartcity-kg/resource/euiss-policy-briefs: http://www.w3.org/2004/02/skos/core#prefLabel is "EUISS Policy Briefs" in the data, "EUISS briefs" in the changeset');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses a quote that is not verbatim, an ambiguous one, an unfitting predicate, and no analyst, writing nothing", async () => {
    const before = authored();
    const notVerbatim = await runKg(["relation", "add", "--source", S, "--quote", "China promotes smart cities", "China", "kg:promotes", "Smart city", "--by", "A", ...into]);
    expect(notVerbatim.code).toBe(1);
    expect(notVerbatim.stderr).toContain('the quote is not verbatim in the source; the text has it up to "China ⟨here⟩promotes smart "; nothing added');
    const ambiguous = await runKg(["relation", "add", "--source", S, "--quote", "China", "China", "kg:promotes", "Smart city", "--by", "A", ...into]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/the quote occurs \d+ times/);
    const unfitting = await runKg(["relation", "add", "--source", S, "--quote", "Digital Silk Road", "Digital Silk Road", "kg:suppliesTo", "Kenya", "--by", "A", ...into]);
    expect(unfitting.code).toBe(1);
    expect(unfitting.stderr).toContain("kg:suppliesTo's domain or range does not fit; those that fit:");
    const nobody = await runKg(["relation", "add", "--source", S, "--quote", "Digital Silk Road", "Digital Silk Road", "kg:promotes", "Kenya", ...into], { env: { KG_ANALYST: "" } });
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain("say who states it: --by NAME, or set KG_ANALYST once");
    expect(authored()).toBe(before);
  }, 120_000);
});
