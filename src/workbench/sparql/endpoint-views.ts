// What endpoint answers look like in the panel and the session: SELECT rows as term views, search hits as a list, fetched paths as path results.
import type { GraphIndex } from "../../graph/types.ts";
import { explainPath } from "../../query/explain.ts";
import type { NameCandidate } from "../../query/names.ts";
import type { Path } from "../../query/path.ts";
import type { SparqlBinding } from "../../sparql/sparql-endpoint.ts";
import type { RemoteSearchHit } from "../../sparql/sparql-remote.ts";
import type { PathOptions, PathResultView } from "../../session/types.ts";
import { h } from "../dom.ts";
import { curieOrUndefined as curie } from "../../rdf/curie.ts";
import type { TermView } from "./protocol.ts";

/**
 * The entities a typed name could mean, as buttons (label and CURIE or IRI, which tells apart equal labels); a
 * choice gives the CURIE or <IRI> to type instead, which the endpoint resolves exactly.
 */
export function nameChoices(candidates: readonly NameCandidate[], prefixes: Readonly<Record<string, string>>, choose: (name: string) => void): HTMLElement {
  return h("ul", { class: "ep-hits ep-names" }, ...candidates.map((c) => {
    const name = curie(c.iri, prefixes) ?? `<${c.iri}>`;
    return h("li", {}, h("button", { class: "link", on: { click: () => choose(name) } }, c.label), " ", h("span", { class: "muted" }, name));
  }));
}

/** A SELECT's rows with IRIs as CURIEs where a data prefix fits. */
export function rowViews(bindings: readonly SparqlBinding[], prefixes: Readonly<Record<string, string>>): Record<string, TermView>[] {
  return bindings.map((binding) => {
    const row: Record<string, TermView> = {};
    for (const [name, term] of Object.entries(binding)) {
      row[name] = term.type === "uri"
        ? { type: "uri", value: term.value, curie: curie(term.value, prefixes) }
        : term.type === "literal" || term.type === "typed-literal"
          ? { type: "literal", value: term.value, language: term["xml:lang"] || undefined, datatype: term.datatype }
          : { type: term.type, value: term.value };
    }
    return row;
  });
}

/** The search hits as buttons that show the node, with the matched name and the types when they add something. */
export function hitList(hits: readonly RemoteSearchHit[], prefixes: Readonly<Record<string, string>>, show: (iri: string) => void): HTMLElement {
  return h(
    "ul",
    { class: "ep-hits" },
    ...hits.map((hit) =>
      h(
        "li",
        {},
        h("button", { class: "link ep-hit", dataset: { iri: hit.iri }, title: hit.iri, on: { click: () => show(hit.iri) } }, hit.label),
        hit.matched !== hit.label ? h("span", { class: "muted" }, ` (${hit.matched})`) : null,
        hit.types.length ? h("span", { class: "muted" }, ` · ${hit.types.map((t) => curie(t, prefixes) ?? t).join(", ")}`) : null,
      ),
    ),
  );
}

/** A path found on the endpoint as the session keeps one: joined edges by their keys and evidence, others as `sparql:` keys. */
export function pathView(g: GraphIndex, path: Path, keyOf: Map<number, { key: string | null; evidence: PathResultView["steps"][number]["evidence"] }>): PathResultView {
  const explanation = explainPath(g, path);
  let at = path.nodes[0];
  const steps = path.steps.map((step) => {
    const e = step.edge;
    const next = step.forward ? g.edgeTargets[e] : g.edgeSources[e];
    const p = g.edgePredicates[e];
    const joined = keyOf.get(e);
    const view = {
      edge: joined?.key ?? `sparql:${g.iri(g.edgeSources[e])} ${g.dataset.terms.value(p)} ${g.iri(g.edgeTargets[e])}`,
      forward: step.forward,
      from: g.iri(at),
      to: g.iri(next),
      predicate: g.dataset.terms.value(p),
      predicateLabel: g.termLabel(p),
      evidence: joined?.evidence ?? [],
    };
    at = next;
    return view;
  });
  return { nodes: path.nodes.map((n) => g.iri(n)), nodeLabels: path.nodes.map((n) => g.label(n)), steps, explanation };
}

/**
 * The Path tab's constraints an endpoint search cannot apply (they read the evidence of the whole graph, as kg path
 * --endpoint refuses too), as a sentence; undefined when there are none. Ignoring them would give paths they rule
 * out. (The most informative order is not among them: the endpoint's paths come by fewest hops and are recorded so.)
 */
export function constraintsNotOnEndpoint(options: PathOptions): string | undefined {
  const asked: string[] = [];
  if (options.fromDate || options.toDate) asked.push("dates");
  if ((options.eventKinds ?? []).length > 0) asked.push("event kinds");
  if ((options.sources ?? []).length > 0 || (options.minSources ?? 1) > 1) asked.push("sources");
  if (asked.length === 0) return undefined;
  const list = asked.length === 1 ? asked[0] : `${asked.slice(0, -1).join(", ")} and ${asked[asked.length - 1]}`;
  return `The Path tab keeps to ${list}, which a search on an endpoint cannot apply yet: clear ${asked.length === 1 ? "that constraint" : "those constraints"} in the Path tab, or find the path on the loaded data.`;
}
