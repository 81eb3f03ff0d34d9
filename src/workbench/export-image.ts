// Images of the view: SVG (vector: circles, edges, labels as text nodes) and a PNG at several times the screen's resolution.
import { toBlob } from "@sigma/export-image";
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";

type AnySigma = Sigma;
const SVG = "http://www.w3.org/2000/svg";

/** What is shown (after filters and "show only" queries). */
export interface Shown {
  nodes: readonly string[];
  edges: readonly string[];
}

/**
 * The view as SVG, as sigma draws it now (same camera, colours, sizes and the labels sigma shows): edges (straight
 * or curved as sigma curves parallel ones) with arrowheads, nodes, then labels. Built with DOM calls and written by
 * XMLSerializer, so a label is always text, never markup.
 */
export function viewSvg(sigma: AnySigma, shown: Shown): string {
  const { width, height } = sigma.getDimensions();
  const settings = sigma.getSettings();
  const doc = document.implementation.createDocument(SVG, "svg", null);
  const root = doc.documentElement;
  const el = (name: string, attrs: Record<string, string | number>, parent: Element = root): Element => {
    const e = doc.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    parent.appendChild(e);
    return e;
  };
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  el("rect", { width, height, fill: "#ffffff" });
  const at = (node: string) => {
    const d = sigma.getNodeDisplayData(node);
    if (!d || d.hidden) return null;
    const p = sigma.framedGraphToViewport(d);
    return { x: p.x, y: p.y, r: sigma.scaleSize(d.size), d };
  };
  const edges = el("g", { class: "edges" });
  const graph = sigma.getGraph();
  for (const edge of shown.edges) {
    const data = sigma.getEdgeDisplayData(edge);
    const [s, t] = graph.extremities(edge).map(at);
    if (!data || data.hidden || !s || !t) continue;
    const width = Math.max(0.5, sigma.scaleSize(data.size));
    const curvature = (data as { curvature?: number }).curvature ?? 0;
    // Sigma's curved edges bend their middle by curvature × length, to the left of source → target.
    const [cx, cy] = [(s.x + t.x) / 2 + (t.y - s.y) * curvature, (s.y + t.y) / 2 - (t.x - s.x) * curvature];
    // The arrow ends at the target's rim, pointing along the curve's last tangent (or the line).
    const [fx, fy] = curvature ? [cx, cy] : [s.x, s.y];
    const len = Math.hypot(t.x - fx, t.y - fy) || 1;
    const [ux, uy] = [(t.x - fx) / len, (t.y - fy) / len];
    const tip = [t.x - ux * t.r, t.y - uy * t.r];
    const head = Math.max(4, width * 3);
    const base = [tip[0] - ux * head, tip[1] - uy * head];
    el("path", { d: curvature ? `M${n(s.x)} ${n(s.y)}Q${n(cx)} ${n(cy)} ${n(base[0])} ${n(base[1])}` : `M${n(s.x)} ${n(s.y)}L${n(base[0])} ${n(base[1])}`, stroke: data.color, "stroke-width": n(width), fill: "none" }, edges);
    el("polygon", { points: [tip, [base[0] - uy * head * 0.5, base[1] + ux * head * 0.5], [base[0] + uy * head * 0.5, base[1] - ux * head * 0.5]].map(([x, y]) => `${n(x)},${n(y)}`).join(" "), fill: data.color }, edges);
  }
  const nodes = el("g", { class: "nodes" });
  const placed = shown.nodes.map((node) => [node, at(node)] as const).filter((e): e is readonly [string, NonNullable<ReturnType<typeof at>>] => e[1] !== null);
  // Drawn in sigma's order: higher zIndex (highlighted, selected) on top.
  placed.sort((a, b) => (a[1].d.zIndex ?? 0) - (b[1].d.zIndex ?? 0));
  for (const [node, p] of placed) {
    const circle = el("circle", { cx: n(p.x), cy: n(p.y), r: n(p.r), fill: p.d.color }, nodes);
    circle.setAttribute("data-node", node);
  }
  const labels = el("g", { class: "labels", "font-family": settings.labelFont, "font-size": settings.labelSize, "font-weight": settings.labelWeight, fill: settings.labelColor.color ?? "#000", stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" });
  const drawn = sigma.getNodeDisplayedLabels();
  for (const [node, p] of placed) {
    if (!drawn.has(node) || !p.d.label) continue;
    const text = el("text", { x: n(p.x + p.r + 3), y: n(p.y + settings.labelSize / 3) }, labels);
    text.textContent = p.d.label;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

/** Two decimals: the SVG stays small and exact enough for any screen. */
const n = (value: number) => Math.round(value * 100) / 100;

/**
 * The view as PNG at `scale` times its size on screen (the same framing): sigma redraws it in a larger temporary
 * canvas with node sizes, edge widths and labels scaled alike, so the picture is the screen's, sharper.
 */
export async function highResolutionPng(sigma: AnySigma, scale: number): Promise<Blob> {
  const { width, height } = sigma.getDimensions();
  const settings = sigma.getSettings();
  const nodeReducer = settings.nodeReducer;
  const edgeReducer = settings.edgeReducer;
  const scaled: Partial<Settings> = {
    labelSize: settings.labelSize * scale,
    edgeLabelSize: settings.edgeLabelSize * scale,
    labelGridCellSize: settings.labelGridCellSize * scale,
    labelRenderedSizeThreshold: settings.labelRenderedSizeThreshold * scale,
    stagePadding: settings.stagePadding * scale,
    nodeReducer: (node, attrs) => {
      const d = nodeReducer ? nodeReducer(node, attrs) : attrs;
      return { ...d, size: (d.size ?? 1) * scale };
    },
    edgeReducer: (edge, attrs) => {
      const d = edgeReducer ? edgeReducer(edge, attrs) : attrs;
      return { ...d, size: (d.size ?? 1) * scale };
    },
  };
  return toBlob(sigma, { width: width * scale, height: height * scale, backgroundColor: "#ffffff", sigmaSettings: scaled, format: "png" });
}
