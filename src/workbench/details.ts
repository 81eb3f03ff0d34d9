// The details panel: a node's classes, labels, description and relations grouped by predicate, or an edge, each with evidence.
import { h, replaceChildren } from "./dom.ts";
import type { EvidenceView } from "../session/types.ts";
import { pageText } from "../query/explain.ts";
import type { EdgeDetails, NodeDetails, RelationView } from "./protocol.ts";

export interface DetailsActions {
  selectNode: (iri: string, via?: string) => void;
  selectEdge: (edge: string) => void;
  openEvidence: (evidence: EvidenceView) => void;
  hideNode: (iri: string) => void;
  exploreAround: (iri: string) => void;
  /** Selects the node with its shown neighbours (shift-click then adds or removes more). */
  selectWithNeighbours: (iri: string) => void;
  pathFrom: (iri: string, label: string) => void;
  pathTo: (iri: string, label: string) => void;
}

/** A list of evidence: quote, locator, page, date, and a link that opens the source text at the quote. */
export function renderEvidence(list: readonly EvidenceView[], open: (evidence: EvidenceView) => void, withQuote = true): HTMLElement {
  if (list.length === 0) return h("p", { class: "no-evidence" }, "No evidence recorded.");
  return h(
    "ul",
    { class: "evidence" },
    ...list.map((evidence) =>
      h(
        "li",
        {},
        withQuote ? h("blockquote", { class: "quote" }, `“${evidence.quote}”`) : null,
        h(
          "div",
          { class: "evidence-meta" },
          evidence.locator ? h("span", { class: "locator" }, evidence.locator) : null,
          evidence.page !== undefined ? h("span", { class: "page" }, pageText(evidence)) : null,
          evidence.date ? h("span", { class: "date" }, evidence.date) : null,
          h("span", { class: "source" }, evidence.sourceLabel),
          h(
            "a",
            {
              class: "open-source",
              href: "#",
              on: {
                click: (event) => {
                  event.preventDefault();
                  open(evidence);
                },
              },
            },
            "show in source",
          ),
        ),
        evidence.disagreement ? h("p", { class: "disagreement" }, h("strong", {}, "Disputed: "), evidence.disagreement) : null,
        evidence.by ? h("p", { class: "stated-by" }, `Stated by ${evidence.by}`) : null,
      ),
    ),
  );
}

/** "Stated by 2 sources: A; B": the distinct sources of a relation's evidence (corroboration). */
export function renderSources(list: readonly EvidenceView[]): HTMLElement | null {
  const labels = [...new Map(list.filter((e) => e.source).map((e) => [e.source, e.sourceLabel || e.source])).values()];
  if (labels.length === 0) return null;
  return h("p", { class: "sources" }, h("span", { class: "muted" }, `Stated by ${labels.length} source${labels.length === 1 ? "" : "s"}: `), labels.join("; "));
}

