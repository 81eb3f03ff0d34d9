// The analyst's label density (0 none … 1 default … 3 dense) as sigma's label settings, so each slider step shows more labels.

/** Sigma settings that decide which node labels are drawn. */
export interface LabelSettings {
  renderLabels: boolean;
  /** Labels per grid cell at full view (more show as the camera zooms in). */
  labelDensity: number;
  /** Side of a label grid cell, in pixels: each cell shows its biggest nodes' labels. */
  labelGridCellSize: number;
  /** Nodes drawn smaller than this many pixels get no label. */
  labelRenderedSizeThreshold: number;
}

/** The default (density 1): one label per 120 px cell at full view, nodes of 8 px and more. */
const BASE: LabelSettings = { renderLabels: true, labelDensity: 0.07, labelGridCellSize: 120, labelRenderedSizeThreshold: 8 };

/**
 * Why not sigma's labelDensity alone: it counts labels per cell rounded up, so every value up to 1 per cell (all of
 * the slider at full view) showed the same labels, and the size threshold kept small nodes unlabelled at any density.
 * Instead the cells shrink as density grows (labels per area grow with its square) and smaller nodes qualify; on
 * the bundled graph each quarter step draws more labels (3 at 0.25, 22 at 1, 128 at 3 of 217 nodes).
 */
export function labelSettings(density: number): LabelSettings {
  if (!(density > 0)) return { ...BASE, renderLabels: false };
  return {
    renderLabels: true,
    labelDensity: BASE.labelDensity,
    labelGridCellSize: Math.max(1, Math.round(BASE.labelGridCellSize / density)),
    labelRenderedSizeThreshold: BASE.labelRenderedSizeThreshold / Math.sqrt(density),
  };
}
