// The label people see for an IRI: as drawn, as a path result gives it, as the data's summary names it, else its local name.
import type { SessionStore } from "../session/index.ts";
import type { GraphView } from "./graph-view.ts";
import { localName } from "../graph/labels.ts";
import type { DatasetSummary } from "./protocol.ts";

export function nodeLabeller(view: GraphView, store: SessionStore, summary: () => DatasetSummary | null): (iri: string) => string {
  return (iri) => {
    if (view.graph.hasNode(iri)) return view.graph.getNodeAttribute(iri, "label");
    for (const result of store.get().path.results) {
      const i = result.nodes.indexOf(iri);
      if (i >= 0) return result.nodeLabels[i];
    }
    const data = summary();
    return data?.classes.find((c) => c.iri === iri)?.label ?? data?.predicates.find((p) => p.iri === iri)?.label ?? localName(iri);
  };
}
