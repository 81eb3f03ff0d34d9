// The session report: one self-contained HTML file (inline CSS, no scripts, every datum escaped) with view, queries, quotes, notes, Turtle.
import type { GraphIndex } from "../graph/types.ts";
import { evidencePlace, pageText } from "../query/explain.ts";
import { pathChain } from "../query/path-chain.ts";
import type { SessionFile } from "./format.ts";
import { localName } from "../graph/labels.ts";
import { findEdge } from "./replay.ts";
import { recordedWithEdges } from "./recorded-edges.ts";
import { parseTripleKey, queryKinds, tripleKey, type EdgeTriple, type HistoryEntry, type RecordedResult } from "./history.ts";
import type { EvidenceView } from "./types.ts";

export interface ReportOptions {
  /** The view as a PNG data URL (`data:image/png;base64,...`); anything else is left out. */
  imagePng?: string;
  /** The Turtle of the final subgraph. */
  turtle: string;
  /** The data, for labels, explanations and evidence quotes of every query step (else what the file recorded). */
  graph?: GraphIndex;
  /** Without a graph (in the browser): evidence by triple key (`tripleKey`), e.g. fetched from the data worker. */
  evidence?: Readonly<Record<string, EvidenceView[]>>;
  /** When the report was made (ISO time); default now. */
  generatedAt?: string;
}

const html = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
export { html as escapeHtml };

const pngDataUrl = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

