// The query editor: a plain textarea over a coloured copy of its text (spans built from tokens, text nodes only).
import { h } from "../dom.ts";
import { tokenize } from "./highlight.ts";

export class QueryEditor {
  readonly element: HTMLElement;
  readonly textarea: HTMLTextAreaElement;
  private readonly coloured: HTMLElement;

  constructor(options: { id: string; onRun: () => void; onInput?: () => void }) {
    this.textarea = h("textarea", {
      id: options.id,
      class: "sparql-input",
      attrs: { spellcheck: "false", autocomplete: "off", autocapitalize: "off", "aria-label": "SPARQL query (Ctrl+Enter runs it)", wrap: "off" },
    });
    this.coloured = h("pre", { class: "sparql-coloured", attrs: { "aria-hidden": "true" } });
    this.element = h("div", { class: "sparql-editor" }, this.coloured, this.textarea);
    this.textarea.addEventListener("input", () => {
      this.paint();
      options.onInput?.();
    });
    this.textarea.addEventListener("scroll", () => this.syncScroll());
    this.textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        options.onRun();
      } else if (event.key === "Tab" && !event.shiftKey) {
        // Two spaces rather than leaving the editor: indentation is common in queries.
        event.preventDefault();
        this.textarea.setRangeText("  ", this.textarea.selectionStart, this.textarea.selectionEnd, "end");
        this.paint();
      }
    });
  }

  get value(): string {
    return this.textarea.value;
  }

  set value(text: string) {
    this.textarea.value = text;
    this.paint();
  }

  /** Puts the caret at a 1-based line and column (for a syntax error). */
  placeCaret(line: number, column: number): void {
    const lines = this.textarea.value.split("\n");
    let offset = 0;
    for (let i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i].length + 1;
    offset += Math.max(0, Math.min(column - 1, (lines[line - 1] ?? "").length));
    this.textarea.focus();
    this.textarea.setSelectionRange(offset, offset);
  }

  private paint(): void {
    const spans = tokenize(this.textarea.value).map((token) => (token.kind === "text" ? document.createTextNode(token.text) : h("span", { class: `tok-${token.kind}` }, token.text)));
    // A trailing newline needs something after it, or the copy is one line shorter than the textarea.
    this.coloured.replaceChildren(...spans, document.createTextNode("\n"));
    this.syncScroll();
  }

  private syncScroll(): void {
    this.coloured.scrollTop = this.textarea.scrollTop;
    this.coloured.scrollLeft = this.textarea.scrollLeft;
  }
}
