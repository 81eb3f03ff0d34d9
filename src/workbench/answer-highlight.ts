// A SPARQL CONSTRUCT/DESCRIBE answer highlighted on the graph as a query result, until the next query result or Esc.
import type { SessionState } from "../session/index.ts";
import type { DisplayContext } from "./display.ts";

/**
 * The answer's nodes and edges, and the session's query results when it was shown. The answer lives in the SPARQL
 * panel, not the session (as a SELECT's rows do; the session keeps the query as a step), so its highlight is the
 * view's: it stands while no other query result replaces it, and goes when a path or neighbourhood query runs or is
 * chosen, a step is undone, Esc clears it, or the panel shows another answer or closes.
 */
export class AnswerHighlight {
  private shown: { nodes: Set<string>; edges: Set<string>; basis: Basis } | null = null;

  /** `state`: the session's state now; `changed`: redraw the view. */
  constructor(
    private readonly state: () => SessionState,
    private readonly changed: () => void,
  ) {}

  /** Highlights these nodes and edges from now on. */
  set(nodes: readonly string[], edges: readonly string[]): void {
    this.shown = nodes.length || edges.length ? { nodes: new Set(nodes), edges: new Set(edges), basis: basisOf(this.state()) } : null;
    this.changed();
  }

  /** Ends the highlight; false when there was none. */
  clear(): boolean {
    const had = this.shown !== null;
    this.shown = null;
    if (had) this.changed();
    return had;
  }

  /** The answer's nodes and edges while it drives the highlight, else null. */
  current(state: SessionState): { nodes: Set<string>; edges: Set<string> } | null {
    if (this.shown && !sameBasis(this.shown.basis, basisOf(state))) this.shown = null;
    return this.shown && { nodes: this.shown.nodes, edges: this.shown.edges };
  }

  /** The display context with the answer as its query result, when one is highlighted. */
  apply(ctx: DisplayContext, state: SessionState): DisplayContext {
    const answer = this.current(state);
    if (!answer) return ctx;
    ctx.focusNodes = answer.nodes;
    ctx.focusEdges = answer.edges;
    ctx.focusMode = "highlight";
    return ctx;
  }
}

/** What the highlight stands on: the query results, and the SPARQL queries (an undo of the query's step changes them). */
type Basis = Pick<SessionState, "focus" | "path" | "neighbourhood" | "sparql">;
const basisOf = (state: SessionState): Basis => ({ focus: state.focus, path: state.path, neighbourhood: state.neighbourhood, sparql: state.sparql });
const sameBasis = (a: Basis, b: Basis) => a.focus === b.focus && a.path === b.path && a.neighbourhood === b.neighbourhood && a.sparql === b.sparql;
