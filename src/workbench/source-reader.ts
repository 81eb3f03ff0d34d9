// A source opened for authoring: its pages, the known entities it names highlighted, candidate relations, and text selection.
import { h, replaceChildren } from "./dom.ts";
import { headingAbove } from "../query/source-text.ts";
import { pagesAt, readerPages } from "./source-pages.ts";
import type { AuthoredSource, CandidateView, MentionView } from "./authoring-protocol.ts";
import type { RelationSeed } from "./relation-form.ts";

export interface SourceReaderHost {
  /** Starts a relation from a selection or an accepted candidate (the form). */
  newRelation(seed: RelationSeed): void;
  /** The analyst rejected a candidate (a step: remembered, undoable). */
  reject(candidate: CandidateView): void;
  /** Whether the session remembers the candidate as rejected (then it is not offered). */
  isRejected(candidate: CandidateView): boolean;
  exportChanges(): void;
  close(): void;
}

export class SourceReader {
  readonly element: HTMLElement;
  private readonly title = h("h2", { id: "source-reader-title" });
  private readonly meta = h("p", { class: "source-meta" });
  private readonly body = h("div", { class: "source-text", id: "source-reader-text", attrs: { tabindex: "0" } });
  private readonly candidates = h("ol", { class: "candidate-list", id: "candidate-list" });
  private readonly selectionButton: HTMLButtonElement;
  private readonly side: HTMLElement;
  /** Each text node of the body and the offset in the source's text where it starts. */
  private offsets = new Map<Node, number>();
  private source: AuthoredSource | null = null;
  private offered: readonly CandidateView[] = [];

  constructor(private readonly host: SourceReaderHost, form: HTMLElement) {
    this.selectionButton = h("button", { type: "button", id: "new-relation", disabled: true, on: { click: () => this.fromSelection() } }, "New relation from selection");
    this.side = h("aside", { class: "source-side" }, this.selectionButton, form, h("h3", {}, "Candidate relations"),
      h("p", { class: "hint" }, "Sentences naming two known entities. Nothing enters the graph until you accept one and add it."), this.candidates);
    this.element = h("section", { class: "source-viewer source-reader", id: "source-reader", hidden: true, role: "dialog", attrs: { "aria-labelledby": "source-reader-title" } },
      h("header", {}, this.title,
        h("button", { type: "button", id: "export-changes", on: { click: () => host.exportChanges() } }, "Export changes"),
        h("button", { class: "close", title: "Close", attrs: { "aria-label": "Close the source" }, on: { click: () => host.close() } }, "×")),
      this.meta,
      h("div", { class: "source-columns" }, this.body, this.side));
    document.addEventListener("selectionchange", this.onSelection);
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  get current(): AuthoredSource | null {
    return this.source;
  }

  kill(): void {
    document.removeEventListener("selectionchange", this.onSelection);
  }

  /** Shows the source: a label before each page, mentions marked (DOM nodes only, never markup from the text). */
  show(source: AuthoredSource, mentions: readonly MentionView[], candidates: readonly CandidateView[]): void {
    this.source = source;
    this.title.textContent = source.title;
    const { parts, note } = readerPages(source);
    this.meta.textContent = [source.authors.join(", "), source.publisher, source.date, note, `${mentions.length} mentions of known entities`].filter(Boolean).join(" · ");
    this.offsets = new Map();
    const nodes: Node[] = [];
    const text = (from: number, to: number) => {
      if (to <= from) return;
      const node = document.createTextNode(source.text.slice(from, to));
      this.offsets.set(node, from);
      nodes.push(node);
    };
    let m = 0;
    const shown = new Set<number>();
    parts.forEach(({ start, page }, i) => {
      // A form feed ends a page (not part of the text shown); a layout range ends where the next begins.
      const next = parts[i + 1]?.start;
      const end = next === undefined ? source.text.length : source.text[next - 1] === "\f" ? next - 1 : next;
      if (page > 0) nodes.push(h("div", { class: "page-label", dataset: { page: String(page) } }, shown.has(page) ? `Page ${page} (continued)` : `Page ${page}`));
      shown.add(page);
      let at = start;
      while (m < mentions.length && mentions[m].start < end) {
        const mention = mentions[m++];
        if (mention.start < at) continue;
        text(at, mention.start);
        const mark = h("mark", { class: "mention", title: mention.label, dataset: { iri: mention.iri } });
        const inner = document.createTextNode(source.text.slice(mention.start, mention.end));
        this.offsets.set(inner, mention.start);
        mark.append(inner);
        nodes.push(mark);
        at = mention.end;
      }
      text(at, end);
    });
    replaceChildren(this.body, ...nodes);
    this.showCandidates(candidates);
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
  }

  /** Lists the candidates again, less those rejected (a rejection undone or redone). */
  refreshCandidates(): void {
    this.showCandidates(this.offered);
  }

  private showCandidates(candidates: readonly CandidateView[]): void {
    this.offered = candidates;
    const items = candidates.filter((c) => !this.host.isRejected(c)).map((c) => {
      const item = h("li", { class: "candidate" },
        h("div", { class: "candidate-head" }, `${c.subjectLabel} —${c.predicates[0]?.label ?? "?"}→ ${c.objectLabel}`,
          c.pages.length ? ` (p. ${c.pages.join(", ")})` : ""),
        h("q", {}, c.quote),
        c.known.length ? h("div", { class: "hint" }, `Already related: ${c.known.join(", ")}`) : null,
        h("div", { class: "candidate-buttons" },
          h("button", { type: "button", class: "accept", on: { click: () => this.host.newRelation(this.seedOf(c)) } }, "Accept / edit…"),
          h("button", { type: "button", class: "reject", on: { click: () => this.host.reject(c) } }, "Reject")));
      return item;
    });
    const none = candidates.length ? "Every candidate here was rejected (undo brings one back)." : "No sentence names two known entities.";
    replaceChildren(this.candidates, ...(items.length ? items : [h("li", { class: "hint" }, none)]));
  }

  private seedOf(c: CandidateView): RelationSeed {
    return {
      source: this.source!.iri, quote: c.quote, start: c.start, end: c.end, pages: c.pages, locator: c.locator,
      subject: { iri: c.subject, label: c.subjectLabel }, object: { iri: c.object, label: c.objectLabel }, predicate: c.predicates[0]?.iri, candidate: true,
    };
  }

  /** The selection as offsets in the source's text, when it lies within the text (not on a page label). */
  selectedSpan(): { start: number; end: number } | null {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const at = (node: Node, offset: number) => (this.offsets.has(node) ? this.offsets.get(node)! + offset : undefined);
    const start = at(range.startContainer, range.startOffset);
    const end = at(range.endContainer, range.endOffset);
    if (start === undefined || end === undefined || end <= start) return null;
    // Leading and trailing spaces are not part of a quote.
    const text = this.source!.text;
    let [s, e] = [start, end];
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    return e > s ? { start: s, end: e } : null;
  }

  private readonly onSelection = () => {
    this.selectionButton.disabled = !this.isOpen || this.selectedSpan() === null;
  };

  private fromSelection(): void {
    const span = this.selectedSpan();
    const source = this.source;
    if (!span || !source) return;
    this.host.newRelation({
      source: source.iri, quote: source.text.slice(span.start, span.end), ...span,
      pages: pagesAt(source, span.start, span.end), locator: headingAbove(source.text, span.start),
    });
  }
}
