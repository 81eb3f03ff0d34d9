// Camera framing: fits nodes into the part of the graph area that no overlay (legend, notice, panels) covers.
import type Sigma from "sigma";
import type { Attributes } from "graphology-types";

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Over the graph but transient or under the pointer only: a fit leaves no room for them. */
const TRANSIENT = ".progress, .drop-zone, .info-banner, .error-banner, .toasts, .context-menu, .marquee";
/** Pixels kept free round the framed nodes (their labels run past them). */
const MARGIN = 36;
/** Labels are drawn to the right of their nodes: this much more room is kept on that side. */
const LABEL_ROOM = 90;
/** Less room than this left by the overlays: frame in the whole graph area instead. */
const MIN_FREE = 120;

const areaOf = (r: Rect) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);

/**
 * The largest part of `area` that `covers` leave free, each cover cut off along the side that keeps the most
 * (the legend at the bottom leaves the part above it; a panel down one side, the part beside it). Pure.
 */
export function freeArea(area: Rect, covers: readonly Rect[]): Rect {
  let free = area;
  for (const c of covers) {
    if (c.right <= free.left || c.left >= free.right || c.bottom <= free.top || c.top >= free.bottom) continue;
    const sides: Rect[] = [
      { ...free, bottom: Math.min(free.bottom, c.top) },
      { ...free, top: Math.max(free.top, c.bottom) },
      { ...free, right: Math.min(free.right, c.left) },
      { ...free, left: Math.max(free.left, c.right) },
    ];
    free = sides.reduce((best, side) => (areaOf(side) > areaOf(best) ? side : best));
  }
  return free;
}

/** What covers the graph container: its visible siblings (legend, notice, SPARQL panel, ...), relative to the container. */
export function overlayRects(container: HTMLElement): Rect[] {
  const origin = container.getBoundingClientRect();
  const out: Rect[] = [];
  for (const element of Array.from(container.parentElement?.children ?? [])) {
    if (element === container || !(element instanceof HTMLElement) || element.hidden || element.matches(TRANSIENT)) continue;
    const r = element.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || getComputedStyle(element).visibility === "hidden") continue;
    out.push({ left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top });
  }
  return out;
}

/**
 * Animates the camera so that `nodes` fill the free part of the view (`covers` left out), centred in it. Sizes are
 * taken into account (sigma draws nodes larger as it zooms in, by the square root of the zoom).
 */
export function fitCamera<N extends Attributes, E extends Attributes>(sigma: Sigma<N, E>, nodes: readonly string[], covers: readonly Rect[], duration = 500): void {
  const camera = sigma.getCamera();
  const identity = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity, radius = 0;
  for (const node of nodes) {
    const data = sigma.getNodeDisplayData(node);
    // Hidden: not drawn, or not yet reduced (added in a batch whose refresh is pending).
    if (!data || data.hidden) continue;
    const p = sigma.framedGraphToViewport(data, { cameraState: identity });
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
    radius = Math.max(radius, data.size);
  }
  if (minX > maxX) {
    void camera.animate(identity, { duration });
    return;
  }
  const { width, height } = sigma.getDimensions();
  let free = freeArea({ left: 0, top: 0, right: width, bottom: height }, covers);
  if (free.right - free.left < MIN_FREE || free.bottom - free.top < MIN_FREE) free = { left: 0, top: 0, right: width, bottom: height };
  if (free.right - free.left > 4 * LABEL_ROOM) free = { ...free, right: free.right - LABEL_ROOM };
  // Room for the nodes' centres: the free area less the margin and the largest node as drawn at that zoom.
  const ratioFor = (r: number) => {
    const pad = 2 * (MARGIN + radius / Math.sqrt(r));
    return Math.max((maxX - minX) / Math.max(1, free.right - free.left - pad), (maxY - minY) / Math.max(1, free.bottom - free.top - pad));
  };
  const clamp = (r: number) => Math.min(3, Math.max(0.08, r));
  const ratio = clamp(ratioFor(clamp(ratioFor(1))));
  // The camera that puts the nodes' centre in the free area's centre: look at the point as far from the nodes'
  // centre as the free area's centre is from the view's, on the other side.
  const centre = sigma.viewportToFramedGraph({ x: (minX + maxX) / 2, y: (minY + maxY) / 2 }, { cameraState: identity });
  const shift = { x: width - (free.left + free.right) / 2, y: height - (free.top + free.bottom) / 2 };
  const look = sigma.viewportToFramedGraph(shift, { cameraState: { x: centre.x, y: centre.y, ratio, angle: 0 } });
  void camera.animate({ x: look.x, y: look.y, ratio, angle: 0 }, { duration });
}
