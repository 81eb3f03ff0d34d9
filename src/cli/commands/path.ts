// kg path: how two entities are connected: the most informative (or shortest) chains of relations between them, each hop with its evidence.
import type { Command } from "../command.ts";
import { UsageError, flag, intOption, stringOption, type ParsedCommand } from "../args.ts";
import type { PathOptions } from "../../query/path.ts";
import { constraintOptionSpecs } from "../path-options.ts";
import { sourceOptionSpecs } from "../source-options.ts";
import { answerForm, outputOptionSpec, writeAnswer, writeSubgraphTurtle } from "../query-output.ts";
import type { GraphIndex } from "../../graph/types.ts";

const defaultK = 3;
/** Yen's algorithm costs a shortest-path search per path and hop: k = 2000 on 1M triples ran 35 s. */
export const maxK = 100;
const defaultMaxLength = 6;

export const pathCommand: Command = {
  spec: {
    name: "path",
    summary: "how two entities are connected, hop by hop, with the quote behind each hop",
    arguments: "<from> <to>",
    minPositionals: 2,
    maxPositionals: 2,
    details: `Finds the most informative chains of relations between two entities (names, alternative names, CURIEs such as
kgr:huawei, or IRIs; quote names with spaces) and prints each hop on its own line with the quote that states
it and where the quote is in the source. Relations are followed either way unless --directed.
No path is not an error: kg says so and suggests which option to loosen.
Paths come most informative first (--rank informative, the default): each hop costs 1, each intermediate entity
log2 of its number of relations (hubs say little), each relation half log2 of how often its predicate is used
(generic relations say little); lower scores first, each path's score and parts shown. --rank shortest orders
them by length only (as --all and --endpoint do). The default was chosen by the evaluation of 56 analyst
questions in the README (the argued connection first in 48 against 44).
--from-date/--to-date keep relations dated in the range (by their evidence or their event); --event-kinds
lets the path pass only through events of those kinds. With no path, kg names the options whose dropping gives one.
Each hop says how many sources state it when more than one does ("stated by 2 sources"); --min-sources N uses
only relations that N distinct sources state, --source only those a given source states (e.g.
--source carnegie-aigs-2019).
--json prints {"paths":[{"nodes":[{"iri","label","types"}],"edges":[{"source","target","predicate",
"predicateLabel","direction","evidence":[{"quote","source","locator","page","date","row","column"}],
"sources":[{"iri","label"}]}],"explanation":[...],
"score":{"total","hops","hub","generic"}}]}.
--turtle prints the triples of the paths and their evidence as Turtle. -o FILE writes to FILE instead (piece by
piece, all or nothing; a .ttl FILE gets the Turtle).

Examples:
  kg path DJI "Digital Silk Road"
  kg path Huawei Kenya --k 5 --max-length 4
  kg path Huawei Kenya --exclude China --directed
  kg path DJI "Digital Silk Road" --rank informative
  kg path Huawei Kenya --from-date 2020-03 --to-date 2020-04 --event-kinds Donation
  kg path Huawei Ecuador --min-sources 2
  kg path Huawei Kenya -o huawei-kenya.ttl`,
    options: {
      k: { type: "string", short: "k", value: "N", help: `show N paths (default ${defaultK}, at most ${maxK})` },
      all: { type: "boolean", help: "show every shortest path instead (up to --limit)" },
      limit: { type: "string", value: "N", help: "cap on --all (default 100)" },
      "max-length": { type: "string", value: "L", help: `longest path in hops (default ${defaultMaxLength})` },
      directed: { type: "boolean", help: "follow relations only from subject to object" },
      predicates: { type: "string", list: true, value: "p1,p2", help: "use only these relations (labels or CURIEs)" },
      "exclude-predicates": { type: "string", list: true, value: "p1,p2", help: "never use these relations" },
      exclude: { type: "string", list: true, value: "name,...", help: "avoid these entities as intermediate steps" },
      "exclude-classes": { type: "string", list: true, value: "c1,c2", help: "avoid entities of these classes as intermediate steps" },
      rank: { type: "string", value: "R", help: "informative (default) or shortest: most specific first, or fewest hops" },
      ...constraintOptionSpecs,
      ...sourceOptionSpecs,
      json: { type: "boolean", help: "print JSON instead of text" },
      turtle: { type: "boolean", help: "print the paths' triples and evidence as Turtle" },
      ...outputOptionSpec,
    },
  },

  async run(parsed, context) {
    const k = intOption(parsed, "path", "k", defaultK, 1, maxK);
    const limit = intOption(parsed, "path", "limit", 100);
    const maxLength = intOption(parsed, "path", "max-length", defaultMaxLength, 0);
    const form = answerForm(parsed, "path");
    const output = stringOption(parsed, "output");
    const [{ loadGraph, resolveNodes }, { findPaths }, { pathsToJson }, { pathsText }, { pathOptionsOf, rankOption }, { scorePath }] = await Promise.all([
      import("../graph.ts"), import("../../query/path.ts"), import("../../query/json.ts"), import("../render.ts"), import("../path-options.ts"), import("../../query/path-score.ts"),
    ]);
    // Informative by default: on bench/path-questions.json it puts the argued connection first more often (README).
    // --all lists every shortest path, which is only a ranking by length.
    const rank = rankOption(parsed, "path", flag(parsed, "all") ? "shortest" : "informative");
    if (rank === "informative" && flag(parsed, "all")) throw new UsageError(`kg path: --all lists every shortest path; it cannot be ranked (drop --rank or --all)`, "path");
    const { graph } = await loadGraph(context.dataFiles, context.baseIRI);
    const [from, to] = resolveNodes(graph, parsed.positionals);
    // With --min-sources/--source: pathOptionsOf applies them, as it does for the advice when no path is found.
    const options: PathOptions = pathOptionsOf(graph, parsed, "path", { k, allShortest: flag(parsed, "all"), limit, maxLength, rank });
    const paths = findPaths(graph, from, to, options);
    if (form === "turtle") return writeSubgraphTurtle(graph, paths.flatMap((p) => p.nodes), paths.flatMap((p) => p.steps.map((s) => s.edge)), output, "kg path");
    const text = form === "json" ? JSON.stringify(pathsToJson(graph, paths), null, 2)
      : paths.length === 0 ? await noPathText(graph, from, to, options, parsed, findPaths)
      : pathsText(graph, paths, rank === "informative" ? paths.map((p) => scorePath(graph, p)) : undefined);
    return writeAnswer(text, output, "kg path");
  },
};

