// kg connect: how several entities are connected: the smallest tree of relations joining them (Steiner approximation), with evidence.
import type { Command } from "../command.ts";
import { print, printJson } from "../command.ts";
import { UsageError, flag } from "../args.ts";
import { constraintOptionSpecs } from "../path-options.ts";
import { sourceOptionSpecs } from "../source-options.ts";

export const connectCommand: Command = {
  spec: {
    name: "connect",
    summary: "how several entities are connected: the smallest tree of relations joining them, with quotes",
    arguments: "<entity> <entity> [<entity>...]",
    minPositionals: 2,
    details: `Finds a small tree of relations that joins every entity given (a Steiner tree, approximated as
Mehlhorn does: at most twice the smallest) and prints each relation with the quote that states it. Relations
are followed either way. An entity nothing connects to the others is named, and the tree joins the rest.
--json prints {"terminals":[iri],"nodes":[{"iri","label","types"}],"edges":[{"source","target","predicate",
"predicateLabel","evidence":[...]}],"explanation":[...],"unreached":[iri]}.
--turtle prints the tree's triples and their evidence as Turtle (as kg path --turtle does).
--rank informative joins them by the tree that says most instead of the one with fewest relations: each relation
costs as in kg path --rank informative (a hop, plus half log2 of how often its predicate is used), each entity
joining them log2 of its number of relations, once however many of its relations the tree uses; the tree is
grown path by path from each entity asked about (Takahashi-Matsuyama) and the cheapest kept, never costlier than
the fewest-relations tree. Its score and parts are printed (--json: "score").
--min-sources N and --source keep to relations that many sources, or these sources, state (as for kg path).

Examples:
  kg connect Huawei Kenya "Digital Silk Road" CPC
  kg connect Dahua DJI Huawei --exclude China --turtle > companies.ttl
  kg connect Italy Spain Philippines Kenya --rank informative`,
    options: {
      predicates: { type: "string", list: true, value: "p1,p2", help: "use only these relations (labels or CURIEs)" },
      "exclude-predicates": { type: "string", list: true, value: "p1,p2", help: "never use these relations" },
      exclude: { type: "string", list: true, value: "name,...", help: "avoid these entities as intermediate steps" },
      "exclude-classes": { type: "string", list: true, value: "c1,c2", help: "avoid entities of these classes as intermediate steps" },
      rank: { type: "string", value: "R", help: "shortest (default: fewest relations) or informative (avoid hubs and generic relations)" },
      ...constraintOptionSpecs,
      ...sourceOptionSpecs,
      json: { type: "boolean", help: "print JSON instead of text" },
      turtle: { type: "boolean", help: "print the tree's triples and evidence as Turtle" },
    },
  },

  async run(parsed, context) {
    if (flag(parsed, "json") && flag(parsed, "turtle")) throw new UsageError(`kg connect: choose one of --json and --turtle`, "connect");
    const [{ loadGraph, resolveNodes }, { connect, scoreConnection }, { connectionToJson }, { printSubgraphTurtle, connectionText }, { pathOptionsOf, loosenAdvice, rankOption }] = await Promise.all([
      import("../graph.ts"), import("../../query/connect.ts"), import("../../query/connect-json.ts"), import("../render.ts"), import("../path-options.ts"),
    ]);
    const rank = rankOption(parsed, "connect");
    const { graph } = await loadGraph(context.dataFiles, context.baseIRI);
    const terminals = resolveNodes(graph, parsed.positionals);
    if (new Set(terminals).size < 2) throw new UsageError(`kg connect: give at least two different entities`, "connect");
    const result = connect(graph, terminals, pathOptionsOf(graph, parsed, "connect", { rank }));
    const score = rank === "informative" ? scoreConnection(graph, result) : undefined;
    if (flag(parsed, "json")) printJson(connectionToJson(graph, result, score));
    else if (flag(parsed, "turtle")) printSubgraphTurtle(graph, result.nodes, result.edges);
    else {
      const lines = [connectionText(graph, result, score)];
      if (result.unreached.length > 0) {
        const hints = loosenAdvice(graph, parsed, "connect", { rank }, (loose) => {
          const tried = connect(graph, terminals, loose);
          return tried.unreached.length === 0 ? tried.edges.length : undefined;
        }, "relation");
        if (hints.length > 0) lines.push("Try:", ...hints.map((hint) => `  - ${hint}`));
      }
      print(lines.join("\n"));
    }
    return 0;
  },
};
