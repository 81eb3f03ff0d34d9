// A label autocomplete input over the worker's search: type, arrow through suggestions, Enter or click to pick.
import { h, replaceChildren } from "./dom.ts";
import type { SearchHit } from "./protocol.ts";

export interface AutocompleteOptions {
  placeholder: string;
  search: (text: string) => Promise<SearchHit[]>;
  onPick: (hit: SearchHit) => void;
  /** Clear the input after a pick (for inputs that add chips) instead of showing the picked label. */
  clearOnPick?: boolean;
  id?: string;
  label: string;
}

export class Autocomplete {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** The picked node's IRI, or null when the text was edited since. */
  picked: SearchHit | null = null;

  constructor(private readonly options: AutocompleteOptions) {
    this.input = h("input", {
      type: "search",
      placeholder: options.placeholder,
      id: options.id,
      attrs: { autocomplete: "off", "aria-label": options.label, "aria-autocomplete": "list", spellcheck: "false" },
      on: {
        input: () => this.onInput(),
        keydown: (event) => this.onKey(event),
        blur: () => setTimeout(() => this.close(), 150),
        focus: () => {
          if (this.hits.length && !this.picked) this.list.hidden = false;
        },
      },
    });
    this.list = h("ul", { class: "suggestions", role: "listbox", hidden: true });
    this.element = h("div", { class: "autocomplete" }, this.input, this.list);
  }

  set(hit: SearchHit | null): void {
    this.picked = hit;
    this.input.value = hit ? hit.label : "";
    // Suggestions for the text before are stale now: focusing the input must not offer them (nor a search in flight).
    clearTimeout(this.timer);
    this.generation++;
    this.hits = [];
    this.active = -1;
    this.close();
  }

  kill(): void {
    clearTimeout(this.timer);
    this.generation++;
  }

  private onInput(): void {
    this.picked = null;
    clearTimeout(this.timer);
    const text = this.input.value;
    if (text.trim() === "") {
      this.close();
      return;
    }
    this.timer = setTimeout(() => {
      const generation = ++this.generation;
      this.options.search(text).then(
        (hits) => {
          if (generation === this.generation) this.show(hits);
        },
        () => this.close(),
      );
    }, 90);
  }

  /** Enter before the suggestions arrived: search now and take the best match. */
  private async pickBest(): Promise<void> {
    clearTimeout(this.timer);
    const generation = ++this.generation;
    const hits = await this.options.search(this.input.value);
    if (generation === this.generation && hits.length) this.pick(hits[0]);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!this.hits.length) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.active = (this.active + step + this.hits.length) % this.hits.length;
      this.highlight();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (this.active >= 0 && this.hits[this.active]) this.pick(this.hits[this.active]);
      else if (this.input.value.trim()) void this.pickBest();
    } else if (event.key === "Escape") {
      if (!this.list.hidden) {
        event.stopPropagation();
        this.close();
      } else this.input.blur();
    }
  }

  private show(hits: SearchHit[]): void {
    this.hits = hits;
    this.active = hits.length ? 0 : -1;
    if (!hits.length) {
      replaceChildren(this.list, h("li", { class: "empty" }, "No match"));
    } else {
      replaceChildren(
        this.list,
        ...hits.map((hit, i) =>
          h(
            "li",
            {
              role: "option",
              dataset: { index: String(i) },
              on: {
                mousedown: (event) => {
                  event.preventDefault();
                  this.pick(hit);
                },
              },
            },
            h("span", { class: "hit-label" }, hit.label),
            hit.matched !== hit.label ? h("span", { class: "hit-alt" }, ` (${hit.matched})`) : null,
            hit.classLabel ? h("span", { class: "hit-class" }, hit.classLabel) : null,
          ),
        ),
      );
    }
    this.list.hidden = false;
    this.highlight();
  }

  private highlight(): void {
    this.list.querySelectorAll("li").forEach((li, i) => li.classList.toggle("active", i === this.active));
  }

  private pick(hit: SearchHit): void {
    // A search still waiting to start (typed just before the pick) would open the list again after it.
    clearTimeout(this.timer);
    this.generation++;
    this.set(this.options.clearOnPick ? null : hit);
    if (this.options.clearOnPick) this.input.value = "";
    this.options.onPick(hit);
  }

  private close(): void {
    this.list.hidden = true;
  }
}