/** External links are shown as links only when they are http(s): an IRI is data and could be `javascript:`. */
function safeLink(iri: string): HTMLElement {
  if (/^https?:\/\//i.test(iri)) return h("a", { href: iri, attrs: { target: "_blank", rel: "noopener noreferrer" } }, iri);
  return h("span", {}, iri);
}

export function renderNodeDetails(details: NodeDetails, actions: DetailsActions): HTMLElement {
  const groups = new Map<string, RelationView[]>();
  for (const relation of details.relations) {
    const key = `${relation.direction} ${relation.predicate}`;
    const group = groups.get(key) ?? [];
    group.push(relation);
    groups.set(key, group);
  }
  const relationGroups = [...groups.values()].sort((a, b) => a[0].predicateLabel.localeCompare(b[0].predicateLabel) || a[0].direction.localeCompare(b[0].direction));
  return h(
    "article",
    { class: "details node-details" },
    h("h2", { class: "details-title" }, details.label),
    h("div", { class: "classes" }, ...details.classes.map((c) => h("span", { class: "class-chip", title: c.iri }, c.label))),
    h("p", { class: "iri", title: "IRI" }, details.iri),
    details.altLabels.length ? h("p", { class: "alt-labels" }, h("span", { class: "muted" }, "Also: "), details.altLabels.join(" · ")) : null,
    details.description ? h("p", { class: "description" }, details.description) : null,
    h(
      "div",
      { class: "details-actions" },
      h("button", { on: { click: () => actions.exploreAround(details.iri) } }, "Neighbourhood"),
      h("button", { on: { click: () => actions.pathFrom(details.iri, details.label) } }, "Path from"),
      h("button", { on: { click: () => actions.pathTo(details.iri, details.label) } }, "Path to"),
      h("button", { on: { click: () => actions.hideNode(details.iri) } }, "Hide"),
      h("button", { class: "select-neighbours", title: "Select this node and its shown neighbours", on: { click: () => actions.selectWithNeighbours(details.iri) } }, "Select + neighbours"),
    ),
    details.literals.length
      ? h(
          "dl",
          { class: "literals" },
          ...details.literals.flatMap((l) => [
            h("dt", { title: l.predicate }, l.predicateLabel),
            h("dd", {}, l.value, l.language ? h("span", { class: "muted" }, ` @${l.language}`) : null),
          ]),
        )
      : null,
    details.links.length
      ? h("dl", { class: "links" }, ...details.links.flatMap((l) => [h("dt", { title: l.predicate }, l.predicateLabel), h("dd", {}, safeLink(l.iri))]))
      : null,
    h("h3", {}, `Relations (${details.relations.length})`),
    details.relations.length === 0 ? h("p", { class: "muted" }, "No relations.") : null,
    ...relationGroups.map((group) =>
      h(
        "section",
        { class: "relation-group" },
        h(
          "h4",
          { title: group[0].predicate },
          group[0].direction === "out" ? `${group[0].predicateLabel} →` : `← ${group[0].predicateLabel}`,
          h("span", { class: "count" }, ` ${group.length}`),
        ),
        h(
          "ul",
          { class: "relations" },
          ...group.map((relation) =>
            h(
              "li",
              { class: "relation" },
              h(
                "div",
                { class: "relation-head" },
                h("button", { class: "link other", title: relation.other, on: { click: () => actions.selectNode(relation.other, relation.edge) } }, relation.otherLabel),
                relation.date ? h("span", { class: "date" }, relation.date) : null,
                sourceCount(relation.evidence) > 1 ? h("span", { class: "source-count", title: "distinct sources that state this relation" }, `${sourceCount(relation.evidence)} sources`) : null,
                h("button", { class: "link small", title: "Select this relation", on: { click: () => actions.selectEdge(relation.edge) } }, "relation"),
              ),
              relation.evidence.length ? renderEvidence(relation.evidence, actions.openEvidence) : null,
            ),
          ),
        ),
      ),
    ),
  );
}

export function renderEdgeDetails(details: EdgeDetails, actions: DetailsActions): HTMLElement {
  return h(
    "article",
    { class: "details edge-details" },
    h("h2", { class: "details-title" }, details.predicateLabel),
    h(
      "p",
      { class: "edge-ends" },
      h("button", { class: "link", on: { click: () => actions.selectNode(details.source) } }, details.sourceLabel),
      h("span", { class: "muted" }, ` — ${details.predicateLabel} → `),
      h("button", { class: "link", on: { click: () => actions.selectNode(details.target) } }, details.targetLabel),
    ),
    h("p", { class: "iri" }, details.predicate),
    details.date ? h("p", {}, h("span", { class: "muted" }, "Date: "), details.date) : null,
    renderSources(details.evidence),
    h("h3", {}, "Evidence"),
    renderEvidence(details.evidence, actions.openEvidence),
  );
}

export function renderEmptyDetails(): HTMLElement {
  return h(
    "div",
    { class: "details empty" },
    h("h2", {}, "Nothing selected"),
    h("p", {}, "Click a node or a relation, or search for a name (press /). Hover a node to see its neighbours; double-click it to expand. Shift+click (or Shift+drag on the canvas) selects several nodes."),
  );
}

export function showDetails(panel: HTMLElement, content: HTMLElement): void {
  replaceChildren(panel, content);
  panel.scrollTop = 0;
}

const sourceCount = (list: readonly EvidenceView[]) => new Set(list.map((e) => e.source).filter(Boolean)).size;
