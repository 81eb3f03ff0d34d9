// The import's report as lines: rows read and imported per table, repairs, names matched and unmatched, disagreements, relations.
import type { ImportResult } from "./tabular-import.ts";
import { localName } from "../../graph/labels.ts";

const fileName = (url: string) => decodeURIComponent(url.slice(url.lastIndexOf("/") + 1));

/** Counts the tests assert, then the particulars, so a reader sees every repair and every unmatched name. */
export function reportLines(result: ImportResult): string[] {
  const lines: string[] = [`kg import: ${result.tables.length} table${result.tables.length === 1 ? "" : "s"}`];
  for (const t of result.tables) {
    lines.push(`  ${localName(t.source)} (${fileName(t.file)}): ${t.rows} rows read, ${t.imported} imported, ${t.unmatchedRows.length} unmatched; ${t.evidence} cells state a relation`);
    for (const row of t.unmatchedRows) lines.push(`    unmatched row ${row.rownum}: ${JSON.stringify(row.name)}`);
  }
  const cells = new Set(result.repairs.map((r) => `${r.source}\t${r.rownum}\t${r.column}`));
  const rows = new Set(result.repairs.map((r) => `${r.source}\t${r.rownum}`));
  lines.push(`repaired: ${cells.size} cells in ${rows.size} rows`);
  for (const r of result.repairs) lines.push(`  ${localName(r.source)} row ${r.rownum}, ${r.column}: ${r.rule}: ${JSON.stringify(r.from)} → ${JSON.stringify(r.to)}`);
  for (const n of result.names) {
    const matched = n.existing.length + n.created.length + n.alias.length;
    lines.push(`${n.kind} names: ${matched} matched (${n.existing.length} existing entities, ${n.created.length} new, ${n.alias.length} other spellings), ${n.none.length} reviewed as no entity, ${n.unmatched.length} unmatched`);
    if (n.none.length > 0) lines.push(`  no entity: ${n.none.map((name) => JSON.stringify(name)).join(", ")}`);
    for (const u of n.unmatched) lines.push(`  unmatched: ${JSON.stringify(u.name)} (${u.where})`);
  }
  const bySources = new Map<number, number>();
  for (const r of result.relations) {
    const sources = new Set(r.evidence.map((e) => e.source)).size;
    bySources.set(sources, (bySources.get(sources) ?? 0) + 1);
  }
  const evidence = result.relations.reduce((sum, r) => sum + r.evidence.length, 0);
  lines.push(`relations: ${result.relations.length} (${[...bySources].sort(([a], [b]) => a - b).map(([k, v]) => `${v} stated by ${k} source${k === 1 ? "" : "s"}`).join(", ")}), ${evidence} evidence nodes; ${result.newEntities.length} entities created`);
  lines.push(`disagreements: ${result.disagreements.length}`);
  for (const d of result.disagreements) lines.push(`  ${d.text}; ${d.yes.map(localName).join(", ")} marks it a member`);
  const lists = result.lists;
  lines.push(`list disagreements: ${lists.disagreements.length} names listed by one source and omitted by another's complete list; ` +
    `omissions not counted: ${lists.skippedCut} where the other list may be cut, ${lists.skippedIncomplete} where it names unnamed items; ` +
    `${lists.oneSourceOnly.length} row entities in one source only, not compared`);
  for (const d of lists.disagreements) lines.push(`  ${d.text}; ${localName(d.yes)} lists it`);
  return lines;
}
