// Layouts on demand (radial around a node, a circle, noverlap alone): new positions for the shown nodes, each one undoable History step.
import type { SessionSnapshot } from "../session/history.ts";
import type { NamedAction } from "../session/act.ts";
import { actions } from "../session/named-actions.ts";
import type { GraphView } from "./graph-view.ts";
import type { LayoutController } from "./layout.ts";

type Positions = Record<string, [number, number]>;

/** Where the shown nodes are now: the centre and half the larger side of their bounding box (new layouts keep it). */
export function extentOf(points: readonly (readonly [number, number])[]): { cx: number; cy: number; radius: number } {
  if (points.length === 0) return { cx: 0, cy: 0, radius: 1 };
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, radius: Math.max(maxX - minX, maxY - minY, 1) / 2 };
}

/**
 * Rings around `focus`: a node d relations away (relations shown, either direction) on the ring of radius
 * d × spacing; each ring ordered by the angle of the node's parent in the ring inside it (then by key), so
 * branches stay together; nodes not connected to the focus on one outer ring.
 */
export function radialPositions(focus: string, nodes: readonly string[], edges: readonly (readonly [string, string])[], extent: { cx: number; cy: number; radius: number }): Positions {
  const shown = new Set(nodes);
  const neighbours = new Map<string, string[]>();
  for (const [s, t] of edges) {
    if (!shown.has(s) || !shown.has(t) || s === t) continue;
    neighbours.set(s, [...(neighbours.get(s) ?? []), t]);
    neighbours.set(t, [...(neighbours.get(t) ?? []), s]);
  }
  const depth = new Map<string, number>([[focus, 0]]);
  const parent = new Map<string, string>();
  const rings: string[][] = [[focus]];
  for (let d = 0; rings[d]?.length; d++) {
    const next: string[] = [];
    for (const node of rings[d]) {
      for (const other of [...(neighbours.get(node) ?? [])].sort()) {
        if (depth.has(other)) continue;
        depth.set(other, d + 1);
        parent.set(other, node);
        next.push(other);
      }
    }
    if (next.length) rings.push(next);
  }
  const unreached = nodes.filter((n) => !depth.has(n)).sort();
  if (unreached.length) rings.push(unreached);
  const spacing = extent.radius / Math.max(1, rings.length - 1);
  const angle = new Map<string, number>([[focus, 0]]);
  const out: Positions = { [focus]: [extent.cx, extent.cy] };
  rings.forEach((ring, d) => {
    if (d === 0) return;
    const ordered = [...ring].sort((a, b) => (angle.get(parent.get(a) ?? "") ?? 0) - (angle.get(parent.get(b) ?? "") ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
    ordered.forEach((node, i) => {
      const theta = (2 * Math.PI * i) / ordered.length;
      angle.set(node, theta);
      out[node] = [extent.cx + d * spacing * Math.cos(theta), extent.cy + d * spacing * Math.sin(theta)];
    });
  });
  return out;
}

/** The shown nodes evenly on one circle, in the given order. */
export function circularPositions(nodes: readonly string[], extent: { cx: number; cy: number; radius: number }): Positions {
  return Object.fromEntries(nodes.map((node, i) => [node, [extent.cx + extent.radius * Math.cos((2 * Math.PI * i) / nodes.length), extent.cy + extent.radius * Math.sin((2 * Math.PI * i) / nodes.length)]]));
}

/** What arranging needs from the session controller. */
export interface ArrangeSession {
  pinned: readonly string[];
  layoutStarted(): void;
  positionsChanged(): void;
  snapshot(): SessionSnapshot;
  act(action: NamedAction): void;
}

export class Arranger {
  constructor(
    private readonly view: GraphView,
    private readonly layout: LayoutController,
    private readonly session: () => ArrangeSession | null,
    private readonly labelOf: (iri: string) => string,
  ) {}

  radial(focus: string): void {
    const { nodes, edges } = this.shown();
    this.apply(radialPositions(focus, nodes, edges, this.extent(nodes)), `Radial layout around ${this.labelOf(focus)}`);
  }

  circular(): void {
    const { nodes } = this.shown();
    // Neighbours side by side: nodes in the order of their class, then name.
    const g = this.view.graph;
    const ordered = [...nodes].sort((a, b) => g.getNodeAttribute(a, "colourClass").localeCompare(g.getNodeAttribute(b, "colourClass")) || g.getNodeAttribute(a, "label").localeCompare(g.getNodeAttribute(b, "label")));
    this.apply(circularPositions(ordered, this.extent(nodes)), "Circle layout");
  }

  /** noverlap alone (as after every ForceAtlas2 run): nodes that cover each other are pushed apart. */
  removeOverlaps(): void {
    const session = this.session();
    session?.layoutStarted();
    this.layout.untangle(undefined, () => this.record("Remove overlaps"));
  }

  private shown(): { nodes: string[]; edges: [string, string][] } {
    const { nodes, edges } = this.view.visible();
    return { nodes, edges: edges.map((e) => this.view.graph.extremities(e) as [string, string]) };
  }

  private extent(nodes: readonly string[]) {
    return extentOf(nodes.map((n) => [this.view.graph.getNodeAttribute(n, "x"), this.view.graph.getNodeAttribute(n, "y")] as const));
  }

  /** Moves the nodes (pinned ones stay where they are) and records the arrangement as one step. */
  private apply(positions: Positions, label: string): void {
    const session = this.session();
    session?.layoutStarted();
    const pinned = new Set(session?.pinned ?? []);
    const g = this.view.graph;
    this.view.batch(() => {
      for (const [node, [x, y]] of Object.entries(positions)) if (!pinned.has(node) && g.hasNode(node)) g.mergeNodeAttributes(node, { x, y });
    });
    this.record(label);
    // The arrangement as a whole: the camera frames it (sigma indexes the moved nodes at its next frame).
    requestAnimationFrame(() => this.view.fitNodes([]));
  }

  private record(label: string): void {
    this.layout.save();
    const session = this.session();
    if (!session) return;
    session.positionsChanged();
    session.act({ ...actions.runLayout(session.snapshot().layout.positions), label });
  }
}
