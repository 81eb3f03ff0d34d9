// The "new relation" form: quote and place as selected, subject and object (autocomplete or a new entity), fitting predicates first.
import { Autocomplete } from "./autocomplete.ts";
import { h, replaceChildren } from "./dom.ts";
import type { AuthorEnd, PredicateView, RelationRequest } from "./authoring-protocol.ts";
import type { SearchHit } from "./protocol.ts";

export interface RelationFormHost {
  search(text: string): Promise<SearchHit[]>;
  classes(): Promise<{ iri: string; label: string }[]>;
  fit(subject: AuthorEnd, object: AuthorEnd): Promise<PredicateView[]>;
  /** Validates and adds; resolves to the problems (none when it was added). */
  submit(relation: RelationRequest): Promise<string[]>;
}

/** What the form starts from: the quote's place, and for a candidate its two entities and predicate. */
export interface RelationSeed {
  source: string;
  quote: string;
  start: number;
  end: number;
  pages: number[];
  locator?: string;
  subject?: { iri: string; label: string };
  object?: { iri: string; label: string };
  predicate?: string;
  /** Set when the seed is a candidate the reader offered (adding it is "Accept relation" in History). */
  candidate?: boolean;
}

const ANALYST_KEY = "smartcity-kg.analyst";

/** One end of the relation: a node picked by autocomplete, or a new entity (class and label). */
class EndInput {
  readonly element: HTMLElement;
  private readonly picker: Autocomplete;
  private readonly isNew: HTMLInputElement;
  private readonly classSelect = h("select", { attrs: { "aria-label": "class of the new entity" } });
  private readonly label = h("input", { type: "text", placeholder: "label of the new entity", attrs: { "aria-label": "label of the new entity" } });

  constructor(private readonly role: "subject" | "object", host: RelationFormHost, changed: () => void) {
    this.picker = new Autocomplete({ placeholder: `${role}: search names…`, label: role, id: `relation-${role}`, search: (t) => host.search(t), onPick: () => changed() });
    this.isNew = h("input", { type: "checkbox", on: { change: () => this.toggle(host, changed) } });
    this.classSelect.addEventListener("change", changed);
    this.label.addEventListener("input", changed);
    const newBox = h("div", { class: "relation-new", hidden: true }, this.classSelect, this.label);
    this.element = h("fieldset", { class: `relation-end relation-${role}` },
      h("legend", {}, role === "subject" ? "Subject" : "Object"), this.picker.element,
      h("label", {}, this.isNew, " new entity"), newBox);
  }

  private async toggle(host: RelationFormHost, changed: () => void): Promise<void> {
    const box = this.element.querySelector<HTMLElement>(".relation-new")!;
    box.hidden = !this.isNew.checked;
    this.picker.element.hidden = this.isNew.checked;
    if (this.isNew.checked && this.classSelect.options.length === 0) {
      replaceChildren(this.classSelect, ...(await host.classes()).map((c) => h("option", { value: c.iri, title: c.iri }, c.label)));
    }
    changed();
  }

  set(node: { iri: string; label: string } | undefined): void {
    this.isNew.checked = false;
    this.element.querySelector<HTMLElement>(".relation-new")!.hidden = true;
    this.picker.element.hidden = false;
    this.picker.set(node ? { node: node.iri, label: node.label, matched: node.label, kind: "label", score: 0, classLabel: "" } : null);
    this.label.value = "";
  }

  value(): AuthorEnd | null {
    if (this.isNew.checked) return this.classSelect.value && this.label.value.trim() ? { classIri: this.classSelect.value, label: this.label.value.trim() } : null;
    return this.picker.picked ? { iri: this.picker.picked.node } : null;
  }
}

export class RelationForm {
  readonly element: HTMLElement;
  private seed: RelationSeed | null = null;
  private readonly quote = h("blockquote", { class: "relation-quote" });
  private readonly place = h("p", { class: "relation-place" });
  private readonly subject: EndInput;
  private readonly object: EndInput;
  private readonly predicate = h("select", { id: "relation-predicate", attrs: { "aria-label": "predicate" } });
  private readonly analyst = h("input", { type: "text", id: "relation-analyst", placeholder: "your name (set once)", attrs: { "aria-label": "analyst" } });
  private readonly status = h("select", { id: "relation-status", attrs: { "aria-label": "status" } }, h("option", { value: "accepted" }, "accepted"), h("option", { value: "proposed" }, "proposed"));
  private readonly problems = h("ul", { class: "relation-problems", attrs: { "aria-live": "polite" } });
  private readonly addButton: HTMLButtonElement;
  private fitGeneration = 0;

