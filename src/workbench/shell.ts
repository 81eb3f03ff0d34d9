// The page's frame: top bar and toolbar, left tabs, the graph area with its banners, the right-hand details column.
import { autoDismiss, readingTime, type AutoDismiss } from "./auto-dismiss.ts";
import { WorkerError } from "./data-client.ts";
import { h, replaceChildren } from "./dom.ts";

/** The controls the toolbar holds, made by the panels that own them. */
export interface ShellControls {
  layoutButton: HTMLButtonElement;
  exportMenu: HTMLElement;
  fit(): void;
  openFile(): void;
  openSparql(): void;
  toggleHelp(): void;
  search: HTMLElement;
  sourceViewer: HTMLElement;
  /** Extra elements after the page (the shortcuts help dialog). */
  overlays: HTMLElement[];
}

const ACCEPT = ".ttl,.nt,.nq,.trig,.turtle,.ntriples,.nquads";

/** Builds the page in `root` and gives access to the parts the panels fill and the messages it shows. */
export class Shell {
  readonly status = h("span", { id: "status", class: "status", attrs: { "aria-live": "polite" } }, "Loading…");
  readonly fileInput = h("input", { type: "file", id: "file-input", hidden: true, attrs: { multiple: "", accept: ACCEPT } });
  readonly edgeLabelsBox = h("input", { type: "checkbox", id: "edge-labels" });
  readonly toolbar: HTMLElement;
  readonly graphContainer = h("div", { id: "graph", class: "graph" });
  readonly legend = h("div", { id: "legend", class: "legend" });
  readonly notice = h("div", { id: "notice", class: "notice", hidden: true });
  readonly detailsPanel = h("div", { id: "details", class: "details-panel" });
  readonly dropZone = h("div", { class: "drop-zone", hidden: true }, "Drop Turtle, N-Triples, N-Quads or TriG files to add them");
  /** The graph area: SPARQL results open over it. */
  readonly centre: HTMLElement;
  private readonly left: HTMLElement;
  private readonly tabBar = h("div", { class: "tabs", role: "tablist" });
  private readonly tabs = new Map<string, { button: HTMLButtonElement; panel: HTMLElement }>();
  private readonly progressBar = h("progress", { attrs: { max: "1", value: "0" } });
  private readonly progressText = h("span", {});
  private readonly progress = h("div", { id: "progress", class: "progress", hidden: true }, this.progressText, this.progressBar);
  private readonly errorText = h("span", { class: "error-text" });
  private readonly errorBanner: HTMLElement;
  private readonly infoText = h("span", {});
  private readonly infoBanner: HTMLElement;
  private readonly infoTimer: AutoDismiss;

  constructor(root: HTMLElement, controls: ShellControls, tabs: readonly string[]) {
    this.toolbar = h(
      "div",
      { class: "toolbar" },
      controls.layoutButton,
      h("button", { id: "fit", title: "Fit the nodes shown into the view (F)", on: { click: () => controls.fit() } }, "Fit"),
      h("label", { class: "toggle", title: "Show relation labels on edges" }, this.edgeLabelsBox, " Edge labels"),
      h(
        "button",
        { id: "open-file", title: "Add Turtle, N-Triples, N-Quads or TriG files (or drop them on the page); drop a .json session file to open it", on: { click: () => controls.openFile() } },
        "Open data…",
      ),
      this.fileInput,
      controls.exportMenu,
      h("button", { id: "sparql-open", title: "SPARQL queries over the data, or a remote SPARQL endpoint", on: { click: () => controls.openSparql() } }, "SPARQL…"),
      h("button", { id: "help", title: "Keyboard shortcuts (?)", attrs: { "aria-label": "Keyboard shortcuts" }, on: { click: () => controls.toggleHelp() } }, "?"),
    );
    const topbar = h("header", { class: "topbar" }, h("h1", {}, "smartcity-kg"), this.status, this.toolbar);
    this.errorBanner = h(
      "div",
      { id: "error", class: "error-banner", hidden: true, role: "alert" },
      this.errorText,
      h("button", { class: "close", title: "Dismiss", attrs: { "aria-label": "Dismiss the error" }, on: { click: () => this.hideError() } }, "×"),
    );
    this.infoBanner = h(
      "div",
      { id: "info", class: "info-banner", hidden: true, role: "status" },
      this.infoText,
      h("button", { class: "close", title: "Dismiss", attrs: { "aria-label": "Dismiss the message" }, on: { click: () => this.hideInfo() } }, "×"),
    );
    // Information goes by itself after a reading time; errors stay until closed.
    this.infoTimer = autoDismiss(this.infoBanner, () => (this.infoBanner.hidden = true));
    this.left = h("aside", { class: "left", attrs: { "aria-label": "Search and queries" } }, h("div", { class: "search-wrap" }, controls.search), this.tabBar);
    for (const tab of tabs) this.addTab(tab);
    this.centre = h("main", { class: "centre" }, this.graphContainer, this.legend, this.notice, this.progress, this.errorBanner, this.infoBanner, this.dropZone);
    const right = h("aside", { class: "right", attrs: { "aria-label": "Details" } }, this.detailsPanel, controls.sourceViewer);
    replaceChildren(root, h("div", { class: "workbench" }, topbar, this.left, this.centre, right), ...controls.overlays);
    root.classList.add("app-root");
  }

  /** The panel of a tab, added on first use (with its button, after the others). */
  tab(name: string): HTMLElement {
    return (this.tabs.get(name) ?? this.addTab(name)).panel;
  }

  /** Adds a tab showing `content` (the session's History and Notes). */
  addTab(name: string, content?: HTMLElement): { button: HTMLButtonElement; panel: HTMLElement } {
    const id = name.toLowerCase();
    const button = h("button", { role: "tab", id: `tab-${id}`, on: { click: () => this.showTab(name) } }, name);
    const panel = h("section", { class: "tab-panel", id: `panel-${id}`, role: "tabpanel", hidden: true }, content);
    const tab = { button, panel };
    this.tabs.set(name, tab);
    this.tabBar.append(button);
    this.left.append(panel);
    return tab;
  }

  showTab(name: string): void {
    for (const [tab, { button, panel }] of this.tabs) {
      button.classList.toggle("active", tab === name);
      button.setAttribute("aria-selected", String(tab === name));
      panel.hidden = tab !== name;
    }
  }

  showInfo(message: string): void {
    this.infoText.textContent = message;
    this.infoBanner.hidden = false;
    this.infoTimer.start(readingTime(message));
  }

  hideInfo(): void {
    this.infoTimer.stop();
    this.infoBanner.hidden = true;
  }

  showError(error: unknown): void {
    this.errorText.textContent = error instanceof WorkerError ? error.failure.message : error instanceof Error ? error.message : String(error);
    this.errorBanner.hidden = false;
  }

  hideError(): void {
    this.errorBanner.hidden = true;
  }

  /** Shows progress with a text; `fraction` null for an indeterminate bar. */
  showProgress(text: string, fraction: number | null): void {
    this.progress.hidden = false;
    this.progressText.textContent = text;
    if (fraction === null) this.progressBar.removeAttribute("value");
    else this.progressBar.value = Math.max(0, Math.min(1, fraction));
  }

  hideProgress(): void {
    this.progress.hidden = true;
  }
}
