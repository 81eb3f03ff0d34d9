// The import rules of a tabular source (which columns state which relations, which repairs apply) read from their JSON file, and the repairs applied.

export interface RelationRule {
  description: string;
  columns: string[];
  predicate: string;
  /** cell-to-row: the cell's entity → the row's entity; row-to-object: the row's entity → `object`, when the cell says yes. */
  direction: "cell-to-row" | "row-to-object";
  /** The alignment kind of the cell's names (cell-to-row). */
  kind?: string;
  object?: string;
  objectLabel?: string;
  yes?: string[];
  no?: string[];
  /** Per source: the last column its copy kept; a row whose list fills it may have been cut there, so an absence from it is not evidence. */
  listsCutAt?: Record<string, string>;
  /** Names that stand for vendors left unnamed ("Mult"): a list with one is not complete either. */
  unnamedItems?: string[];
}

export interface RepairRule {
  id: string;
  description: string;
  /** cell: the whole cell before it is split; item: each item of a list cell after the split. */
  scope: "cell" | "item";
  columns?: string[];
  withinWord?: Record<string, string>;
  pattern?: string;
  replacement?: string;
}

export interface ImportRules {
  rowEntity: { column: string; kind: string };
  relations: RelationRule[];
  repairs: RepairRule[];
}

export class ImportRulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportRulesError";
  }
}

export function parseRules(text: string, file: string): ImportRules {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportRulesError(`${file}: not JSON: ${(error as Error).message}`);
  }
  const rules = json as ImportRules;
  if (!rules || typeof rules.rowEntity?.column !== "string" || typeof rules.rowEntity?.kind !== "string") {
    throw new ImportRulesError(`${file}: rowEntity needs a column and a kind`);
  }
  if (!Array.isArray(rules.relations)) throw new ImportRulesError(`${file}: relations must be a list`);
  rules.relations.forEach((rule, i) => {
    const where = `${file}: relations[${i}]`;
    if (!Array.isArray(rule.columns) || typeof rule.predicate !== "string") throw new ImportRulesError(`${where} needs columns and a predicate`);
    if (rule.direction === "cell-to-row" && typeof rule.kind !== "string") throw new ImportRulesError(`${where}: cell-to-row needs the kind of its names`);
    if (rule.direction === "row-to-object" && (typeof rule.object !== "string" || !Array.isArray(rule.yes))) {
      throw new ImportRulesError(`${where}: row-to-object needs an object and the yes values`);
    }
    if (rule.listsCutAt !== undefined && (typeof rule.listsCutAt !== "object" || Object.values(rule.listsCutAt).some((c) => !rule.columns.includes(c)))) {
      throw new ImportRulesError(`${where}: listsCutAt maps a source to one of the rule's columns`);
    }
    if (rule.unnamedItems !== undefined && !Array.isArray(rule.unnamedItems)) throw new ImportRulesError(`${where}: unnamedItems must be a list`);
    if (rule.direction !== "cell-to-row" && rule.direction !== "row-to-object") throw new ImportRulesError(`${where}: direction is cell-to-row or row-to-object`);
  });
  rules.repairs ??= [];
  rules.repairs.forEach((rule, i) => {
    if (rule.withinWord === undefined && rule.pattern === undefined) throw new ImportRulesError(`${file}: repairs[${i}] needs withinWord or pattern`);
    if (rule.pattern !== undefined) {
      try {
        new RegExp(rule.pattern, "u");
      } catch (error) {
        throw new ImportRulesError(`${file}: repairs[${i}].pattern: ${(error as Error).message}`);
      }
    }
  });
  return rules;
}

/** Applies the repairs of one scope to a value; returns the value and the ids of the repairs that changed it. */
export function repair(value: string, rules: readonly RepairRule[], scope: "cell" | "item", column: string): { value: string; applied: string[] } {
  const applied: string[] = [];
  let current = value;
  for (const rule of rules) {
    if (rule.scope !== scope || (rule.columns && !rule.columns.includes(column))) continue;
    let next = current;
    if (rule.withinWord) {
      for (const [label, code] of Object.entries(rule.withinWord)) {
        // Only inside a word: a label standing alone is the label, not damage.
        const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        next = next.replace(new RegExp(`(?<=\\p{L})${escaped}|${escaped}(?=\\p{L})`, "gu"), code);
      }
    }
    if (rule.pattern !== undefined) next = next.replace(new RegExp(rule.pattern, "u"), rule.replacement ?? "");
    if (next !== current) {
      applied.push(rule.id);
      current = next;
    }
  }
  return { value: current, applied };
}
