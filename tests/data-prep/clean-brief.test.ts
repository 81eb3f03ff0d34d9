// Checks the brief cleaner on the real seed extraction and that the committed cleaned text is its current output.
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { cleanBrief, FRAGMENTS_MARKER, repairTh, repairText } from "../../src/data-prep/clean-brief.ts";

const root = resolve(import.meta.dirname, "../..");
const seedPath = resolve(root, "tests/fixtures/seeds/000_e8e3e9cab4335b9e.txt");
const committedPath = resolve(root, "graph-data/sources/euiss-brief-2020-10.txt");
const committed = readFileSync(committedPath, "utf8");
const cleaned = cleanBrief(readFileSync(seedPath, "utf8"));
const body = cleaned.slice(0, cleaned.indexOf(FRAGMENTS_MARKER));
const bodyLines = body.split("\n").filter(Boolean);

describe("repair rules", () => {
  it("turns the OCR 'Th' back into 'n' inside and at the start of words", () => {
    expect(repairTh("ChiTha IThitiative AThd Thew KeeThoTh plaThThed")).toBe("China Initiative And new Keenon planned");
  });
  it("keeps words that really begin with 'Th'", () => {
    expect(repairTh("The This These Third Thailand Things They")).toBe("The This These Third Thailand Things They");
  });
  it("joins line-break hyphenation but keeps real compounds and number ranges", () => {
    expect(repairText("eTh- ergy de- velopmeTht baTh- Ther")).toBe("energy development banner");
    expect(repairText("fine- tuThe the period 2021- 2025")).toBe("fine-tune the period 2021-2025");
  });
  it("restores the lost 'fi' ligature but keeps real question marks", () => {
    expect(repairText("con?nement af?liated con?rmed DECOUPLING? And")).toBe("confinement affiliated confirmed DECOUPLING? And");
  });
});

