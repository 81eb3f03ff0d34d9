// Turns the rows of tabular sources into relations with cell-level evidence: repairs, alignment, and the disagreements between sources.
import type { AlignmentEntry } from "./alignment.ts";
import type { CsvRow } from "./csvw-read.ts";
import type { TableMetadata } from "./csvw-metadata.ts";
import { compareLists, type ListComparison, type ListReading } from "./list-disagreements.ts";
import { repair, type ImportRules, type RelationRule } from "./rules.ts";

export const kgeNs = "https://w3id.org/smartcity-kg/evidence/";

export interface ImportTable {
  meta: TableMetadata;
  rows: CsvRow[];
}

export interface CellEvidence {
  iri: string;
  source: string;
  rownum: number;
  /** 1-based column number in the file (RFC 7111 counts columns from 1, and the header line as row 1). */
  columnNumber: number;
  column: string;
  /** The cell as the file has it. */
  cellValue: string;
  locator: string;
  year?: string;
  /** What a repair changed to read this relation, one sentence each. */
  repairs: string[];
  /** Set when another source says the opposite. */
  disagreement?: string;
}

export interface Relation {
  subject: string;
  predicate: string;
  object: string;
  evidence: CellEvidence[];
}

export interface RepairDone {
  source: string;
  rownum: number;
  column: string;
  rule: string;
  from: string;
  to: string;
}

export interface TableReport {
  source: string;
  file: string;
  rows: number;
  imported: number;
  unmatchedRows: { rownum: number; name: string }[];
  evidence: number;
}

export interface NameReport {
  kind: string;
  existing: string[];
  created: string[];
  alias: string[];
  none: string[];
  unmatched: { name: string; where: string }[];
}

export interface Disagreement {
  subject: string;
  predicate: string;
  object: string;
  yes: string[];
  no: string[];
  text: string;
}

