// Checks a session's nodes against loaded data: which IRIs exist, and the nearest labels for those that do not.
import type { GraphIndex } from "../graph/types.ts";
import { localName } from "../graph/project.ts";
import { searchIndexOf } from "../query/names.ts";
import { searchLabels } from "../query/search.ts";
import type { ParseOptions } from "./format.ts";

/** `knownNodes` and `suggest` for parseSessionFile over a graph (suggestions search the IRI's local name). */
export function nodeChecks(graph: GraphIndex): Required<Pick<ParseOptions, "knownNodes" | "suggest">> {
  return {
    knownNodes: (iri) => graph.nodeByIri(iri) >= 0,
    suggest: (iri) => {
      const words = localName(iri).replace(/[_-]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").trim();
      if (words === "") return [];
      const hits = searchLabels(searchIndexOf(graph), words, { limit: 3 });
      return [...new Set(hits.map((hit) => hit.label))];
    },
  };
}

