// The reviewed alignment table of a tabular source's names onto graph entities, read from its TSV file and checked against the loaded graph.

export type AlignmentStatus = "existing" | "new" | "alias" | "none";

export interface AlignmentEntry {
  kind: string;
  name: string;
  /** The entity's IRI (expanded from kgr:), empty for status none. */
  entity: string;
  status: AlignmentStatus;
  iso2: string;
  iso3: string;
  /** Wikidata IRI, or empty. */
  wikidata: string;
  reason: string;
  line: number;
}

/** What the alignment check needs from the graph the import joins (the bundled data without the import's own output). */
export interface GraphLookup {
  hasSubject(iri: string): boolean;
  literals(iri: string, predicate: string): string[];
  objects(iri: string, predicate: string): string[];
}

export class AlignmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AlignmentError";
  }
}

const prefixes: Record<string, string> = {
  kgr: "https://w3id.org/smartcity-kg/resource/",
  wd: "http://www.wikidata.org/entity/",
};

function expand(value: string, where: string): string {
  const colon = value.indexOf(":");
  const ns = colon > 0 ? prefixes[value.slice(0, colon)] : undefined;
  if (ns !== undefined) return ns + value.slice(colon + 1);
  if (/^https?:\/\//.test(value)) return value;
  throw new AlignmentError(`${where}: "${value}" is neither kgr:…, wd:… nor an http(s) IRI`);
}

const header = ["kind", "name", "entity", "status", "iso2", "iso3", "wikidata", "reason"];

export function parseAlignment(text: string, file: string): AlignmentEntry[] {
  const entries: AlignmentEntry[] = [];
  const seen = new Set<string>();
  let sawHeader = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw === "" || raw.startsWith("#")) return;
    const cells = raw.split("\t");
    if (!sawHeader) {
      if (cells.join("\t") !== header.join("\t")) throw new AlignmentError(`${file}:${line}: the header must be ${header.join(", ")} (tab-separated)`);
      sawHeader = true;
      return;
    }
    const where = `${file}:${line}`;
    if (cells.length !== header.length) throw new AlignmentError(`${where}: ${cells.length} cells, expected ${header.length}`);
    const [kind, name, entity, status, iso2, iso3, wikidata, reason] = cells;
    if (!["existing", "new", "alias", "none"].includes(status)) throw new AlignmentError(`${where}: status "${status}" is not existing, new, alias or none`);
    if (reason.trim() === "") throw new AlignmentError(`${where}: every match needs a reason`);
    const key = `${kind}\t${name}`;
    if (seen.has(key)) throw new AlignmentError(`${where}: ${kind} "${name}" is listed twice`);
    seen.add(key);
    entries.push({
      kind, name, status: status as AlignmentStatus, iso2, iso3, reason, line,
      entity: status === "none" ? "" : expand(entity, where),
      wikidata: wikidata === "" ? "" : expand(wikidata, where),
    });
  });
  if (!sawHeader) throw new AlignmentError(`${file}: no header line (${header.join(", ")})`);
  return entries;
}

const kg = "https://w3id.org/smartcity-kg/ontology#";
const exactMatch = "http://www.w3.org/2004/02/skos/core#exactMatch";

/**
 * An existing entity must be in the graph (a country with the same ISO code and Wikidata item); a new one must not
 * be, so that a second import never creates it twice; an alias must name an entity the table lists as existing or new.
 */
export function checkAlignment(entries: readonly AlignmentEntry[], graph: GraphLookup, file: string): void {
  const primary = new Set(entries.filter((e) => e.status === "existing" || e.status === "new").map((e) => e.entity));
  const created = new Map<string, AlignmentEntry>();
  for (const entry of entries) {
    const where = `${file}:${entry.line}: ${entry.kind} "${entry.name}"`;
    if (entry.status === "existing") {
      if (!graph.hasSubject(entry.entity)) throw new AlignmentError(`${where}: ${entry.entity} is not in the graph (status existing)`);
      if (entry.iso2 !== "") {
        const codes = graph.literals(entry.entity, `${kg}iso3166Alpha2`);
        if (!codes.includes(entry.iso2)) throw new AlignmentError(`${where}: the graph gives ${entry.entity} ISO code ${codes.join(", ") || "none"}, the table ${entry.iso2}`);
      }
      if (entry.wikidata !== "") {
        const items = graph.objects(entry.entity, exactMatch);
        if (items.length > 0 && !items.includes(entry.wikidata)) throw new AlignmentError(`${where}: the graph links ${entry.entity} to ${items.join(", ")}, the table to ${entry.wikidata}`);
      }
    } else if (entry.status === "new") {
      if (graph.hasSubject(entry.entity)) throw new AlignmentError(`${where}: ${entry.entity} already exists in the graph; mark it existing instead of creating it again`);
      const before = created.get(entry.entity);
      if (before) throw new AlignmentError(`${where}: ${entry.entity} is created by line ${before.line} already; list this name as an alias`);
      created.set(entry.entity, entry);
    } else if (entry.status === "alias" && !primary.has(entry.entity)) {
      throw new AlignmentError(`${where}: alias of ${entry.entity}, which no existing or new line names`);
    }
  }
}
