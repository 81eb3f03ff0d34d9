// The view's graph as the data worker sends it (nodes, edges, the dataset summary): shared by both worker protocols.
import type { Timeline, YearSpan } from "../query/relation-dates.ts";

/** A node as the view draws it (graphology node key = IRI). */
export interface ViewNode {
  key: string;
  label: string;
  /** Class IRIs. */
  classes: string[];
  /** The class that colours the node and files it in the legend ("" for none). */
  colourClass: string;
  schema: boolean;
  /** Degree in the whole graph, not only in the view (drives size). */
  degree: number;
  /** A position from the worker's first layout (overviews only). */
  x?: number;
  y?: number;
}

/** An edge as the view draws it (graphology edge key = `e<id>`). */
export interface ViewEdge {
  key: string;
  source: string;
  target: string;
  predicate: string;
  label: string;
  /** Year of the relation's earliest evidence date, if any. */
  year?: number;
  /** When it happened (query/relation-dates.ts: its evidence's dates, its events' times) as year spans; absent: undated. */
  dates?: YearSpan[];
  /** IRIs of the distinct sources of its evidence (corroboration). */
  sources?: string[];
}

export interface ViewGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
}

export interface LegendEntry {
  iri: string;
  label: string;
  count: number;
}

/** Classes under one of the ontology's top classes (class-groups.ts): what "colour by class group" colours. */
export interface ClassGroup extends LegendEntry {
  /** The classes in the group (legend IRIs), by frequency. */
  classes: string[];
}

export interface DatasetSummary {
  quads: number;
  nodes: number;
  edges: number;
  instances: number;
  /** A hash of the loaded texts: the key of cached positions. */
  hash: string;
  classes: LegendEntry[];
  predicates: LegendEntry[];
  years: { min: number; max: number } | null;
  files: string[];
  /** Old predicate IRIs (ontology/migration.ttl) and the current ones: a filter or link naming an old one means the new. */
  replacedPredicates: Record<string, string>;
  /** The legend's classes grouped by their top class, biggest group first. */
  groups?: ClassGroup[];
  /** The sources the relations cite, with how many relations each states. */
  sources?: LegendEntry[];
  /** Relations per year of their dates (the Filters tab's histogram); null when none is dated. */
  timeline?: Timeline | null;
}
