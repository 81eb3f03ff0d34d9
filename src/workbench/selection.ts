// Pure helpers for selecting several nodes: which clicks add to the selection, nodes in a marquee, neighbours of a selection.

/** Shift, Ctrl or Cmd held: the click adds a node to the selection or takes it out (as in Gephi, yEd, Cytoscape). */
export function isAdditiveClick(event: MouseEvent | TouchEvent | { shiftKey?: boolean; ctrlKey?: boolean; metaKey?: boolean }): boolean {
  return !!(event.shiftKey || event.ctrlKey || event.metaKey);
}

/** A rectangle on the screen, from where the drag started to where it is (either corner first). */
export interface ScreenRectangle {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The nodes whose screen position lies inside the rectangle, among those `isShown` accepts (filters hide some), in
 * the graph's order. `toScreen` is sigma's graphToViewport over the node's display position.
 */
export function nodesInRectangle(
  rectangle: ScreenRectangle,
  nodes: Iterable<string>,
  toScreen: (node: string) => { x: number; y: number } | null,
  isShown: (node: string) => boolean,
): string[] {
  const left = Math.min(rectangle.x1, rectangle.x2);
  const right = Math.max(rectangle.x1, rectangle.x2);
  const top = Math.min(rectangle.y1, rectangle.y2);
  const bottom = Math.max(rectangle.y1, rectangle.y2);
  const inside: string[] = [];
  for (const node of nodes) {
    if (!isShown(node)) continue;
    const p = toScreen(node);
    if (p && p.x >= left && p.x <= right && p.y >= top && p.y <= bottom) inside.push(node);
  }
  return inside;
}

/** The selection and its shown neighbours (either direction), selection first, without duplicates. */
export function withNeighbours(selected: readonly string[], neighbours: (node: string) => string[], isShown: (node: string) => boolean): string[] {
  const out = new Set(selected);
  for (const node of selected) for (const other of neighbours(node)) if (isShown(other)) out.add(other);
  return [...out];
}
