// The data table's rows (no DOM): the nodes and relations shown, as cells, filtered by text and sorted by a column.

export type TableKind = "nodes" | "relations";

export interface Column {
  key: string;
  title: string;
  numeric?: boolean;
}

/** One row: its graph key (node IRI or edge key) and its cells, by column key. */
export interface Row {
  key: string;
  cells: Record<string, string | number>;
}

export const COLUMNS: Record<TableKind, readonly Column[]> = {
  nodes: [
    { key: "label", title: "Name" },
    { key: "class", title: "Class" },
    { key: "shown", title: "Relations shown", numeric: true },
    { key: "degree", title: "Relations in data", numeric: true },
    { key: "iri", title: "IRI" },
  ],
  relations: [
    { key: "source", title: "From" },
    { key: "relation", title: "Relation" },
    { key: "target", title: "To" },
    { key: "year", title: "Year", numeric: true },
    { key: "sourceIri", title: "From IRI" },
    { key: "predicate", title: "Relation IRI" },
    { key: "targetIri", title: "To IRI" },
  ],
};

/** Columns the narrow tab shows (the CSV has them all). */
export const SHOWN_COLUMNS: Record<TableKind, readonly string[]> = {
  nodes: ["label", "class", "shown"],
  relations: ["source", "relation", "target", "year"],
};

/** What the rows are read from: the drawn graph, limited to what is shown. */
export interface TableSource {
  nodeAttributes(node: string): { label: string; colourClass: string; degree: number };
  edge(edge: string): { source: string; target: string; predicate: string; label: string; year?: number };
  classLabel(iri: string): string;
}

export function nodeRows(source: TableSource, shown: { nodes: readonly string[]; edges: readonly string[] }): Row[] {
  const shownDegree = new Map<string, number>();
  for (const e of shown.edges) {
    const { source: s, target: t } = source.edge(e);
    shownDegree.set(s, (shownDegree.get(s) ?? 0) + 1);
    shownDegree.set(t, (shownDegree.get(t) ?? 0) + 1);
  }
  return shown.nodes.map((node) => {
    const a = source.nodeAttributes(node);
    return { key: node, cells: { label: a.label, class: a.colourClass ? source.classLabel(a.colourClass) : "", shown: shownDegree.get(node) ?? 0, degree: a.degree, iri: node } };
  });
}

export function relationRows(source: TableSource, shown: { edges: readonly string[] }): Row[] {
  return shown.edges.map((edge) => {
    const e = source.edge(edge);
    const label = (iri: string) => source.nodeAttributes(iri).label;
    return {
      key: edge,
      cells: { source: label(e.source), relation: e.label, target: label(e.target), year: e.year ?? "", sourceIri: e.source, predicate: e.predicate, targetIri: e.target },
    };
  });
}

/** Rows any of whose cells contains the text (case and accents ignored); all rows for blank text. */
export function filterRows(rows: readonly Row[], text: string): Row[] {
  const wanted = fold(text.trim());
  if (!wanted) return [...rows];
  return rows.filter((row) => Object.values(row.cells).some((cell) => fold(String(cell)).includes(wanted)));
}

export interface Sort {
  column: string;
  descending: boolean;
}

/** Rows sorted by a column: numbers as numbers (blanks last), text in the page's collation; ties by key, so the order is stable. */
export function sortRows(rows: readonly Row[], sort: Sort): Row[] {
  const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a.cells[sort.column];
    const y = b.cells[sort.column];
    if (x === "" && y !== "") return 1;
    if (y === "" && x !== "") return -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x ?? ""), String(y ?? ""));
    return order !== 0 ? sign * order : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
}

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
