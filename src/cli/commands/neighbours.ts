// kg neighbours: what one or more entities are related to, to a depth, with the evidence of each relation.
import type { Command } from "../command.ts";
import { UsageError, intOption, listOption, stringOption } from "../args.ts";
import type { Direction, NeighbourhoodOptions } from "../../query/neighbourhood.ts";
import { sourceOptionSpecs } from "../source-options.ts";
import { answerForm, outputOptionSpec, writeAnswer, writeSubgraphTurtle } from "../query-output.ts";

const directions: readonly Direction[] = ["out", "in", "both"];

export const neighboursCommand: Command = {
  spec: {
    name: "neighbours",
    summary: "what entities are related to, within a number of hops, with evidence",
    arguments: "<node...>",
    minPositionals: 1,
    details: `Lists the entities within --depth hops of the given ones (names, CURIEs or IRIs; quote names with
spaces) and every relation among them, each with its quote and place in the source.
--direction out follows relations from subject to object, in the reverse, both (default) either way.
--classes walks only through entities of those classes (the given entities always count), so with --depth 2
the middle step must be of those classes too; --predicates follows only those relations.
A relation more than one source states says so ("stated by 2 sources"); --min-sources N follows only relations
that N distinct sources state, --source only those a given source states.
--json prints {"center":[iri...],"nodes":[{"iri","label","types","depth"}],"edges":[{"source","target",
"predicate","predicateLabel","evidence":[...],"sources":[{"iri","label"}]}],"truncated":false}; evidence from a
table cell has "row" and "column". --turtle prints the triples as Turtle; -o FILE writes to FILE instead
(written piece by piece, all or nothing; a .ttl FILE gets the Turtle).

Examples:
  kg neighbours Huawei
  kg neighbours "Digital Silk Road" --depth 2 --classes Company
  kg neighbours kgr:huawei kgr:dji --direction out --json
  kg neighbours Huawei --source carnegie-aigs-2019
  kg neighbours Huawei --depth 2 -o huawei.ttl`,
    options: {
      depth: { type: "string", value: "D", help: "hops from the given entities (default 1)" },
      direction: { type: "string", value: "out|in|both", help: "which way to follow relations (default both)" },
      classes: { type: "string", list: true, value: "c1,c2", help: "reach, and walk through, only entities of these classes" },
      predicates: { type: "string", list: true, value: "p1,p2", help: "follow only these relations" },
      limit: { type: "string", value: "N", help: "at most N entities (default 500); the output says when it cut" },
      ...sourceOptionSpecs,
      json: { type: "boolean", help: "print JSON instead of text" },
      turtle: { type: "boolean", help: "print the triples and their evidence as Turtle" },
      ...outputOptionSpec,
    },
  },

  async run(parsed, context) {
    const depth = intOption(parsed, "neighbours", "depth", 1, 0);
    const limit = intOption(parsed, "neighbours", "limit", 500);
    const direction = (stringOption(parsed, "direction") ?? "both") as Direction;
    if (!directions.includes(direction)) {
      throw new UsageError(`kg neighbours: --direction must be out, in or both, got ${JSON.stringify(direction)}`, "neighbours");
    }
    const form = answerForm(parsed, "neighbours");
    const output = stringOption(parsed, "output");
    const [{ loadGraph, resolveNodes, resolveTerms }, { neighbourhood }, { neighbourhoodToJson }, render, { sourceConstraintsOf }, { withSourceConstraints }] = await Promise.all([
      import("../graph.ts"), import("../../query/neighbourhood.ts"), import("../../query/json.ts"), import("../render.ts"),
      import("../source-options.ts"), import("../../query/corroboration.ts"),
    ]);
    const { graph } = await loadGraph(context.dataFiles, context.baseIRI);
    const centers = [...new Set(resolveNodes(graph, parsed.positionals))];
    const result = neighbourhood(graph, centers, withSourceConstraints<NeighbourhoodOptions>(graph, sourceConstraintsOf(graph, parsed, "neighbours"), {
      depth,
      direction,
      limit,
      classes: resolveTerms(graph, listOption(parsed, "classes"), "class"),
      predicates: resolveTerms(graph, listOption(parsed, "predicates"), "predicate"),
    }));
    if (form === "turtle") return writeSubgraphTurtle(graph, result.nodes.map((n) => n.node), result.edges, output, "kg neighbours");
    return writeAnswer(form === "json" ? JSON.stringify(neighbourhoodToJson(graph, result), null, 2) : render.neighbourhoodText(graph, result, depth), output, "kg neighbours");
  },
};
