// Disagreements between sources' lists for one row entity (a vendor one table lists for a country and another omits), counted only where the omitting list is complete.
import type { CellEvidence } from "./tabular-import.ts";
import type { RelationRule } from "./rules.ts";

/** One table's list for one row entity under one cell-to-row rule. */
export interface ListReading {
  source: string;
  sourceLabel: string;
  rownum: number;
  rowEntity: string;
  rowName: string;
  rule: RelationRule;
  /** Titles of the columns with a name in them, in file order. */
  columns: string[];
  /** Names (as the rules call them) of the same columns. */
  columnNames: string[];
  /** Every name the cells list, matched or not, in file order. */
  names: string[];
  /** Listed entity → the name as written and the evidence of each cell that lists it. */
  items: Map<string, { name: string; evidence: CellEvidence[] }>;
}

export interface ListDisagreement {
  subject: string;
  predicate: string;
  object: string;
  /** The source that lists the item. */
  yes: string;
  /** The source whose complete list omits it. */
  no: string;
  text: string;
}

export interface ListComparison {
  disagreements: ListDisagreement[];
  /** Omissions not counted: the other list may be cut (it fills the column the source cuts at) or names unnamed items ("Mult"). */
  skippedCut: number;
  skippedIncomplete: number;
  /** Row entities with a list in one source only: no comparison is made. */
  oneSourceOnly: string[];
}

/** Why a list cannot show an absence, or undefined when it is complete. */
function incomplete(list: ListReading): "cut" | "unnamed" | undefined {
  const cut = list.rule.listsCutAt?.[list.source];
  if (cut !== undefined && list.columnNames.includes(cut)) return "cut";
  if (list.names.some((name) => list.rule.unnamedItems?.includes(name))) return "unnamed";
  return undefined;
}

/** Compares every pair of sources' lists for the same row entity and rule; sets kg:disagreement on the evidence of the listing side. */
export function compareLists(lists: readonly ListReading[]): ListComparison {
  const groups = new Map<string, ListReading[]>();
  for (const list of lists) {
    const key = `${list.rule.predicate}\t${list.rowEntity}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(list);
  }
  const result: ListComparison = { disagreements: [], skippedCut: 0, skippedIncomplete: 0, oneSourceOnly: [] };
  for (const group of groups.values()) {
    const sources = [...new Set(group.map((l) => l.source))];
    if (sources.length < 2) {
      result.oneSourceOnly.push(group[0].rowName);
      continue;
    }
    for (const listing of group) {
      for (const [entity, item] of listing.items) {
        for (const otherSource of sources) {
          const others = group.filter((l) => l.source === otherSource);
          // A row entity with two rows in one source is listed if either row lists it.
          if (otherSource === listing.source || others.some((l) => l.items.has(entity))) continue;
          const why = others.map(incomplete).find((w) => w !== undefined);
          if (why === "cut") { result.skippedCut++; continue; }
          if (why === "unnamed") { result.skippedIncomplete++; continue; }
          const text = others.map((other) => `${other.sourceLabel} (row ${other.rownum}, ${cellsOf(other)}) does not list ${item.name} for ${listing.rowName}`).join("; ");
          for (const evidence of item.evidence) evidence.disagreement = evidence.disagreement ? `${evidence.disagreement}; ${text}` : text;
          const [subject, object] = listing.rule.direction === "cell-to-row" ? [entity, listing.rowEntity] : [listing.rowEntity, entity];
          result.disagreements.push({ subject, predicate: listing.rule.predicate, object, yes: listing.source, no: otherSource, text });
        }
      }
    }
  }
  return result;
}

/** The omitting list as the file has it: its columns with a name and the names, so a reader can check the cells. */
function cellsOf(list: ListReading): string {
  if (list.columns.length === 0) return `no name in ${list.rule.columns.length} columns`;
  const columns = list.columns.length === 1 ? `“${list.columns[0]}”` : `“${list.columns[0]}” to “${list.columns[list.columns.length - 1]}”`;
  return `${columns}: ${list.names.join(", ")}`;
}
