// Generates deterministic synthetic Turtle in the project's data model (docs/data-model.md) at a chosen triple count, for benchmarks.
import { prefixes, rdf, rdfs, owl, xsd, skos, dcterms, prov, oa, kg as kgVocab } from "../src/rdf/vocab.ts";

/** Bump when the output for a given (size, seed) changes, so cached files are regenerated. */
export const GENERATOR_VERSION = 1;

export interface GenerateOptions {
  /** The number of triples to aim for; the result is within 2% of it (above 2,000). */
  triples: number;
  seed: number;
}

export interface GeneratedStats {
  triples: number;
  entities: number;
  relations: number;
  evidence: number;
  /** Entities outside the main component (small islands), so some node pairs have no path. */
  islandEntities: number;
  sources: number;
}

export interface Generated {
  readonly text: string; // `lines` joined by "\n" (one string: past V8's string cap near 12M triples, use lines)
  lines: readonly string[];
  stats: GeneratedStats;
}

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; the same seed always gives the same stream. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Samples 0..n-1 with probability proportional to 1/(i+1)^exponent (Zipf), by binary search on the cumulative weights. */
class ZipfSampler {
  private readonly cumulative: Float64Array;
  constructor(n: number, exponent: number) {
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) this.cumulative[i] = sum += 1 / Math.pow(i + 1, exponent);
  }
  sample(random: () => number): number {
    const c = this.cumulative;
    const x = random() * c[c.length - 1];
    let lo = 0, hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// The synthetic ontology: a small class hierarchy and twenty relation predicates, in the kg: namespace.
const classTree: ReadonlyArray<[local: string, parent: string | null, label: string, weight: number]> = [
  ["Actor", null, "actor", 0],
  ["Organisation", "Actor", "organisation", 3],
  ["Company", "Organisation", "company", 10],
  ["GovernmentBody", "Organisation", "government body", 5],
  ["Person", "Actor", "person", 4],
  ["Technology", null, "technology", 3],
  ["SurveillanceTechnology", "Technology", "surveillance technology", 4],
  ["Platform", "Technology", "platform", 3],
  ["Policy", null, "policy", 4],
  ["Place", null, "place", 0],
  ["Country", "Place", "country", 1],
  ["City", "Place", "city", 5],
  ["Forum", null, "forum", 2],
  ["Concept", null, "concept", 3],
  ["Project", null, "project", 4],
  ["Publication", null, "publication", 0],
];

const relationPredicates: readonly string[] = [
  "partnersWith", "supplies", "develops", "deploys", "locatedIn", "memberOf", "funds", "investsIn",
  "cooperatesWith", "promotes", "donatesTo", "exportsTo", "adopts", "regulates", "hosts", "subsidiaryOf",
  "participatesIn", "trains", "competesWith", "mentions",
];

const kgx = (local: string) => prefixes.kg + local;
const extra = {
  Evidence: kgVocab.Evidence,
  Publication: kgx("Publication"),
  employeeCount: kgx("employeeCount"),
  population: kgx("population"),
  budgetMillions: kgx("budgetMillions"),
  wikidata: "http://www.wikidata.org/entity/",
};

const onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "sh", "th", "tr", "br", "kl"];
const vowels = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ou"];
const accented = ["é", "è", "ü", "ö", "á", "í", "ñ", "ç"];
const codas = ["", "", "", "n", "r", "l", "s", "k", "m"];

