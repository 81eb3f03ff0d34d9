// The graph by keyboard: the canvas is a focusable "graph" whose arrow keys move a cursor between shown neighbours, Enter selects, and a live region says where it is.
import { selectNode, toggleNodeSelected, type SessionStore } from "../session/index.ts";
import "./a11y.css";
import { h } from "./dom.ts";
import type { GraphView } from "./graph-view.ts";
import { nearestInDirection, type Direction, type ScreenPoint } from "./graph-cursor.ts";
import { isAdditiveClick } from "./selection.ts";

export interface GraphKeyboardHost {
  view: GraphView;
  store: SessionStore;
  /** A class's label, for saying what a node is. */
  labelOf(iri: string): string;
}

const ARROWS: Record<string, Direction> = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };
export const GRAPH_LABEL = "Knowledge graph. Arrow keys move to the neighbour in that direction, Enter selects it, Escape leaves it; F fits the view.";
/** How close to the graph's edge (px) the cursor may come before the camera follows it. */
const MARGIN = 40;

/** Makes the view's container keyboard-reachable; returns the cleanup. */
export function attachGraphKeyboard(host: GraphKeyboardHost): () => void {
  const { view, store } = host;
  const { cursor, sigma, graph } = view;
  const container = sigma.getContainer();
  container.tabIndex = 0;
  container.setAttribute("role", "application");
  container.setAttribute("aria-roledescription", "graph");
  container.setAttribute("aria-label", GRAPH_LABEL);
  const live = h("div", { id: "graph-live", class: "visually-hidden", attrs: { "aria-live": "polite", "aria-atomic": "true" } });
  container.after(live);
  const say = (text: string) => (live.textContent = text);

  const screen = (node: string): ScreenPoint | null => {
    const data = sigma.getNodeDisplayData(node);
    return data ? { node, ...sigma.framedGraphToViewport(data) } : null;
  };
  /** The shown nodes, and the shown neighbours of `node` (over relations the filters leave visible). */
  const shown = (node: string | null) => {
    const visible = view.visible();
    const nodes = new Set(visible.nodes);
    const neighbours = new Set<string>();
    if (node !== null && nodes.has(node)) {
      const edges = new Set(visible.edges);
      graph.forEachEdge(node, (edge, _attrs, source, target) => {
        if (edges.has(edge)) neighbours.add(source === node ? target : source);
      });
      neighbours.delete(node);
    }
    return { nodes, neighbours };
  };
  const describe = (node: string, neighbours: number) => {
    const cls = graph.getNodeAttribute(node, "colourClass");
    return `${graph.getNodeAttribute(node, "label")}, ${cls ? host.labelOf(cls) : "no class"}, ${neighbours} ${neighbours === 1 ? "neighbour" : "neighbours"}`;
  };
  /** Where the cursor starts: the selected node if shown, else the shown node nearest the middle of the view. */
  const start = (nodes: Set<string>): string | null => {
    const selection = store.get().selection;
    const selected = selection.kind === "node" ? selection.node : selection.kind === "nodes" ? selection.nodes[0] : null;
    if (selected && nodes.has(selected)) return selected;
    const { width, height } = sigma.getDimensions();
    let best: string | null = null;
    let distance = Infinity;
    for (const node of nodes) {
      const p = screen(node);
      const d = p ? Math.hypot(p.x - width / 2, p.y - height / 2) : Infinity;
      if (d < distance) [best, distance] = [node, d];
    }
    return best;
  };
  const follow = (node: string) => {
    const p = screen(node);
    const data = sigma.getNodeDisplayData(node);
    const { width, height } = sigma.getDimensions();
    if (p && data && (p.x < MARGIN || p.y < MARGIN || p.x > width - MARGIN || p.y > height - MARGIN)) {
      void sigma.getCamera().animate({ x: data.x, y: data.y }, { duration: 300 });
    }
  };
  /** The cursor's node if it is on a shown one; else puts it on one, says where, and returns null (that key press placed it). */
  const ensure = (): string | null => {
    const current = cursor.current;
    const { nodes } = shown(current);
    if (current !== null && nodes.has(current)) return current;
    const first = start(nodes);
    cursor.set(first);
    if (first === null) say("The graph shows no nodes.");
    else {
      follow(first);
      say(`${describe(first, shown(first).neighbours.size)}. Arrow keys move to a neighbour, Enter selects.`);
    }
    return null;
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const direction = ARROWS[event.key];
    if (direction) {
      event.preventDefault();
      cursor.show(true);
      const from = ensure();
      if (from === null) return;
      const { neighbours } = shown(from);
      const origin = screen(from);
      const candidates = [...neighbours].map(screen).filter((p): p is ScreenPoint => p !== null);
      const next = origin && nearestInDirection(origin, candidates, direction);
      if (!next) {
        say(neighbours.size ? `No neighbour ${direction === "left" || direction === "right" ? `to the ${direction}` : direction === "up" ? "above" : "below"}.` : `${graph.getNodeAttribute(from, "label")} has no neighbour shown.`);
        return;
      }
      cursor.set(next);
      follow(next);
      say(describe(next, shown(next).neighbours.size));
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      cursor.show(true);
      const node = cursor.current !== null && shown(null).nodes.has(cursor.current) ? cursor.current : null;
      if (node === null) return void ensure();
      // As a click does: Shift adds the node to the selection or takes it out; selecting is no step of its own.
      store.apply(isAdditiveClick(event) ? toggleNodeSelected(node) : selectNode(node));
      say(`Selected ${graph.getNodeAttribute(node, "label")}.`);
    } else if (event.key === "Escape" && cursor.current !== null) {
      // Esc leaves the node first; pressed again, it reaches the page's Esc (clear the selection).
      event.stopPropagation();
      cursor.set(null);
      say("Left the node.");
    }
  };
  // Only keyboard focus shows the cursor: a click focuses the canvas too, and then the pointer is what steers.
  const onFocus = () => {
    if (!container.matches(":focus-visible")) return;
    cursor.show(true);
    ensure();
  };
  const onBlur = () => cursor.show(false);
  const onPointer = () => {
    cursor.show(false);
    cursor.set(null);
  };
  container.addEventListener("keydown", onKey);
  container.addEventListener("focus", onFocus);
  container.addEventListener("blur", onBlur);
  container.addEventListener("pointerdown", onPointer);
  return () => {
    container.removeEventListener("keydown", onKey);
    container.removeEventListener("focus", onFocus);
    container.removeEventListener("blur", onBlur);
    container.removeEventListener("pointerdown", onPointer);
    live.remove();
  };
}
