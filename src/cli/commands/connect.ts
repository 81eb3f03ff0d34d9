// kg connect: how several entities are connected: the smallest tree of relations joining them (Steiner approximation), with evidence.
import type { Command } from "../command.ts";
import { UsageError, stringOption } from "../args.ts";
import { constraintOptionSpecs } from "../path-options.ts";
import { sourceOptionSpecs } from "../source-options.ts";
import { answerForm, outputOptionSpec, writeAnswer, writeSubgraphTurtle } from "../query-output.ts";

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
--turtle prints the tree's triples and their evidence as Turtle (as kg path --turtle does). -o FILE writes to FILE
instead (piece by piece, all or nothing; a .ttl FILE gets the Turtle).
--rank informative joins them by the tree that says most instead of the one with fewest relations: each relation
costs as in kg path --rank informative (a hop, plus half log2 of how often its predicate is used), each entity
joining them log2 of its number of relations, once however many of its relations the tree uses; the tree is
grown path by path from each entity asked about (Takahashi-Matsuyama) and the cheapest kept, never costlier than
the fewest-relations tree. Its score and parts are printed (--json: "score").
--min-sources N and --source keep to relations that many sources, or these sources, state (as for kg path).

Examples:
  kg connect Huawei Kenya "Digital Silk Road" CPC
  kg connect Dahua DJI Huawei --exclude China -o companies.ttl
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
      ...outputOptionSpec,
    },
  },

  async run(parsed, context) {
    const form = answerForm(parsed, "connect");
    const output = stringOption(parsed, "output");
    const [{ loadGraph, resolveNodes }, { connect, scoreConnection }, { connectionToJson }, { connectionText }, { pathOptionsOf, loosenAdvice, rankOption }] = await Promise.all([
      import("../graph.ts"), import("../../query/connect.ts"), import("../../query/connect-json.ts"), import("../render.ts"), import("../path-options.ts"),
    ]);
    const rank = rankOption(parsed, "connect");
    const { graph } = await loadGraph(context.dataFiles, context.baseIRI);
    const terminals = resolveNodes(graph, parsed.positionals);
    if (new Set(terminals).size < 2) throw new UsageError(`kg connect: give at least two different entities`, "connect");
    const result = connect(graph, terminals, pathOptionsOf(graph, parsed, "connect", { rank }));
    const score = rank === "informative" ? scoreConnection(graph, result) : undefined;
    if (form === "turtle") return writeSubgraphTurtle(graph, result.nodes, result.edges, output, "kg connect");
    if (form === "json") return writeAnswer(JSON.stringify(connectionToJson(graph, result, score), null, 2), output, "kg connect");
    const lines = [connectionText(graph, result, score)];
    if (result.unreached.length > 0) {
      const hints = loosenAdvice(graph, parsed, "connect", { rank }, (loose) => {
        const tried = connect(graph, terminals, loose);
        return tried.unreached.length === 0 ? tried.edges.length : undefined;
      }, "relation");
      if (hints.length > 0) lines.push("Try:", ...hints.map((hint) => `  - ${hint}`));
    }
    return writeAnswer(lines.join("\n"), output, "kg connect");
  },
};
