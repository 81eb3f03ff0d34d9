// Benchmark rows and their rendering as a markdown table, for the terminal, results.json and bench/RESULTS.md.
import type { Summary } from "./stats.ts";

export interface Row {
  name: string;
  /** Timing in ms, when the row is a timing. */
  stats?: Summary;
  /** A non-timing figure (bytes per triple, counts), shown in the median column. */
  value?: string;
  /** The same-run baseline the ratio is against, and the ratio of medians (or of the figure). */
  baseline?: string;
  ratio?: number;
  /** The target, in words, and whether this run meets it (undefined: no target). */
  target?: string;
  ok?: boolean;
  note?: string;
  /** The 1-minute load average while it was measured ("2.1", or "1.8–2.6" at its start and end). */
  load?: string;
}

export interface SizeReport {
  label: string;
  triples: number;
  fileBytes: number;
  nodes: number;
  edges: number;
  rows: Row[];
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return "";
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

const okMark = (ok: boolean | undefined) => (ok === undefined ? "" : ok ? "✓" : "✗");

export function markdownTable(report: SizeReport): string {
  const lines = [
    `### ${report.label} triples (${report.triples.toLocaleString("en")} parsed, ${(report.fileBytes / 1e6).toFixed(1)} MB Turtle, ${report.nodes.toLocaleString("en")} nodes, ${report.edges.toLocaleString("en")} edges)`,
    "",
    "| measurement | median | p90 | max | n | vs same-run baseline | target | met | load avg |",
    "|---|---:|---:|---:|---:|---|---|:-:|---:|",
  ];
  for (const row of report.rows) {
    const median = row.stats ? formatMs(row.stats.median) : (row.value ?? "");
    const ratio = row.ratio === undefined ? "" : `${row.ratio.toFixed(2)}x ${row.baseline ?? ""}`.trim();
    const name = row.note ? `${row.name} <sub>${row.note}</sub>` : row.name;
    lines.push(
      `| ${name} | ${median} | ${formatMs(row.stats?.p90)} | ${formatMs(row.stats?.max)} | ${row.stats?.samples ?? ""} | ${ratio} | ${row.target ?? ""} | ${okMark(row.ok)} | ${row.load ?? ""} |`,
    );
  }
  return lines.join("\n");
}
