// Positions for nodes new to the view (data added, schema shown) next to their neighbours, leaving every placed node where it is.

/** The little of a graphology graph the placement needs. */
export interface PlacementGraph {
  getNodeAttributes(node: string): { x: number; y: number };
  mergeNodeAttributes(node: string, attrs: { x: number; y: number }): void;
  neighbors(node: string): string[];
  forEachNode(callback: (node: string, attrs: { x: number; y: number }) => void): void;
}

/** Spreads siblings round their neighbour without two landing on one spot. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Places `fresh` nodes (those the analyst has not seen) and nothing else: each goes at about one typical neighbour
 * distance from the middle of its placed neighbours, breadth first, so a chain of new nodes grows out from what is
 * on screen; nodes with no way to a placed node go on a ring round the rest. Why not a layout run: ForceAtlas2
 * moves every node not pinned, and the analyst's arrangement is their work.
 */
export function placeNewNodes(graph: PlacementGraph, fresh: ReadonlySet<string>): void {
  const placed = new Set<string>();
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  graph.forEachNode((node, { x, y }) => {
    if (fresh.has(node)) return;
    placed.add(node);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  if (placed.size === 0 || fresh.size === 0) return;
  const extent = Math.max(maxX - minX, maxY - minY);
  const spacing = extent > 0 ? extent / Math.sqrt(placed.size) : 1;
  const children = new Map<string, number>();
  let waiting = [...fresh];
  while (waiting.length) {
    const layer: [string, number, number][] = [];
    const rest: string[] = [];
    for (const node of waiting) {
      const anchors = graph.neighbors(node).filter((n) => placed.has(n));
      if (anchors.length === 0) {
        rest.push(node);
        continue;
      }
      let x = 0, y = 0;
      for (const a of anchors) {
        const p = graph.getNodeAttributes(a);
        x += p.x / anchors.length;
        y += p.y / anchors.length;
      }
      const k = children.get(anchors[0]) ?? 0;
      children.set(anchors[0], k + 1);
      const radius = spacing * (1 + 0.2 * Math.floor(k / 6));
      layer.push([node, x + Math.cos(k * GOLDEN_ANGLE) * radius, y + Math.sin(k * GOLDEN_ANGLE) * radius]);
    }
    if (layer.length === 0) break;
    // Placed a layer at a time, so nodes of one layer do not anchor each other.
    for (const [node, x, y] of layer) {
      graph.mergeNodeAttributes(node, { x, y });
      placed.add(node);
    }
    waiting = rest;
  }
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  const ring = extent / 2 + spacing;
  waiting.forEach((node, i) => {
    const angle = (i * 2 * Math.PI) / waiting.length;
    graph.mergeNodeAttributes(node, { x: cx + Math.cos(angle) * ring, y: cy + Math.sin(angle) * ring });
  });
}