/** The slug of a label: lower case ASCII letters and digits joined by hyphens. */
export function slugOf(label: string): string {
  return label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function turtleString(value: string): string {
  return '"' + value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r") + '"';
}

/** Writes prefixed names for the known namespaces, so output reads like the project's hand-written Turtle. */
function curie(iri: string): string {
  for (const [name, base] of usedPrefixes) {
    if (iri.startsWith(base)) {
      const local = iri.slice(base.length);
      if (/^[A-Za-z][A-Za-z0-9_-]*$/.test(local)) return `${name}:${local}`;
    }
  }
  return `<${iri}>`;
}

const usedPrefixes: ReadonlyArray<[string, string]> = (
  ["rdf", "rdfs", "owl", "xsd", "skos", "dcterms", "prov", "oa", "kg", "kgr", "kge"] as const
).map((name) => [name, prefixes[name]]);

interface Entity {
  iri: string;
  slug: string;
  label: string;
}

/**
 * Generates Turtle of about `triples` triples. Entities arrive one at a time (preferential attachment): each new
 * entity links to 1..5 earlier ones, choosing an endpoint of a random earlier relation most of the time, so degree
 * follows a power law and a few hubs appear. A few percent of entities form small islands (no path to the rest).
 * Some relations carry an evidence node: rdf:Statement + prov:wasDerivedFrom + oa:hasSelector [oa:exact] + kg:locator.
 */
export function generateTurtle(options: GenerateOptions): Generated {
  const { triples: target, seed } = options;
  if (!Number.isInteger(target) || target < 100) throw new Error(`bench/generate: triples must be an integer >= 100, got ${target}`);
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const out: string[] = [];
  let tripleCount = 0;
  const stats: GeneratedStats = { triples: 0, entities: 0, relations: 0, evidence: 0, islandEntities: 0, sources: 0 };

  // A vocabulary of pseudo-words; labels draw words by Zipf, so common words are shared by many labels.
  const vocabularySize = Math.max(300, Math.min(8000, Math.round(target / 100)));
  const usedWords = new Set<string>();
  const vocabulary: string[] = [];
  while (vocabulary.length < vocabularySize) {
    const syllables = 1 + Math.floor(random() * 3);
    let word = "";
    for (let i = 0; i < syllables; i++) {
      const vowel = random() < 0.06 ? pick(accented) : pick(vowels);
      word += pick(onsets) + vowel + (i === syllables - 1 ? pick(codas) : "");
    }
    if (word.length < 3 || usedWords.has(word)) continue;
    usedWords.add(word);
    vocabulary.push(word[0].toUpperCase() + word.slice(1));
  }
  const wordSampler = new ZipfSampler(vocabulary.length, 0.8);
  const word = () => vocabulary[wordSampler.sample(random)];
  const phrase = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min + 1));
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(word().toLowerCase());
    return words.join(" ");
  };

  for (const [name, base] of usedPrefixes) out.push(`@prefix ${name}: <${base}> .`);
  out.push("");

  // Schema: classes and properties, labelled, as the project's ontology does.
  for (const [local, parent, label] of classTree) {
    const lines = [`${curie(kgx(local))} a ${curie(owl.Class)}`, `    ${curie(rdfs.label)} ${turtleString(label)}@en`];
    tripleCount += 2;
    if (parent) {
      lines.push(`    ${curie(rdfs.subClassOf)} ${curie(kgx(parent))}`);
      tripleCount++;
    }
    out.push(lines.join(" ;\n") + " .");
  }
  for (const local of relationPredicates) {
    const label = local.replace(/([A-Z])/g, " $1").toLowerCase();
    out.push(`${curie(kgx(local))} a ${curie(owl.ObjectProperty)} ;\n    ${curie(rdfs.label)} ${turtleString(label)}@en .`);
    tripleCount += 2;
  }
  out.push("");

  const instanceClasses = classTree.filter(([, , , weight]) => weight > 0);
  const classCumulative: number[] = [];
  let classSum = 0;
  for (const [, , , weight] of instanceClasses) classCumulative.push(classSum += weight);
  const pickClass = () => {
    const x = random() * classSum;
    let i = 0;
    while (classCumulative[i] <= x) i++;
    return instanceClasses[i][0];
  };
  const predicateSampler = new ZipfSampler(relationPredicates.length, 0.9);
  const hubSampler = new ZipfSampler(50, 1.0);

  const entities: Entity[] = [];
  const entitySlugs = new Set<string>();
  const makeEntity = (label: string): Entity => {
    let slug = slugOf(label) || "entity";
    if (entitySlugs.has(slug)) slug = `${slug}-${entities.length.toString(36)}`;
    entitySlugs.add(slug);
    const entity = { iri: prefixes.kgr + slug, slug, label };
    entities.push(entity);
    return entity;
  };

  // Source documents: evidence is derived from these (a few, so they are popular).
  const sourceCount = Math.max(3, Math.round(target / 20000));
  const sources: Entity[] = [];
  for (let i = 0; i < sourceCount; i++) {
    const title = `${word()} ${phrase(2, 5)} report ${2010 + (i % 14)}`;
    const source = makeEntity(title);
    sources.push(source);
    out.push(
      `${curie(source.iri)} a ${curie(extra.Publication)} ;\n` +
        `    ${curie(skos.prefLabel)} ${turtleString(title)}@en ;\n` +
        `    ${curie(dcterms.issued)} ${turtleString(`${2010 + (i % 14)}-0${1 + (i % 9)}-1${i % 10}`)}^^${curie(xsd.date)} ;\n` +
        `    ${curie(kgVocab.cleanedText)} ${turtleString(`sources/${source.slug}.txt`)} .`,
    );
    tripleCount += 4;
  }
  stats.sources = sourceCount;

  // Relation endpoints so far, as a flat list: sampling it picks a node with probability ∝ its degree.
  let endpoints = new Uint32Array(1 << 16);
  let endpointCount = 0;
  const pushEndpoint = (id: number) => {
    if (endpointCount === endpoints.length) {
      const grown = new Uint32Array(endpoints.length * 2);
      grown.set(endpoints);
      endpoints = grown;
    }
    endpoints[endpointCount++] = id;
  };
  const mainEntities: number[] = [];
  const relationKeys = new Set<string>();
  const evidenceSlugs = new Set<string>();
  // Islands: small groups that only link among themselves, so shortest-path benchmarks have unreachable pairs.
  let island: number[] = [];

  const writeRelation = (from: Entity, predicate: string, to: Entity, lines: string[] | null): void => {
    const pred = curie(kgx(predicate));
    if (lines) lines.push(`    ${pred} ${curie(to.iri)}`);
    else out.push(`${curie(from.iri)} ${pred} ${curie(to.iri)} .`);
    tripleCount++;
    stats.relations++;
    if (random() < 0.3) writeEvidence(from, predicate, to);
  };

  const writeEvidence = (from: Entity, predicate: string, to: Entity): void => {
    let slug = `${from.slug}-${slugOf(predicate.replace(/([A-Z])/g, "-$1"))}-${to.slug}`;
    if (evidenceSlugs.has(slug)) slug += "-2";
    evidenceSlugs.add(slug);
    const source = sources[Math.min(sources.length - 1, Math.floor(Math.pow(random(), 2) * sources.length))];
    const quote = `${phrase(2, 5)} ${from.label} ${predicate.replace(/([A-Z])/g, " $1").toLowerCase()} ${to.label} ${phrase(3, 8)}`;
    const lines = [
      `${curie(prefixes.kge + slug)} a ${curie(rdf.Statement)}, ${curie(extra.Evidence)}`,
      `    ${curie(rdf.subject)} ${curie(from.iri)}`,
      `    ${curie(rdf.predicate)} ${curie(kgx(predicate))}`,
      `    ${curie(rdf.object)} ${curie(to.iri)}`,
      `    ${curie(prov.wasDerivedFrom)} ${curie(source.iri)}`,
      `    ${curie(oa.hasSelector)} [ a ${curie(oa.TextQuoteSelector)} ; ${curie(oa.exact)} ${turtleString(quote)} ]`,
      `    ${curie(kgVocab.locator)} ${turtleString(`${1 + Math.floor(random() * 12)}. ${word()} ${phrase(1, 4)}`)}`,
    ];
    tripleCount += 10;
    if (random() < 0.6) {
      lines.push(`    ${curie(kgVocab.page)} ${1 + Math.floor(random() * 40)}`);
      tripleCount++;
    }
    if (random() < 0.7) {
      const year = 2005 + Math.floor(random() * 20);
      const date = random() < 0.5 ? `${year}` : `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}`;
      lines.push(`    ${curie(dcterms.date)} ${turtleString(date)}^^${curie(date.length === 4 ? xsd.gYear : xsd.gYearMonth)}`);
      tripleCount++;
    }
    out.push(lines.join(" ;\n") + " .");
    stats.evidence++;
  };

  while (tripleCount < target) {
    const cls = pickClass();
    const words = 1 + Math.floor(random() * 3);
    const labelWords: string[] = [];
    for (let i = 0; i < words; i++) labelWords.push(word());
    const label = labelWords.join(" ");
    const entity = makeEntity(label);
    const id = entities.length - 1;
    stats.entities++;

    const lines = [`${curie(entity.iri)} a ${curie(kgx(cls))}`, `    ${curie(skos.prefLabel)} ${turtleString(label)}@en`];
    tripleCount += 2;
    if (random() < 0.35) {
      // An acronym or a variant name, as texts use them.
      const alt = words > 1 ? labelWords.map((w) => w[0]).join("").toUpperCase() : `${label} ${pick(["Group", "Ltd", "Co"])}`;
      lines.push(`    ${curie(skos.altLabel)} ${turtleString(alt)}@en`);
      tripleCount++;
      if (random() < 0.2) {
        lines.push(`    ${curie(skos.altLabel)} ${turtleString(`${word()} ${label}`)}@en`);
        tripleCount++;
      }
    }
    if (random() < 0.25) {
      lines.push(`    ${curie(skos.definition)} ${turtleString(`A ${cls.toLowerCase()} of ${phrase(3, 9)}.`)}@en`);
      tripleCount++;
    }
    if (cls === "Company" && random() < 0.6) {
      lines.push(`    ${curie(extra.employeeCount)} ${Math.floor(Math.pow(10, 1 + random() * 5))}`);
      tripleCount++;
    }
    if ((cls === "City" || cls === "Country") && random() < 0.7) {
      lines.push(`    ${curie(extra.population)} ${Math.floor(Math.pow(10, 4 + random() * 5))}`);
      tripleCount++;
    }
    if ((cls === "Policy" || cls === "Project") && random() < 0.8) {
      const year = 2000 + Math.floor(random() * 25);
      lines.push(`    ${curie(dcterms.date)} ${turtleString(String(year))}^^${curie(xsd.gYear)}`);
      tripleCount++;
      if (random() < 0.5) {
        lines.push(`    ${curie(extra.budgetMillions)} ${(random() * 500).toFixed(2)}`);
        tripleCount++;
      }
    }
    if (random() < 0.3) {
      lines.push(`    ${curie(skos.exactMatch)} <${extra.wikidata}Q${1000 + Math.floor(random() * 9_000_000)}>`);
      tripleCount++;
    }

    // Relations to earlier entities: in the entity's own block when it is the subject, separately otherwise.
    const later: Array<[Entity, string, Entity]> = [];
    const toIsland = entities.length > 50 && (island.length > 0 ? random() < 0.7 : random() < 0.02);
    if (toIsland) {
      stats.islandEntities++;
      if (island.length > 0) {
        // A new entity is never related to itself yet, so the relation is new.
        const other = entities[island[Math.floor(random() * island.length)]];
        writeRelation(entity, relationPredicates[predicateSampler.sample(random)], other, lines);
      }
      island.push(id);
      if (island.length >= 2 + Math.floor(random() * 7)) island = [];
    } else {
      const relationCount = mainEntities.length === 0 ? 0 : 1 + Math.floor(random() * 5);
      const deferred: Array<[boolean, string, number]> = [];
      for (let r = 0; r < relationCount; r++) {
        // Mostly preferential attachment (BA-like, exponent near 3); a small share goes straight to the oldest
        // entities by Zipf, as real texts keep returning to a few actors (China, Huawei), which makes real hubs.
        const choice = random();
        const other =
          endpointCount === 0 || choice < 0.2
            ? mainEntities[Math.floor(random() * mainEntities.length)]
            : choice < 0.28
              ? mainEntities[Math.min(mainEntities.length - 1, hubSampler.sample(random))]
              : endpoints[Math.floor(random() * endpointCount)];
        const predicate = relationPredicates[predicateSampler.sample(random)];
        const outgoing = random() < 0.5;
        const key = outgoing ? `${id} ${predicate} ${other}` : `${other} ${predicate} ${id}`;
        if (other === id || relationKeys.has(key)) continue;
        relationKeys.add(key);
        pushEndpoint(id);
        pushEndpoint(other);
        deferred.push([outgoing, predicate, other]);
      }
      mainEntities.push(id);
      for (const [outgoing, predicate, other] of deferred) {
        if (outgoing) writeRelation(entity, predicate, entities[other], lines);
        else later.push([entities[other], predicate, entity]);
      }
    }
    out.push(lines.join(" ;\n") + " .");
    for (const [from, predicate, to] of later) writeRelation(from, predicate, to, null);
  }
  stats.triples = tripleCount;
  out.push("");
  return { get text() { return out.join("\n"); }, lines: out, stats };
}