describe("cleanBrief on the seed extraction", () => {
  it("is what graph-data/sources holds (re-run `npm run data:clean` after changing the cleaner)", () => {
    expect(committed).toBe(cleaned);
  });
  it("is idempotent on its own output's source (same result twice)", () => {
    expect(cleanBrief(readFileSync(seedPath, "utf8"))).toBe(cleaned);
  });

  it("leaves no damaged words", () => {
    expect(body).not.toMatch(/[a-z]Th[a-z]/);
    expect(body).not.toMatch(/[A-Za-z]Th/);
    for (const damaged of ["ChiTha", "IThitiative", "AThd", "Thew", "KeeThoTh", "Thot ", "Thational", "con?nement", "af?liated", "eTh- ergy", "de- velop"]) {
      expect(body).not.toContain(damaged);
    }
    expect(body).not.toMatch(/\b[a-z]+- [a-z]+/); // no hyphenation left
    expect(body).not.toMatch(/[a-z]\?[a-z]/); // no lost ligature
  });

  it("contains known sentences verbatim, from every section", () => {
    const sentences = [
      "Huawei has donated video conference equipment to the Kenyan government and the Pakistani Ministry of Health.",
      "China has made the smart city part of its national development strategy: the concept was endorsed by President Xi Jinping at a national urbanisation convention in 2015, and later explicitly mentioned in the 13th Five-Year Plan (2016-2020), adopted in March 2016.",
      "as well as its derivative, the ‘Digital Silk Road’, which are attracting a significant number of countries.",
      "The Covid-19 crisis is not a game-changer, but has significantly accelerated China’s testing of some of its smart city technologies and equipment (drones, robots, tracking apps, AI-enabled surveillance cameras, etc.).",
      "is currently being drafted by the National Development and Reform Commission.",
      "such as the AI and facial recognition leader SenseTime and robot start-up Keenon",
      "The video surveillance company Dahua has donated cameras (AI-enabled temperature screening cameras) to Lebanon’s Ministry of Health and various institutions in Thailand.",
      "Elements of the national reputation programme have been updated to punish citizens who violate other epidemic-related rules. They also offer incentives for businesses to contain the virus and exemptions on some penalties.",
      "AI-robot calling systems make automated calls to survey individuals, record their responses and give recommendations based on their answers.",
      "Blockchain is used for traceability and to maintain the immutability of data in information platforms as well as for allocation of supplies, quality checks and tracking of donations in logistics.",
      "Dahua: Lebanon (donation to Ministry of health, deployed at Beirut Airport), Thailand (deployed in various city halls, hospitals, bus terminals)",
      "DJI: Spain (Mazarrón/Murcia), Italy (Turin), Philippines (Pasig City)",
      "the 2008-2009 crisis (4 trillion RMB or $575 billion) due to high levels of debt",
      "which will cover the period 2021-2025",
      "which was influenced by the Soviet model of urbanisation.",
      "the telecommunications company had signed 73 ‘safe city’ agreements for surveillance products or services across 52 countries.",
    ];
    for (const s of sentences) expect(body).toContain(s);
  });

  it("keeps headings on their own lines", () => {
    for (const h of [
      "INTRODUCTION",
      "Summary",
      "COVID-19: AN OPPORTUNITY TO PROMOTE CHINESE TECHNOLOGIES",
      "The advance of the safe city",
      "Social credit system",
      "Health Code System",
      "Anti-epidemic tools",
      "THE NORMATIVE CHALLENGE: CHINA’S SMART CITY AS AN ALTERNATIVE FORM OF URBAN GOVERNANCE",
    ]) {
      expect(bodyLines).toContain(h);
    }
  });

  it("keeps real 'Th' words", () => {
    expect(body).toContain("various institutions in Thailand");
    expect(body).toMatch(/\nThe Covid-19 crisis is accelerating/);
    expect(body).toContain("This Brief identifies two main types");
    expect(body).toContain("Third, in early March 2020");
    expect(body).toContain("the Internet of Things (IoT)");
  });

  it("removes the running header, masthead and footnote markers", () => {
    expect(cleaned).not.toMatch(/TOwARDS|URBAn|^TOw$|^BRIEF \/|10May/m);
    expect(bodyLines).not.toContain("3");
    expect(body).toContain("Pakistani Ministry of Health. The video");
    expect(body).toContain("robot start-up Keenon – to promote");
    expect(body).not.toMatch(/Keenon8|Health\.9|2016,15/);
  });

  it("sets the diagram's broken fragments apart from the body", () => {
    expect(cleaned).toContain(FRAGMENTS_MARKER);
    for (const line of bodyLines.filter((l) => l !== "by")) {
      // Fragments are short lower-case pieces without spaces ("atio", "disi"): none is a body line.
      expect(line).not.toMatch(/^[a-z,-]+$/);
    }
    expect(body).not.toMatch(/atiodisitio|itonitrinctio|anieviditlis|hainisabili/);
    const fragments = cleaned.slice(cleaned.indexOf(FRAGMENTS_MARKER) + FRAGMENTS_MARKER.length);
    expect(fragments).toMatch(/\batio disi tio\b/);
  });

  it("puts each diagram caption under the label it describes", () => {
    expect(body).toContain("\nDrones\nDrones are used for transportation");
    expect(body).toContain("\nEpidemic map\nThe map uses real-time location");
    expect(body).toContain("\nSmart doorbell\nThe doorbells, equipped with cameras and AI");
    expect(body).toContain("\nReporting service\nhotlines are enabled for\n");
  });

  it("joins paragraphs that page and float breaks cut, one paragraph per line", () => {
    expect(body).toContain("it did following the 2008-2009 crisis");
    expect(body).toContain("by government authorities for various purposes");
    expect(body).toContain("is planned to be fully implemented and unified nationwide by the end of 2020.");
    expect(bodyLines.filter((l) => l.includes("Drones are used for transportation"))).toHaveLength(1);
    expect(body).not.toMatch(/ {2}|^ | $/m);
  });
});
