// The Table tab: the nodes or relations shown, sortable and filterable, its selection the canvas's (both ways), and their CSV.
import { selectEdge, selectNode, selectedNodes, toggleNodeSelected, type SessionState, type SessionStore } from "../session/index.ts";
import { toCsv } from "./csv.ts";
import { h, replaceChildren } from "./dom.ts";
import type { GraphView } from "./graph-view.ts";
import { isAdditiveClick } from "./selection.ts";
import { COLUMNS, filterRows, nodeRows, relationRows, SHOWN_COLUMNS, sortRows, type Row, type Sort, type TableKind, type TableSource } from "./table-rows.ts";

/** Rows drawn at once; the filter narrows, the CSV has every row. */
const ROWS_DRAWN = 500;

export interface DataTableOptions {
  store: SessionStore;
  view: GraphView;
  /** The tab's panel. */
  element: HTMLElement;
  classLabel(iri: string): string;
  download(name: string, blob: Blob): void;
}

export class DataTable {
  private kind: TableKind = "nodes";
  private sorts: Record<TableKind, Sort> = { nodes: { column: "shown", descending: true }, relations: { column: "source", descending: false } };
  private rows: Row[] = [];
  private frame = 0;
  private readonly filter = h("input", { type: "search", id: "table-filter", placeholder: "Filter rows…", attrs: { "aria-label": "Filter the table's rows" } });
  private readonly kindButtons: Record<TableKind, HTMLButtonElement>;
  private readonly count = h("p", { id: "table-count", class: "muted", attrs: { "aria-live": "polite" } });
  private readonly table = h("table", { id: "data-table", class: "data-table" });
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly options: DataTableOptions) {
    const { store, view, element } = options;
    const kindButton = (kind: TableKind, text: string) =>
      h("button", { id: `table-${kind}`, attrs: { "aria-pressed": String(kind === this.kind) }, on: { click: () => this.setKind(kind) } }, text);
    this.kindButtons = { nodes: kindButton("nodes", "Nodes"), relations: kindButton("relations", "Relations") };
    this.filter.addEventListener("input", () => this.draw());
    replaceChildren(
      element,
      h("div", { class: "row" }, this.kindButtons.nodes, this.kindButtons.relations, h("button", { id: "table-csv", title: "The rows as filtered and sorted, every column (CSV, RFC 4180)", on: { click: () => this.exportCsv() } }, "Export CSV")),
      this.filter,
      this.count,
      h("div", { class: "table-scroll" }, this.table),
    );
    this.table.addEventListener("keydown", (event) => this.onKey(event));
    // Rows follow what is shown (filters, hides, queries, data) while the tab is open; the selection, always.
    const changed = () => this.schedule();
    for (const event of ["nodeAdded", "nodeDropped", "edgeAdded", "edgeDropped", "cleared"] as const) view.graph.on(event, changed);
    this.cleanups.push(() => {
      for (const event of ["nodeAdded", "nodeDropped", "edgeAdded", "edgeDropped", "cleared"] as const) view.graph.off(event, changed);
    });
    this.cleanups.push(
      store.subscribe((state, previous) => {
        if (state.selection !== previous.selection) this.markSelection(state, true);
        if (state.filters !== previous.filters || state.focus !== previous.focus || state.neighbourhood !== previous.neighbourhood || state.path !== previous.path) this.schedule();
      }),
    );
    const observer = new MutationObserver(() => this.schedule());
    observer.observe(element, { attributes: true, attributeFilter: ["hidden"] });
    this.cleanups.push(() => observer.disconnect());
  }

  /** The rows as the table has them now (filtered and sorted), every column. */
  csv(): string {
    const columns = COLUMNS[this.kind];
    return toCsv(
      columns.map((c) => c.title),
      this.visibleRows().map((row) => columns.map((c) => row.cells[c.key] ?? "")),
    );
  }

  kill(): void {
    cancelAnimationFrame(this.frame);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private setKind(kind: TableKind): void {
    this.kind = kind;
    for (const [k, button] of Object.entries(this.kindButtons)) button.setAttribute("aria-pressed", String(k === kind));
    this.rebuild();
  }

  /** Rebuilds at the next frame, only while the tab is shown (a hidden table costs nothing). */
  private schedule(): void {
    if (this.frame !== 0 || this.options.element.hidden) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.options.element.hidden) this.rebuild();
    });
  }

  private source(): TableSource {
    const graph = this.options.view.graph;
    return {
      nodeAttributes: (node) => graph.getNodeAttributes(node),
      edge: (edge) => {
        const a = graph.getEdgeAttributes(edge);
        return { source: graph.source(edge), target: graph.target(edge), predicate: a.predicate, label: a.label, year: a.year };
      },
      classLabel: this.options.classLabel,
    };
  }

  private rebuild(): void {
    const shown = this.options.view.visible();
    this.rows = this.kind === "nodes" ? nodeRows(this.source(), shown) : relationRows(this.source(), shown);
    const counts = { nodes: shown.nodes.length, relations: shown.edges.length };
    this.kindButtons.nodes.textContent = `Nodes (${counts.nodes})`;
    this.kindButtons.relations.textContent = `Relations (${counts.relations})`;
    this.draw();
  }

  private visibleRows(): Row[] {
    return sortRows(filterRows(this.rows, this.filter.value), this.sorts[this.kind]);
  }

  private draw(): void {
    const rows = this.visibleRows();
    const sort = this.sorts[this.kind];
    const columns = COLUMNS[this.kind].filter((c) => SHOWN_COLUMNS[this.kind].includes(c.key));
    const head = h(
      "tr",
      {},
      ...columns.map((c) => {
        const sorted = sort.column === c.key;
        return h(
          "th",
          { attrs: { scope: "col", "aria-sort": sorted ? (sort.descending ? "descending" : "ascending") : "none" } },
          h("button", { class: "sort", dataset: { column: c.key }, title: `Sort by ${c.title}`, on: { click: () => this.sortBy(c.key, !!c.numeric) } }, c.title, sorted ? (sort.descending ? " ▼" : " ▲") : ""),
        );
      }),
    );
    const body = h(
      "tbody",
      {},
      ...rows.slice(0, ROWS_DRAWN).map((row) =>
        h(
          "tr",
          { dataset: { key: row.key }, attrs: { tabindex: "0", "aria-selected": "false" }, on: { click: (event) => this.pick(row.key, event) } },
          ...columns.map((c) => h("td", { class: c.numeric ? "num" : undefined, title: c.key === "label" || c.key === "source" || c.key === "target" ? String(row.cells[c.key === "label" ? "iri" : `${c.key}Iri`] ?? "") : undefined }, String(row.cells[c.key] ?? ""))),
        ),
      ),
    );
    replaceChildren(this.table, h("thead", {}, head), body);
    this.count.textContent =
      rows.length > ROWS_DRAWN ? `${rows.length} of ${this.rows.length} rows; the first ${ROWS_DRAWN} drawn (filter to narrow; the CSV has them all)` : `${rows.length} of ${this.rows.length} rows`;
    this.markSelection(this.options.store.get(), false);
  }

  private sortBy(column: string, numeric: boolean): void {
    const now = this.sorts[this.kind];
    // A first click sorts numbers biggest first and text A→Z; a second click reverses.
    this.sorts[this.kind] = now.column === column ? { column, descending: !now.descending } : { column, descending: numeric };
    this.draw();
  }

  private pick(key: string, event: MouseEvent | KeyboardEvent): void {
    const { store, view } = this.options;
    if (this.kind === "relations") {
      store.apply(selectEdge(key));
      return;
    }
    store.apply(isAdditiveClick(event) ? toggleNodeSelected(key) : selectNode(key));
    view.focusNode(key);
  }

  /** Marks the selected rows; with `scroll`, brings the first into view (a selection made on the canvas). */
  private markSelection(state: SessionState, scroll: boolean): void {
    const selected = new Set(state.selection.kind === "edge" ? [state.selection.edge] : selectedNodes(state.selection));
    let first: HTMLElement | null = null;
    for (const tr of this.table.querySelectorAll<HTMLTableRowElement>("tbody tr")) {
      const on = selected.has(tr.dataset.key ?? "");
      tr.setAttribute("aria-selected", String(on));
      tr.classList.toggle("selected", on);
      if (on && !first) first = tr;
    }
    if (scroll && first && !this.options.element.hidden && !first.contains(document.activeElement)) first.scrollIntoView({ block: "nearest" });
  }

  /** Up and down move between rows, Enter or Space selects (Shift adds a node). */
  private onKey(event: KeyboardEvent): void {
    const row = (event.target as HTMLElement).closest("tr");
    if (!row?.dataset.key) return;
    if (event.key === "Enter" || event.key === " ") this.pick(row.dataset.key, event);
    else if (event.key === "ArrowDown") (row.nextElementSibling as HTMLElement | null)?.focus();
    else if (event.key === "ArrowUp") (row.previousElementSibling as HTMLElement | null)?.focus();
    else return;
    event.preventDefault();
  }

  private exportCsv(): void {
    this.options.download(`smartcity-kg-${this.kind}.csv`, new Blob([this.csv()], { type: "text/csv;charset=utf-8" }));
  }
}