  constructor(private readonly host: RelationFormHost) {
    this.subject = new EndInput("subject", host, () => void this.refit());
    this.object = new EndInput("object", host, () => void this.refit());
    this.analyst.value = localStorage.getItem(ANALYST_KEY) ?? "";
    this.analyst.addEventListener("change", () => localStorage.setItem(ANALYST_KEY, this.analyst.value.trim()));
    this.addButton = h("button", { type: "button", class: "primary", id: "relation-add", on: { click: () => void this.add() } }, "Validate and add");
    this.element = h("section", { class: "relation-form", id: "relation-form", hidden: true, attrs: { "aria-label": "New relation" } },
      h("h3", {}, "New relation"), this.quote, this.place, this.subject.element,
      h("label", {}, "Predicate ", this.predicate), this.object.element,
      h("div", { class: "relation-who" }, h("label", {}, "By ", this.analyst), h("label", {}, " Status ", this.status)),
      h("div", { class: "relation-buttons" }, this.addButton, h("button", { type: "button", on: { click: () => this.close() } }, "Cancel")),
      this.problems);
  }

  open(seed: RelationSeed): void {
    this.seed = seed;
    this.quote.textContent = seed.quote;
    this.place.textContent = [seed.pages.length ? `p. ${seed.pages.join(", ")}` : "", seed.locator ?? "", `characters ${seed.start}–${seed.end}`].filter(Boolean).join(" · ");
    this.subject.set(seed.subject);
    this.object.set(seed.object);
    replaceChildren(this.problems);
    this.element.hidden = false;
    void this.refit(seed.predicate);
  }

  close(): void {
    this.element.hidden = true;
    this.seed = null;
  }

  /** Refills the predicates for the chosen ends: those whose domain and range fit first, the others after. */
  private async refit(wanted?: string): Promise<void> {
    const generation = ++this.fitGeneration;
    const [s, o] = [this.subject.value(), this.object.value()];
    if (!s || !o) return;
    const choices = await this.host.fit(s, o);
    if (generation !== this.fitGeneration) return;
    const keep = wanted ?? this.predicate.value;
    const option = (p: PredicateView) => h("option", { value: p.iri, title: p.iri }, p.label);
    replaceChildren(this.predicate,
      h("optgroup", { attrs: { label: "Domain and range fit" } }, ...choices.filter((p) => p.fits).map(option)),
      h("optgroup", { attrs: { label: "Do not fit" } }, ...choices.filter((p) => !p.fits).map(option)));
    if (keep && choices.some((p) => p.iri === keep)) this.predicate.value = keep;
  }

  private async add(): Promise<void> {
    const seed = this.seed;
    if (!seed) return;
    const [subject, object] = [this.subject.value(), this.object.value()];
    const missing = [!subject && "the subject", !object && "the object", !this.predicate.value && "a predicate", !this.analyst.value.trim() && "your name"].filter(Boolean);
    if (missing.length) {
      replaceChildren(this.problems, h("li", {}, `Choose ${missing.join(", ")}.`));
      return;
    }
    localStorage.setItem(ANALYST_KEY, this.analyst.value.trim());
    this.addButton.disabled = true;
    replaceChildren(this.problems, h("li", { class: "pending" }, "Validating…"));
    try {
      const problems = await this.host.submit({
        source: seed.source, subject: subject!, predicate: this.predicate.value, object: object!, quote: seed.quote, start: seed.start, end: seed.end,
        locator: seed.locator, by: this.analyst.value.trim(), status: this.status.value === "proposed" ? "proposed" : "accepted",
      });
      if (problems.length === 0) this.close();
      else replaceChildren(this.problems, ...problems.map((p) => h("li", {}, p)));
    } catch (error) {
      replaceChildren(this.problems, h("li", {}, error instanceof Error ? error.message : String(error)));
    } finally {
      this.addButton.disabled = false;
    }
  }
}
