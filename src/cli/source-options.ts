// The corroboration options of kg path and kg neighbours: --min-sources N and --source NAME, turned into source constraints.
import type { GraphIndex } from "../graph/types.ts";
import { graphSources, hasSourceConstraints, type SourceConstraints } from "../query/corroboration.ts";
import { UsageError, intOption, listOption, type OptionSpec, type ParsedCommand } from "./args.ts";
import { resolveNodes } from "./graph.ts";

export const sourceOptionSpecs: Record<string, OptionSpec> = {
  "min-sources": { type: "string", value: "N", help: "use only relations that at least N distinct sources state" },
  source: { type: "string", list: true, value: "s1,s2", help: "use only relations one of these sources states (names, CURIEs or IRIs)" },
};

/** The constraints of the command line; a --source that names no cited source is a usage error listing the sources. */
export function sourceConstraintsOf(graph: GraphIndex, parsed: ParsedCommand, command: string): SourceConstraints {
  const minSources = intOption(parsed, command, "min-sources", 1, 1);
  const names = listOption(parsed, "source");
  if (names.length === 0) return { minSources };
  const cited = graphSources(graph);
  const sources = resolveNodes(graph, names).map((n, i) => {
    const iri = graph.iri(n);
    if (!cited.some((s) => s.iri === iri)) {
      throw new UsageError(`kg ${command}: --source ${JSON.stringify(names[i])} (${graph.label(n)}) states no relation; sources: ${cited.map((s) => s.label).join("; ")}`, command);
    }
    return iri;
  });
  return { minSources, sources };
}

export { hasSourceConstraints };
