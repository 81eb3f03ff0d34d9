// Where the nodes are and how the view looks: positions, camera, pinned nodes and appearance choices (plain JSON).

export interface Camera {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export interface SessionLayout {
  /** Node IRI → [x, y] in graph coordinates. */
  positions: Record<string, [number, number]>;
  camera: Camera;
  /** Node IRIs the analyst fixed in place (layouts leave them where they are). */
  pinned: string[];
}

export interface Appearance {
  /** Multiplies node sizes (0.25..4). */
  nodeScale: number;
  /** How many labels are drawn: 0 none .. 1 default .. 3 dense. */
  labelDensity: number;
  /** Class IRI (or, colouring by group, a group's top class IRI) → colour (`#rrggbb`), overriding the palette. */
  colours: Record<string, string>;
  /** What node colours stand for: each class, or its group (the ontology's top class it falls under). Absent: "class". */
  colourBy?: ColourBy;
  /** What node sizes stand for: relations in the data, or betweenness or PageRank in the view. Absent: "degree". */
  sizeBy?: SizeBy;
}

export const COLOUR_BY = ["class", "group"] as const;
export type ColourBy = (typeof COLOUR_BY)[number];
export const SIZE_BY = ["degree", "betweenness", "pagerank"] as const;
export type SizeBy = (typeof SIZE_BY)[number];

/**
 * Bounds for a camera and positions read from a session file or a share link: far beyond any real view (sigma's
 * camera works in a unit frame; layouts place nodes within thousands of units), and short of the infinities that
 * values such as 1e308 become in sigma's matrices.
 */
export const VIEW_LIMITS = { cameraCoordinate: 1e6, cameraAngle: 1e4, position: 1e9 } as const;

export function defaultCamera(): Camera {
  return { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
}

export function emptyLayout(): SessionLayout {
  return { positions: {}, camera: defaultCamera(), pinned: [] };
}

export function defaultAppearance(): Appearance {
  return { nodeScale: 1, labelDensity: 1, colours: {} };
}

/** Whether two position records place the same nodes at the same points. */
export function samePositions(a: SessionLayout["positions"], b: SessionLayout["positions"]): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((iri) => Object.hasOwn(b, iri) && a[iri][0] === b[iri][0] && a[iri][1] === b[iri][1]);
}

/** Pure producers for the layout (positions are records built with fromEntries: no prototype keys). */
export const moveNodes = (moves: Readonly<Record<string, readonly [number, number]>>) => (layout: SessionLayout): SessionLayout => ({
  ...layout,
  positions: Object.fromEntries([
    ...Object.entries(layout.positions).filter(([iri]) => !Object.hasOwn(moves, iri)),
    ...Object.entries(moves).map(([iri, [x, y]]) => [iri, [x, y] as [number, number]]),
  ]),
});
export const setCamera = (camera: Camera) => (layout: SessionLayout): SessionLayout => ({ ...layout, camera: { ...camera } });
export const setPinned = (nodes: readonly string[], pinned: boolean) => (layout: SessionLayout): SessionLayout => ({
  ...layout,
  pinned: pinned ? [...new Set([...layout.pinned, ...nodes])] : layout.pinned.filter((n) => !nodes.includes(n)),
});
export const setAppearance = (patch: Partial<Appearance>) => (appearance: Appearance): Appearance => ({ ...appearance, ...patch });
