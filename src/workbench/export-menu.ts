// The Export menu: Turtle of the view, the selection or the query result (through the worker's exporter, with evidence), or a PNG of the view.
import { downloadAsPNG } from "@sigma/export-image";
import type { SessionState, SessionStore } from "../session/index.ts";
import type { DataClient } from "./data-client.ts";
import { disclose } from "./disclosure.ts";
import { h } from "./dom.ts";
import { highResolutionPng, viewSvg } from "./export-image.ts";
import type { GraphView } from "./graph-view.ts";

/** Saves a blob as a download named `name`. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, attrs: { download: name } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The nodes and edges of the query result that drives the view (the chosen path, or the neighbourhood), or null. */
export function queryResultSubgraph(state: SessionState): { nodes: string[]; edges: string[] } | null {
  if (state.focus === "path" && state.path.chosen >= 0) {
    const path = state.path.results[state.path.chosen];
    if (path) return { nodes: path.nodes, edges: path.steps.map((step) => step.edge) };
  }
  if (state.focus === "neighbourhood" && state.neighbourhood.result) {
    return { nodes: state.neighbourhood.result.nodes.map((n) => n.node), edges: state.neighbourhood.result.edges };
  }
  return null;
}

/** Every path the last path query found (what `kg path --turtle` exports), or null when it found none. */
export function allPathsSubgraph(state: SessionState): { nodes: string[]; edges: string[] } | null {
  const results = state.path.results;
  if (results.length === 0) return null;
  return { nodes: [...new Set(results.flatMap((r) => r.nodes))], edges: [...new Set(results.flatMap((r) => r.steps.map((s) => s.edge)))] };
}

/** What "query result" exports now, for the menu's label: the analyst sees which of the paths it is. */
function queryResultName(state: SessionState): string {
  if (state.focus === "path" && state.path.chosen >= 0 && state.path.results[state.path.chosen]) {
    return `Turtle: query result (path ${state.path.chosen + 1}, the one highlighted)`;
  }
  return state.focus === "neighbourhood" && state.neighbourhood.result ? "Turtle: query result (the neighbourhood)" : "Turtle: query result";
}

export interface ExportMenuOptions {
  store: SessionStore;
  /** The graph view (made after the toolbar that holds this menu, so it is looked up on use). */
  view: () => GraphView;
  client: DataClient;
  /** Exports the selection (selection-panel.ts knows what one, several nodes or a relation mean). */
  exportSelection: () => Promise<void>;
  showError: (error: unknown) => void;
}

export class ExportMenu {
  /** The "Export ▾" button with its menu, for the toolbar. */
  readonly element: HTMLElement;
  private readonly menu: HTMLElement;
  private readonly queryButton = h("button", { id: "export-query", on: { click: () => void this.exportTurtle("query") } }, "Turtle: query result");
  private readonly pathsButton = h("button", { id: "export-paths", on: { click: () => void this.exportTurtle("paths") } }, "Turtle: all paths found");
  private readonly onDocumentClick: (event: MouseEvent) => void;
  private killed = false;

  constructor(private readonly options: ExportMenuOptions) {
    this.menu = h(
      "div",
      { class: "menu", id: "export-menu", hidden: true, role: "group", attrs: { "aria-label": "Export" } },
      h("button", { id: "export-view", on: { click: () => void this.exportTurtle("view") } }, "Turtle: current view"),
      h("button", { id: "export-selection", on: { click: () => void this.exportTurtle("selection") } }, "Turtle: selection (all selected nodes)"),
      this.queryButton,
      this.pathsButton,
      h("button", { id: "export-png", on: { click: () => void this.exportPng() } }, "PNG image of the view"),
      h("button", { id: "export-png-3x", title: "The same picture at three times the screen's resolution, for print and slides", on: { click: () => void this.exportImage("png3x") } }, "PNG image, 3× resolution"),
      h("button", { id: "export-svg", title: "Vector image: nodes, relations and the labels shown, as text", on: { click: () => void this.exportImage("svg") } }, "SVG image of the view"),
    );
    const button = h("button", { id: "export", on: { click: () => this.toggle() } }, "Export ▾");
    this.element = h("div", { class: "menu-wrap" }, button, this.menu);
    disclose(button, this.menu);
    this.onDocumentClick = (event) => {
      if (!this.menu.hidden && !(event.target as HTMLElement).closest(".menu-wrap")) this.menu.hidden = true;
    };
    document.addEventListener("click", this.onDocumentClick);
  }

  get isOpen(): boolean {
    return !this.menu.hidden;
  }

  close(): void {
    this.menu.hidden = true;
  }

  /** Opens the menu with labels that say what each query export holds now (the highlighted path or every path). */
  private toggle(): void {
    const state = this.options.store.get();
    this.queryButton.textContent = queryResultName(state);
    const paths = state.path.results.length;
    this.pathsButton.textContent = paths ? `Turtle: all ${paths} path${paths === 1 ? "" : "s"} found (as kg path --turtle)` : "Turtle: all paths found";
    this.pathsButton.disabled = paths === 0;
    this.menu.hidden = !this.menu.hidden;
  }

  /** Turtle of the query result driving the view, else of the view (what the HTML report embeds), in pieces. */
  async resultTurtle(): Promise<string[]> {
    const { nodes, edges } = queryResultSubgraph(this.options.store.get()) ?? this.options.view().visible();
    return (await this.options.client.request("export", { nodes, edges })).parts;
  }

  async exportTurtle(what: "view" | "selection" | "query" | "paths"): Promise<void> {
    this.close();
    if (what === "selection") {
      await this.options.exportSelection();
      return;
    }
    const state = this.options.store.get();
    const none = { nodes: [], edges: [] };
    const { nodes, edges } = what === "view" ? this.options.view().visible() : ((what === "paths" ? allPathsSubgraph(state) : queryResultSubgraph(state)) ?? none);
    if (nodes.length === 0 && edges.length === 0) {
      this.options.showError(`Nothing to export: ${what === "view" ? "the view is empty" : what === "paths" ? "run a path query first" : "run a path or neighbourhood query first"}.`);
      return;
    }
    try {
      const { parts } = await this.options.client.request("export", { nodes, edges });
      downloadBlob(`smartcity-kg-${what}.ttl`, new Blob(parts, { type: "text/turtle" }));
    } catch (error) {
      this.options.showError(error);
    }
  }

  /** A high-resolution PNG or an SVG of the view as drawn (export-image.ts). */
  async exportImage(kind: "png3x" | "svg"): Promise<void> {
    this.close();
    try {
      const view = this.options.view();
      const sigma = view.sigma as unknown as Parameters<typeof viewSvg>[0];
      if (kind === "svg") downloadBlob("smartcity-kg-view.svg", new Blob([viewSvg(sigma, view.visible())], { type: "image/svg+xml" }));
      else downloadBlob("smartcity-kg-view@3x.png", await highResolutionPng(sigma, 3));
    } catch (error) {
      this.options.showError(error);
    }
  }

  async exportPng(): Promise<void> {
    this.close();
    try {
      await downloadAsPNG(this.options.view().sigma as unknown as Parameters<typeof downloadAsPNG>[0], { fileName: "smartcity-kg-view", backgroundColor: "#ffffff" });
    } catch (error) {
      this.options.showError(error);
    }
  }

  kill(): void {
    if (this.killed) return;
    this.killed = true;
    document.removeEventListener("click", this.onDocumentClick);
  }
}
