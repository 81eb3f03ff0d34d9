// The Export menu: Turtle of the view, the selection or the query result (through the worker's exporter, with evidence), or a PNG of the view.
import { downloadAsPNG } from "@sigma/export-image";
import type { SessionState, SessionStore } from "../session/index.ts";
import type { DataClient } from "./data-client.ts";
import { h } from "./dom.ts";
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
  private readonly onDocumentClick: (event: MouseEvent) => void;
  private killed = false;

  constructor(private readonly options: ExportMenuOptions) {
    this.menu = h(
      "div",
      { class: "menu", id: "export-menu", hidden: true, role: "menu" },
      h("button", { id: "export-view", on: { click: () => void this.exportTurtle("view") } }, "Turtle: current view"),
      h("button", { id: "export-selection", on: { click: () => void this.exportTurtle("selection") } }, "Turtle: selection (all selected nodes)"),
      h("button", { id: "export-query", on: { click: () => void this.exportTurtle("query") } }, "Turtle: query result"),
      h("button", { id: "export-png", on: { click: () => void this.exportPng() } }, "PNG image of the view"),
    );
    this.element = h(
      "div",
      { class: "menu-wrap" },
      h("button", { id: "export", attrs: { "aria-haspopup": "menu" }, on: { click: () => (this.menu.hidden = !this.menu.hidden) } }, "Export ▾"),
      this.menu,
    );
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

  /** Turtle of the query result driving the view, else of the view (what the HTML report embeds). */
  async resultTurtle(): Promise<string> {
    const { nodes, edges } = queryResultSubgraph(this.options.store.get()) ?? this.options.view().visible();
    return (await this.options.client.request("export", { nodes, edges })).turtle;
  }

  async exportTurtle(what: "view" | "selection" | "query"): Promise<void> {
    this.close();
    if (what === "selection") {
      await this.options.exportSelection();
      return;
    }
    const { nodes, edges } = what === "view" ? this.options.view().visible() : (queryResultSubgraph(this.options.store.get()) ?? { nodes: [], edges: [] });
    if (nodes.length === 0 && edges.length === 0) {
      this.options.showError(`Nothing to export: ${what === "query" ? "run a path or neighbourhood query first" : "the view is empty"}.`);
      return;
    }
    try {
      const { turtle } = await this.options.client.request("export", { nodes, edges });
      downloadBlob(`smartcity-kg-${what}.ttl`, new Blob([turtle], { type: "text/turtle" }));
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
