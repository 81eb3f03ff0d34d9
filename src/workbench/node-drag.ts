// Dragging a node to a new place with the mouse; the view reports where it was and where it was dropped.
import type { MultiDirectedGraph } from "graphology";
import type Sigma from "sigma";
import type { EdgeAttributes, NodeAttributes } from "./view-attributes.ts";

/** Lets the analyst drag a node to a new place (the layout keeps it there until it runs again). */
export function enableDragging(
  sigma: Sigma<NodeAttributes, EdgeAttributes>,
  graph: MultiDirectedGraph<NodeAttributes, EdgeAttributes>,
  onMoved: (node: string, from: [number, number], to: [number, number]) => void,
): void {
  let dragged: string | null = null;
  let start: [number, number] = [0, 0];
  let moved = false;
  sigma.on("downNode", ({ node }) => {
    dragged = node;
    moved = false;
    const attrs = graph.getNodeAttributes(node);
    start = [attrs.x, attrs.y];
    sigma.getCamera().disable();
  });
  sigma.getMouseCaptor().on("mousemovebody", (event) => {
    if (!dragged) return;
    const position = sigma.viewportToGraph(event);
    graph.mergeNodeAttributes(dragged, { x: position.x, y: position.y });
    moved = true;
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  const drop = () => {
    if (!dragged) return;
    const node = dragged;
    dragged = null;
    sigma.getCamera().enable();
    if (!moved) return;
    const attrs = graph.getNodeAttributes(node);
    onMoved(node, start, [attrs.x, attrs.y]);
  };
  sigma.getMouseCaptor().on("mouseup", drop);
  sigma.getMouseCaptor().on("mouseleave", drop);
}