type FindPaths = typeof import("../../query/path.ts").findPaths;

/** Says there is no path, and which of the options in force would let one through. */
async function noPathText(graph: GraphIndex, from: number, to: number, options: PathOptions, parsed: ParsedCommand, findPaths: FindPaths): Promise<string> {
  const between = `${graph.label(from)} and ${graph.label(to)}`;
  const loosened = findPaths(graph, from, to, { maxLength: Math.max(graph.nodeCount, 1) });
  if (loosened.length === 0) {
    return `No path between ${between}: they are not connected in this graph, whatever the options.`;
  }
  const needed = loosened[0].steps.length;
  const hints: string[] = [];
  if (needed > (options.maxLength ?? defaultMaxLength)) hints.push(`raise --max-length to ${needed} (ignoring the other options, the shortest connection has ${needed} hops)`);
  const { loosenAdvice } = await import("../path-options.ts");
  // The advice names the shortest connection each loosening allows, whatever the order asked for.
  const base = { k: 1, maxLength: options.maxLength, rank: "shortest" as const };
  hints.push(...loosenAdvice(graph, parsed, "path", base, (loose) => findPaths(graph, from, to, loose)[0]?.steps.length));
  const settings = `within ${options.maxLength} hop${options.maxLength === 1 ? "" : "s"}${options.directed ? ", directed" : ""}`;
  return [`No path between ${between} ${settings}.`, ...(hints.length ? ["Try:", ...hints.map((hint) => `  - ${hint}`)] : [])].join("\n");
}
