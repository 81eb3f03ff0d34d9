// Keeps the legend out of the drawing: the graph area ends where the legend, docked under it, begins, so no node is ever drawn beneath it.

/** Sets the graph's bottom edge to the legend's top whenever the legend's height changes (opened, closed, more classes). */
export function dockLegend(legend: HTMLElement, graph: HTMLElement, resized: () => void): () => void {
  let last = -1;
  const fit = () => {
    const height = legend.hidden ? 0 : legend.offsetHeight;
    if (height === last) return;
    last = height;
    graph.style.bottom = `${height}px`;
    // Sigma reads its container's size when it next draws.
    resized();
  };
  const observer = new ResizeObserver(fit);
  observer.observe(legend);
  fit();
  return () => observer.disconnect();
}