const style = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d232b;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #d6dbe1;padding-bottom:.2rem}
.meta{color:#5b6672;font-size:.9rem}table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #eef0f3;text-align:left;vertical-align:top}
.step{margin:1.2rem 0;padding:.6rem .9rem;border-left:3px solid #3c78d8;background:#f7f9fc}.step h3{margin:.1rem 0 .4rem;font-size:1.05rem}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:2px solid #c9ced6;color:#333;font-style:italic}
.place{color:#5b6672;font-size:.85rem;font-style:normal}.note{white-space:pre-wrap;background:#fffbe6;padding:.5rem .8rem;border:1px solid #f0e3a4}
pre{white-space:pre-wrap;word-break:break-all;background:#f4f5f7;padding:.8rem;font-size:.8rem;border:1px solid #e1e4e8}
img.view{max-width:100%;border:1px solid #d6dbe1}code{font-size:.85em}`;

/** The whole report as one HTML document. */
export function renderReport(file: SessionFile, options: ReportOptions): string {
  return [...renderReportParts(file, { ...options, turtle: [options.turtle] })].join("");
}

/**
 * The report in pieces (a Blob of parts, or written one by one): the HTML before the Turtle, the Turtle's pieces
 * escaped one by one as they are taken, the end; joined, the same text as renderReport's, so a large Turtle never
 * becomes one string.
 */
export function* renderReportParts(file: SessionFile, options: Omit<ReportOptions, "turtle"> & { turtle: Iterable<string> }): Generator<string> {
  const g = options.graph;
  const labelOf = (iri: string): string => {
    const n = g ? g.nodeByIri(iri) : -1;
    if (n >= 0 && g) return g.label(n);
    if (Object.hasOwn(file.labels, iri)) return file.labels[iri];
    return localName(iri);
  };
  const node = (iri: string) => `<span title="${html(iri)}">${html(labelOf(iri))}</span>`;
  const parts: string[] = [];
  parts.push(`<h1>${html(file.name)}</h1>`);
  parts.push(`<p class="meta">Session saved ${html(file.savedAt)} (started ${html(file.createdAt)}); report made ${html(options.generatedAt ?? new Date().toISOString())}.</p>`);
  parts.push(sourcesSection(file));
  if (options.imagePng !== undefined && pngDataUrl.test(options.imagePng)) {
    parts.push(`<h2>The view</h2><img class="view" alt="The graph as shown in the workbench" src="${html(options.imagePng)}">`);
  }
  if (file.notes.session.trim()) parts.push(`<h2>Session note</h2><div class="note">${html(file.notes.session)}</div>`);
  parts.push(`<h2>Queries</h2>`);
  const queries = file.history.filter((e, i) => i <= file.cursor && queryKinds.includes(e.action.kind));
  if (queries.length === 0) parts.push(`<p>No queries were run in this session.</p>`);
  const lastPath = [...queries].reverse().find((e) => e.action.kind === "path" || e.action.kind === "connect");
  const lookup = (t: EdgeTriple, isLastPath: boolean) => evidenceOf(file, t, g, isLastPath, options.evidence);
  for (const entry of queries) parts.push(stepSection(entry, recordedWithEdges(file, entry), entry === lastPath, lookup, g, node));
  parts.push(notesSection(file, node));
  parts.push(`<h2>Turtle of the final subgraph</h2><pre>`);
  const head = [
    "<!DOCTYPE html>",
    `<html lang="en"><head><meta charset="utf-8">`,
    // No scripts, no fetches: only inline style and data: images may load, whatever the data says.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${html(file.name)} — smartcity-kg session report</title><style>${style}</style></head>`,
    `<body>${parts.join("\n")}`,
  ].join("\n");
  yield head;
  yield* escapedPieces(options.turtle);
  yield "</pre></body></html>\n";
}

/**
 * Each piece escaped on its own: html() replaces single characters, so the escaped pieces join to the escaped whole
 * whatever the boundaries (inside `</script` or `&amp;` too). Only a surrogate pair split between two pieces is held
 * back to the next, since a Blob encodes each part alone and would write a lone half as U+FFFD.
 */
function* escapedPieces(pieces: Iterable<string>): Generator<string> {
  let carried = "";
  for (const piece of pieces) {
    let text = carried + piece;
    carried = "";
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      carried = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (text !== "") yield html(text);
  }
  if (carried !== "") yield html(carried);
}

function sourcesSection(file: SessionFile): string {
  if (file.sources.length === 0) return "";
  const rows = file.sources.map((s) => `<tr><td>${html(s.name)}</td><td>${s.kind === "bundled" ? "bundled" : "loaded file"}</td><td><code>${html(s.sha256.slice(0, 16))}…</code></td></tr>`);
  return `<h2>Data</h2><table><tr><th>Source</th><th>Kind</th><th>SHA-256</th></tr>${rows.join("")}</table>`;
}

/** Evidence of a triple: from the graph when given, else from the file's path results. */
function evidenceOf(file: SessionFile, t: EdgeTriple, g: GraphIndex | undefined, usePathResults: boolean, given?: Readonly<Record<string, EvidenceView[]>>): EvidenceView[] {
  const key = tripleKey(t);
  if (given && Object.hasOwn(given, key)) return given[key];
  if (g) {
    const e = findEdge(g, t);
    return e < 0 ? [] : g.evidence(e).map((ev) => ({ ...ev, locator: evidencePlace(ev) }));
  }
  if (!usePathResults) return [];
  for (const result of file.state.path.results) {
    for (const step of result.steps) {
      const triple = step.forward ? { source: step.from, target: step.to } : { source: step.to, target: step.from };
      if (triple.source === t.source && triple.target === t.target && step.predicate === t.predicate) return step.evidence;
    }
  }
  return [];
}

function quotes(evidence: EvidenceView[]): string {
  return evidence
    .filter((ev) => ev.quote)
    .map((ev) => {
      const place = [ev.locator, ev.page !== undefined && !ev.locator.includes(`p. ${ev.page}`) ? pageText(ev) : "", ev.date ?? "", ev.sourceLabel].filter(Boolean).join(" · ");
      return `<blockquote>“${html(ev.quote)}” <span class="place">— ${html(place)}</span></blockquote>`;
    })
    .join("");
}

function stepSection(
  entry: HistoryEntry,
  found: ReturnType<typeof recordedWithEdges>,
  isLastPath: boolean,
  evidence: (t: EdgeTriple, isLastPath: boolean) => EvidenceView[],
  g: GraphIndex | undefined,
  node: (iri: string) => string,
): string {
  const r: RecordedResult | undefined = found.recorded;
  const head = `<div class="step"><h3>${html(entry.label)}</h3><p class="meta">${html(entry.at)}</p>`;
  if (!r) return `${head}<p>No result was recorded for this step.</p></div>`;
  const body: string[] = [];
  if (r.message) body.push(`<p>${html(r.message)}</p>`);
  const edgeLine = (t: EdgeTriple) => `<li>${node(t.source)} — <code>${html(predicateName(t.predicate, g))}</code> → ${node(t.target)}${quotes(evidence(t, isLastPath))}</li>`;
  if (r.paths) {
    if (r.paths.length === 0 && !r.message) body.push("<p>No path was found.</p>");
    r.paths.forEach((p, i) => {
      // A connection is a tree, not a chain: its entities are listed, its relations below.
      if (entry.action.kind === "connect") body.push(`<p><strong>${i + 1}.</strong> ${p.nodes.map(node).join(", ")} (a tree of ${p.edges.length} relation${p.edges.length === 1 ? "" : "s"})</p>`);
      else body.push(`<p><strong>${i + 1}.</strong> ${pathChain(p.nodes.map(node), p.edges.map((t, j) => t.source === p.nodes[j]))} (${p.edges.length} hop${p.edges.length === 1 ? "" : "s"})</p>`);
      if (p.explanation?.length) body.push(`<ol>${p.explanation.map((s) => `<li>${html(s)}</li>`).join("")}</ol>`);
      body.push(`<ul>${p.edges.map(edgeLine).join("")}</ul>`);
    });
  } else {
    // A step that recorded no relations (an expansion by an older build) says so rather than "0 relations".
    const relations = found.relations === "unknown" ? "relations not recorded" : `${r.edges.length} relation${r.edges.length === 1 ? "" : "s"}`;
    body.push(`<p>${r.nodes.length} node${r.nodes.length === 1 ? "" : "s"}, ${relations}${r.truncated ? " (cut by the node cap)" : ""}.</p>`);
    body.push(`<ul>${r.edges.map(edgeLine).join("")}</ul>`);
  }
  return `${head}${body.join("\n")}</div>`;
}

function predicateName(iri: string, g: GraphIndex | undefined): string {
  const id = g ? g.dataset.terms.iriId(iri) : -1;
  if (g && id >= 0) return g.termLabel(id);
  return localName(iri);
}

function notesSection(file: SessionFile, node: (iri: string) => string): string {
  const nodeNotes = Object.entries(file.notes.nodes);
  const edgeNotes = Object.entries(file.notes.edges);
  if (nodeNotes.length === 0 && edgeNotes.length === 0) return "";
  const rows = [
    ...nodeNotes.map(([iri, text]) => `<tr><td>${node(iri)}</td><td><div class="note">${html(text)}</div></td></tr>`),
    ...edgeNotes.map(([key, text]) => {
      const t = parseTripleKey(key);
      const what = t ? `${node(t.source)} — <code>${html(predicateName(t.predicate, undefined))}</code> → ${node(t.target)}` : html(key);
      return `<tr><td>${what}</td><td><div class="note">${html(text)}</div></td></tr>`;
    }),
  ];
  return `<h2>Notes</h2><table>${rows.join("")}</table>`;
}
