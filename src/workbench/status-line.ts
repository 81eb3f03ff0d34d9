// The status line: how many of the loaded nodes and relations the view shows now (after filters, hides and focus).
import { h, replaceChildren } from "./dom.ts";
import type { DatasetSummary, Overview } from "./protocol.ts";

/** What the status line counts: what is shown of what is loaded. */
export interface StatusCounts {
  /** Nodes drawn and not hidden (by a class, a hide, the schema switch or a "show only" query). */
  shownNodes: number;
  /** Nodes in the loaded data. */
  loadedNodes: number;
  shownEdges: number;
  /** Relations between nodes in the loaded data. */
  loadedEdges: number;
  triples: number;
}

const n = (x: number) => x.toLocaleString("en");

/** "Showing 33 of 217 nodes · 40 of 512 relations · 3,101 triples". */
export function statusText(c: StatusCounts): string {
  return [`Showing ${n(c.shownNodes)} of ${n(c.loadedNodes)} nodes`, `${n(c.shownEdges)} of ${n(c.loadedEdges)} relations`, `${n(c.triples)} triples`].join(" · ");
}

export interface StatusSources {
  summary(): DatasetSummary | null;
  overview(): Overview | null;
  /** The nodes and edges the view shows now. */
  visible(): { nodes: readonly string[]; edges: readonly string[] };
  cap: number;
}

/**
 * Keeps the status line and the overview notice true to the view. `update` counts at once; `schedule` counts once
 * at the next frame, however many changes (store, graph) asked for it in between.
 */
export class StatusLine {
  private frame = 0;

  constructor(
    private readonly status: HTMLElement,
    private readonly notice: HTMLElement,
    private readonly from: StatusSources,
  ) {}

  update(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const summary = this.from.summary();
    const overview = this.from.overview();
    if (!summary || !overview) return;
    const visible = this.from.visible();
    const text = statusText({
      shownNodes: visible.nodes.length,
      loadedNodes: summary.nodes,
      shownEdges: visible.edges.length,
      loadedEdges: summary.edges,
      triples: summary.quads,
    });
    this.status.textContent = text;
    // The toolbar may cut the line short; the whole of it is a hover away.
    this.status.title = text;
    this.notice.hidden = !overview.capped;
    if (overview.capped) {
      replaceChildren(
        this.notice,
        h("strong", {}, `Overview: the ${n(this.from.cap)} best-connected of ${n(overview.candidates)} nodes.`),
        " Search, run a path or neighbourhood query, or double-click a node to see more; hide classes in the legend or relations in Filters to narrow.",
      );
    }
  }

  schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.update());
  }

  kill(): void {
    cancelAnimationFrame(this.frame);
  }
}
