// The evidence viewer: shows a cleaned source text with the quote wrapped in <mark> (DOM nodes only) and scrolled into view.
import { h, replaceChildren } from "./dom.ts";
import { locateQuote } from "./quote.ts";
import type { EvidenceView } from "../session/types.ts";
import { pageText } from "../query/explain.ts";

/** The cleaned source texts bundled at build time, keyed by their path relative to graph-data/ ("sources/x.txt"). */
export function bundledSources(): Map<string, string> {
  const files = import.meta.glob("/graph-data/sources/*.txt", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
  return new Map(Object.entries(files).map(([path, text]) => [path.replace(/^\/graph-data\//, ""), text]));
}

export class SourceViewer {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly meta: HTMLElement;
  private readonly body: HTMLElement;

  constructor(private readonly sources: Map<string, string>) {
    this.title = h("h2", { id: "source-title" });
    this.meta = h("p", { class: "source-meta" });
    this.body = h("div", { class: "source-text", attrs: { tabindex: "0" } });
    this.element = h(
      "section",
      { class: "source-viewer", id: "source-viewer", hidden: true, role: "dialog", attrs: { "aria-labelledby": "source-title" } },
      h("header", {}, this.title, h("button", { class: "close", title: "Close (Esc)", attrs: { "aria-label": "Close the source" }, on: { click: () => this.close() } }, "×")),
      this.meta,
      this.body,
    );
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Finds the evidence's text (by its kg:cleanedText path, else whichever bundled text contains the quote). */
  textFor(evidence: EvidenceView): [string, string] | null {
    if (evidence.text && this.sources.has(evidence.text)) return [evidence.text, this.sources.get(evidence.text)!];
    for (const [name, text] of this.sources) if (locateQuote(text, evidence.quote)) return [name, text];
    return null;
  }

  open(evidence: EvidenceView): void {
    const found = this.textFor(evidence);
    this.title.textContent = evidence.sourceLabel || evidence.source;
    const where = [evidence.locator, pageText(evidence), found ? found[0] : ""].filter(Boolean);
    this.meta.textContent = where.join(" · ");
    if (!found) {
      replaceChildren(this.body, h("p", { class: "warning" }, "The source text of this evidence is not bundled with the workbench."), h("blockquote", {}, evidence.quote));
    } else {
      const [, text] = found;
      const span = locateQuote(text, evidence.quote);
      if (!span) {
        replaceChildren(this.body, h("p", { class: "warning" }, "The quote was not found in this text; the whole text follows."), text);
      } else {
        const mark = h("mark", {}, text.slice(span.start, span.end));
        replaceChildren(this.body, text.slice(0, span.start), mark, text.slice(span.end));
        this.element.hidden = false;
        mark.scrollIntoView({ block: "center" });
        return;
      }
    }
    this.element.hidden = false;
  }

  close(): void {
    this.element.hidden = true;
  }
}
