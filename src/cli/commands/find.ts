// kg find: searches labels and alternative labels (exact, prefix, word and typo-tolerant matches), best first.
import type { Command } from "../command.ts";
import { print, printJson } from "../command.ts";
import { flag, intOption } from "../args.ts";
import { curie, table } from "../format.ts";

export const findCommand: Command = {
  spec: {
    name: "find",
    summary: "search entities by label or alternative name (typos tolerated)",
    arguments: "<text...>",
    minPositionals: 1,
    details: `Lists the entities whose preferred or alternative label matches the text: exact matches first,
then prefixes, words within a label, and near spellings. Each line shows the label, the CURIE to use in
other commands, the classes, and the alternative label that matched when it is not the preferred one.
--json prints {"query","hits":[{"iri","label","types","matched","kind"}]} (kind: exact, prefix, word, fuzzy).

Examples:
  kg find huawei
  kg find "safe city" --limit 20`,
    options: {
      limit: { type: "string", value: "N", help: "show at most N matches (default 10)" },
      schema: { type: "boolean", help: "include classes and properties (always, when the graph has no entities)" },
      json: { type: "boolean", help: "print JSON instead of text" },
    },
  },

  async run(parsed, context) {
    const limit = intOption(parsed, "find", "limit", 10);
    const text = parsed.positionals.join(" ");
    const [{ loadGraph }, { searchIndexOf }, { searchLabels }, { nodeToJson }] = await Promise.all([
      import("../graph.ts"), import("../../query/names.ts"), import("../../query/search.ts"), import("../../query/json.ts"),
    ]);
    const { graph } = await loadGraph(context.dataFiles, context.baseIRI);
    // Classes and properties would crowd out the entities people look for, unless they are all there is.
    let hasEntities = false;
    for (let n = 0; n < graph.nodeCount && !hasEntities; n++) hasEntities = !graph.isSchema(n);
    const includeSchema = flag(parsed, "schema") || !hasEntities;
    const hits = searchLabels(searchIndexOf(graph), text, { limit, includeSchema });
    if (flag(parsed, "json")) {
      printJson({
        query: text,
        hits: hits.map((hit) => ({ ...nodeToJson(graph, hit.node), matched: hit.matched, kind: hit.kind })),
      });
      return 0;
    }
    if (hits.length === 0) {
      print(`No label matches ${JSON.stringify(text)}. Try fewer or shorter words, or kg stats to see what the graph holds.`);
      return 0;
    }
    print(table(hits.map((hit) => {
      const types = graph.classes(hit.node).map((c) => graph.termLabel(c)).join(", ");
      const alias = hit.matched !== hit.label ? `(as "${hit.matched}")` : "";
      return [hit.label, curie(graph.iri(hit.node), graph.prefixes), types, alias];
    }), ""));
    return 0;
  },
};