export interface ImportResult {
  relations: Relation[];
  /** Alignment entries whose entity the import creates (status new) and that the data uses. */
  newEntities: AlignmentEntry[];
  /** Every alignment entry the data used, for alternative labels. */
  usedEntries: AlignmentEntry[];
  tables: TableReport[];
  names: NameReport[];
  repairs: RepairDone[];
  disagreements: Disagreement[];
  /** The lists' disagreements (a name one source lists for a row entity and another's complete list omits) and the omissions not counted. */
  lists: ListComparison;
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const localName = (iri: string) => iri.slice(Math.max(iri.lastIndexOf("/"), iri.lastIndexOf("#")) + 1);

interface Reading {
  table: ImportTable;
  row: CsvRow;
  rowEntity: AlignmentEntry;
  rowName: string;
  rowRepairs: string[];
}

/** Imports every table with the rules and the alignment; pure, and the same input gives the same output in the same order. */
export function importTables(tables: readonly ImportTable[], rules: ImportRules, alignment: readonly AlignmentEntry[]): ImportResult {
  const byName = new Map(alignment.map((entry) => [`${entry.kind}\t${entry.name}`, entry]));
  const relations = new Map<string, Relation>();
  const repairs: RepairDone[] = [];
  const seen = new Map<string, { entry?: AlignmentEntry; where: string; kind: string; name: string }>();
  const tableReports: TableReport[] = [];
  // For row-to-object rules: each source's answer per (row entity, rule), to find disagreements.
  const answers = new Map<string, { rule: RelationRule; subject: string; label: string; yes: CellEvidence[]; no: string[] }>();
  const lists: ListReading[] = [];

  const lookup = (kind: string, name: string, where: string) => {
    const entry = byName.get(`${kind}\t${name}`);
    const key = `${kind}\t${name}`;
    if (!seen.has(key)) seen.set(key, { entry, where, kind, name });
    return entry && entry.status !== "none" ? entry : undefined;
  };

  for (const table of tables) {
    const { meta } = table;
    const source = meta.id;
    const year = typeof (meta.annotations["dcterms:date"] as { "@value"?: string })?.["@value"] === "string"
      ? (meta.annotations["dcterms:date"] as { "@value": string })["@value"] : undefined;
    const report: TableReport = { source, file: meta.url, rows: table.rows.length, imported: 0, unmatchedRows: [], evidence: 0 };
    tableReports.push(report);
    const columnNumber = new Map(meta.columns.map((c, i) => [c.name, i + 1]));
    const columnTitle = (name: string) => meta.columns.find((c) => c.name === name)?.title || `unnamed column ${columnNumber.get(name)}`;
    const readCell = (row: CsvRow, column: string) => {
      const raw = row.cells.get(column);
      if (raw === undefined) return undefined;
      const fixed = repair(raw, rules.repairs, "cell", column);
      for (const rule of fixed.applied) repairs.push({ source, rownum: row.rownum, column: columnTitle(column), rule, from: raw, to: fixed.value });
      return { raw, value: fixed.value, applied: fixed.applied };
    };
    // Repairs of cells that no rule reads are still made and reported: the report says what the file holds.
    for (const row of table.rows) for (const column of row.cells.keys()) if (column !== rules.rowEntity.column && !rules.relations.some((r) => r.columns.includes(column))) readCell(row, column);

    for (const row of table.rows) {
      const cell = readCell(row, rules.rowEntity.column);
      const name = cell?.value.trim() ?? "";
      const where = `${localName(source)} row ${row.rownum}`;
      const rowEntity = name === "" ? undefined : lookup(rules.rowEntity.kind, name, where);
      if (!rowEntity) {
        report.unmatchedRows.push({ rownum: row.rownum, name });
        continue;
      }
      report.imported++;
      const rowRepairs = cell && cell.applied.length > 0
        ? [`${columnTitle(rules.rowEntity.column)} cell “${cell.raw}” read as “${cell.value}” (${cell.applied.join(", ")}: ${describe(rules, cell.applied)})`]
        : [];
      const reading: Reading = { table, row, rowEntity, rowName: name, rowRepairs };
      for (const rule of rules.relations) {
        const list: ListReading | undefined = rule.direction === "cell-to-row"
          ? { source, sourceLabel: String(meta.annotations["skos:prefLabel"] ?? localName(source)), rownum: row.rownum, rowEntity: rowEntity.entity, rowName: name, rule, columns: [], columnNames: [], names: [], items: new Map() }
          : undefined;
        if (list) lists.push(list);
        for (const column of rule.columns) {
          const value = readCell(row, column);
          const base = {
            source, rownum: row.rownum, columnNumber: columnNumber.get(column) ?? 0, column: columnTitle(column),
            locator: `row ${row.rownum} (${name}), “${columnTitle(column)}”`, year,
          };
          const evidenceIri = (item: number) => `${kgeNs}${localName(source)}-row${row.rownum}-${slug(column)}${item > 0 ? `-${item}` : ""}`;
          if (rule.direction === "row-to-object") {
            const raw = value?.raw ?? "";
            const key = `${rule.predicate}\t${rule.object}\t${rowEntity.entity}`;
            let answer = answers.get(key);
            if (!answer) answers.set(key, (answer = { rule, subject: rowEntity.entity, label: name, yes: [], no: [] }));
            if (rule.yes?.includes(raw)) {
              const evidence: CellEvidence = { ...base, iri: evidenceIri(0), cellValue: raw, repairs: [...reading.rowRepairs] };
              add(relations, rowEntity.entity, rule.predicate, rule.object!, evidence);
              answer.yes.push(evidence);
              report.evidence++;
            } else if (rule.no?.includes(raw)) {
              answer.no.push(`${meta.annotations["skos:prefLabel"] ?? localName(source)} (row ${row.rownum}, “${columnTitle(column)}”: ${raw === "" ? "empty" : raw})`);
            }
            continue;
          }
          if (!value) continue;
          const separator = meta.columns.find((c) => c.name === column)?.separator;
          const items = separator === undefined ? [value.value] : value.value.split(separator);
          const many = items.filter((item) => item.trim() !== "").length > 1;
          items.forEach((rawItem, i) => {
            const fixedItem = repair(rawItem.trim(), rules.repairs, "item", column);
            for (const ruleId of fixedItem.applied) repairs.push({ source, rownum: row.rownum, column: columnTitle(column), rule: ruleId, from: rawItem.trim(), to: fixedItem.value });
            const itemName = fixedItem.value.trim();
            if (itemName === "") return;
            if (list && !list.columnNames.includes(column)) {
              list.columns.push(columnTitle(column));
              list.columnNames.push(column);
            }
            list?.names.push(itemName);
            const entry = lookup(rule.kind!, itemName, `${where}, ${columnTitle(column)}`);
            if (!entry) return;
            const itemRepairs = fixedItem.applied.length > 0
              ? [`list item “${rawItem.trim()}” read as “${itemName}” (${fixedItem.applied.join(", ")}: ${describe(rules, fixedItem.applied)})`]
              : [];
            const evidence: CellEvidence = { ...base, iri: evidenceIri(many ? i + 1 : 0), cellValue: value.raw, repairs: [...reading.rowRepairs, ...itemRepairs] };
            const [s, o] = [entry.entity, rowEntity.entity];
            add(relations, s, rule.predicate, o, evidence);
            if (list) {
              if (!list.items.has(entry.entity)) list.items.set(entry.entity, { name: itemName, evidence: [] });
              list.items.get(entry.entity)!.evidence.push(evidence);
            }
            report.evidence++;
          });
        }
      }
    }
  }

  const disagreements: Disagreement[] = [];
  for (const answer of [...answers.values()].sort((a, b) => a.label.localeCompare(b.label))) {
    if (answer.yes.length === 0 || answer.no.length === 0) continue;
    const object = answer.rule.objectLabel ?? localName(answer.rule.object!);
    const text = `${answer.no.join("; ")} ${answer.no.length === 1 ? "does" : "do"} not mark ${answer.label} as a member of ${object}`;
    for (const evidence of answer.yes) evidence.disagreement = text;
    disagreements.push({ subject: answer.subject, predicate: answer.rule.predicate, object: answer.rule.object!, yes: answer.yes.map((e) => e.source), no: answer.no, text });
  }

  const used = [...seen.values()].map((s) => s.entry).filter((e): e is AlignmentEntry => e !== undefined);
  const usedEntities = new Set(used.filter((e) => e.status !== "none").map((e) => e.entity));
  const names: NameReport[] = [];
  for (const kind of [...new Set([...seen.values()].map((s) => s.kind))].sort()) {
    const ofKind = [...seen.values()].filter((s) => s.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
    const withStatus = (status: string) => ofKind.filter((s) => s.entry?.status === status).map((s) => s.name);
    names.push({
      kind, existing: withStatus("existing"), created: withStatus("new"), alias: withStatus("alias"), none: withStatus("none"),
      unmatched: ofKind.filter((s) => s.entry === undefined && s.name !== "").map((s) => ({ name: s.name, where: s.where })),
    });
  }
  return {
    relations: [...relations.values()].sort((a, b) => compare(a.subject, b.subject) || compare(a.predicate, b.predicate) || compare(a.object, b.object)),
    newEntities: alignment.filter((e) => e.status === "new" && usedEntities.has(e.entity)),
    usedEntries: used.filter((e) => e.status !== "none").sort((a, b) => a.line - b.line),
    tables: tableReports,
    names,
    repairs,
    disagreements,
    lists: compareLists(lists),
  };
}

function add(relations: Map<string, Relation>, subject: string, predicate: string, object: string, evidence: CellEvidence): void {
  const key = `${subject}\t${predicate}\t${object}`;
  let relation = relations.get(key);
  if (!relation) relations.set(key, (relation = { subject, predicate, object, evidence: [] }));
  relation.evidence.push(evidence);
}

function describe(rules: ImportRules, ids: readonly string[]): string {
  return ids.map((id) => rules.repairs.find((r) => r.id === id)?.description ?? id).join("; ");
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
