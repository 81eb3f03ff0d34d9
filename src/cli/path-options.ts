// The path options kg path and kg connect share: filters, ranking and evidence constraints, and the "which to loosen" advice.
import type { GraphIndex } from "../graph/types.ts";
import type { PathOptions } from "../query/path-types.ts";
import { applyConstraints, checkDate, type EvidenceConstraints } from "../query/path-constraints.ts";
import { withSourceConstraints } from "../query/corroboration.ts";
import { UsageError, flag, intOption, listOption, stringOption, type OptionSpec, type ParsedCommand } from "./args.ts";
import { resolveNodes, resolveTerms } from "./graph.ts";
import { sourceConstraintsOf } from "./source-options.ts";

export const constraintOptionSpecs: Record<string, OptionSpec> = {
  "from-date": { type: "string", value: "DATE", help: "only relations dated on or after DATE (2020, 2020-03, 2020-03-15): by their evidence or their event" },
  "to-date": { type: "string", value: "DATE", help: "only relations dated on or before DATE" },
  "event-kinds": { type: "string", list: true, value: "k1,k2", help: "pass only through events of these kinds (e.g. Donation,Deployment)" },
};

/** The restricting options a user can drop, each named as on the command line. */
export const loosenable = ["directed", "predicates", "exclude-predicates", "exclude", "exclude-classes", "date range", "event-kinds", "min-sources", "source"] as const;
export type Loosenable = (typeof loosenable)[number];

/** --rank, or `fallback` when it is not given (kg path's default is informative, as the evaluation chose; kg connect's shortest). */
export function rankOption(parsed: ParsedCommand, command: string, fallback: "shortest" | "informative" = "shortest"): "shortest" | "informative" {
  const rank = stringOption(parsed, "rank") ?? fallback;
  if (rank !== "shortest" && rank !== "informative") throw new UsageError(`kg ${command}: --rank must be shortest or informative, not "${rank}"`, command);
  return rank;
}

export function constraintsOf(graph: GraphIndex, parsed: ParsedCommand, command: string): EvidenceConstraints {
  const fromDate = stringOption(parsed, "from-date"), toDate = stringOption(parsed, "to-date");
  for (const [name, value] of [["--from-date", fromDate], ["--to-date", toDate]] as const) {
    if (value === undefined) continue;
    try {
      checkDate(value, name);
    } catch {
      throw new UsageError(`kg ${command}: ${name} "${value}" is not a date (write 2020, 2020-03 or 2020-03-15)`, command);
    }
  }
  if (fromDate !== undefined && toDate !== undefined && fromDate > toDate) throw new UsageError(`kg ${command}: --from-date ${fromDate} is after --to-date ${toDate}`, command);
  return { fromDate, toDate, eventKinds: resolveTerms(graph, listOption(parsed, "event-kinds"), "class") };
}

/** Which loosenable options the command line sets. */
export function activeRestrictions(parsed: ParsedCommand): Loosenable[] {
  return loosenable.filter((name) => {
    if (name === "directed") return flag(parsed, "directed");
    if (name === "date range") return stringOption(parsed, "from-date") !== undefined || stringOption(parsed, "to-date") !== undefined;
    if (name === "min-sources") return intOption(parsed, "path", "min-sources", 1, 1) > 1;
    return listOption(parsed, name).length > 0;
  });
}

/**
 * The options of the command line, less the one named by `drop`; k, ranking and limits as given. The corroboration
 * constraints (--min-sources, --source; commands without them have none) are in, so advice is computed under them.
 */
export function pathOptionsOf(graph: GraphIndex, parsed: ParsedCommand, command: string, base: PathOptions, drop?: Loosenable): PathOptions {
  const list = (name: Loosenable, kind: "predicate" | "class") => (drop === name ? [] : resolveTerms(graph, listOption(parsed, name), kind));
  const options: PathOptions = {
    ...base,
    directed: drop === "directed" ? false : flag(parsed, "directed"),
    predicates: list("predicates", "predicate"),
    excludePredicates: list("exclude-predicates", "predicate"),
    excludeNodes: drop === "exclude" ? [] : resolveNodes(graph, listOption(parsed, "exclude")),
    excludeClasses: list("exclude-classes", "class"),
  };
  const constraints = constraintsOf(graph, parsed, command);
  if (drop === "date range") [constraints.fromDate, constraints.toDate] = [undefined, undefined];
  if (drop === "event-kinds") constraints.eventKinds = [];
  const sources = sourceConstraintsOf(graph, parsed, command);
  if (drop === "min-sources") sources.minSources = 1;
  if (drop === "source") sources.sources = [];
  try {
    return withSourceConstraints(graph, sources, applyConstraints(graph, constraints, options));
  } catch (error) {
    throw new UsageError(`kg ${command}: ${(error as Error).message.replace(/^query\/path-constraints: /, "")}`, command);
  }
}

const optionName = (name: Loosenable, parsed?: ParsedCommand) =>
  name === "date range" ? "--from-date/--to-date" : name === "min-sources" && parsed ? `--min-sources ${String(parsed.values["min-sources"])}` : `--${name}`;

/**
 * Advice when nothing connects under the options: each restriction is dropped in turn and the ones that then let
 * a path through are named (with its length in `unit`s); `connects` runs the query with the given options.
 */
export function loosenAdvice(graph: GraphIndex, parsed: ParsedCommand, command: string, base: PathOptions, connects: (options: PathOptions) => number | undefined, unit = "hop"): string[] {
  const hints: string[] = [];
  const active = activeRestrictions(parsed);
  for (const name of active) {
    const hops = connects(pathOptionsOf(graph, parsed, command, base, name));
    if (hops !== undefined) hints.push(`drop ${optionName(name, parsed)}: then a connection of ${hops} ${unit}${hops === 1 ? "" : "s"} exists`);
  }
  if (hints.length === 0 && active.length > 1) {
    hints.push(`no single option dropped is enough: loosen several of ${active.map((name) => optionName(name, parsed)).join(", ")}`);
  }
  return hints;
}
