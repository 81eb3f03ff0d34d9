// kg session: replay a saved workbench session on the current data, diff two sessions, or write its HTML report.
import type { Command } from "../command.ts";
import { print, printChunks, printJson, warn } from "../command.ts";
import { UsageError, flag, secondsOption, stringOption, type ParsedCommand } from "../args.ts";
import { DEFAULT_QUERY_TIMEOUT_S } from "./sparql.ts";
import { writeSubgraphTurtle } from "../query-output.ts";
import type { GraphIndex } from "../../graph/types.ts";
import type { SessionFile } from "../../session/format.ts";
import type { EdgeTriple } from "../../session/history.ts";

const actions = ["replay", "diff", "report"] as const;
type SessionSubcommand = (typeof actions)[number];

export const sessionCommand: Command = {
  spec: {
    name: "session",
    summary: "replay a saved workbench session, diff two sessions, or write a session's HTML report",
    arguments: "<replay|diff|report> <file> [<file>]",
    minPositionals: 2,
    maxPositionals: 3,
    details: `kg session replay <file> re-runs the session's queries (paths, neighbourhoods, expansions) on the current
data (the bundled graph, or --data) and prints the session's final result as kg path / kg neighbours do. Each step
whose result differs from what the session recorded is flagged with what differs (paths, nodes, relations).
SPARQL queries the session ran are listed; those on the loaded data are re-run with the embedded engine and
flagged when the answer's size (rows, or triples) differs.
--json prints {"session","steps":[{"index","label","kind","differs","checked","why"}],"sparql":[{"index","label",
"target","recordedRows","rows","differs","why"}],"final":{"kind",...}} where final
holds kg path --json's {"paths"} or kg neighbours --json's fields; --turtle prints the final result's triples
(the step flags then go to stderr).

kg session diff <a> <b> lists the nodes, relations (by triple) and notes that <b> has and <a> has not (added),
those <a> has and <b> has not (removed), changed notes, and queries run in only one of them; --json for JSON.

kg session report <file> -o report.html writes one self-contained HTML file (no scripts): each query with its
results, explanations and evidence quotes (from the current data), the notes, and the Turtle of the session's
final subgraph. --image view.png adds a picture of the view.

Exit codes: 0 when it ran (differences are not failures), 1 when a session file is bad (the message says where
and what), 2 for wrong arguments.

Examples:
  kg session replay huawei-kenya.session.json
  kg session replay old.session.json --data graph-v2.ttl --json
  kg session diff monday.session.json tuesday.session.json
  kg session report huawei-kenya.session.json -o report.html`,
    options: {
      json: { type: "boolean", help: "print JSON instead of text (replay, diff)" },
      turtle: { type: "boolean", help: "print the final result's triples as Turtle (replay)" },
      timeout: { type: "string", value: "S", help: `replay: stop each SPARQL step after S seconds (default ${DEFAULT_QUERY_TIMEOUT_S})` },
      output: { type: "string", short: "o", value: "FILE", help: "where to write the report (report; default stdout)" },
      image: { type: "string", value: "PNG", help: "a picture of the view to put in the report (report)" },
    },
  },

  async run(parsed, context) {
    const [action, ...files] = parsed.positionals;
    if (!(actions as readonly string[]).includes(action)) {
      throw new UsageError(`kg session: unknown action ${JSON.stringify(action)}; expected replay, diff or report`, "session");
    }
    const sub = action as SessionSubcommand;
    const wanted = sub === "diff" ? 2 : 1;
    if (files.length !== wanted) {
      throw new UsageError(`kg session ${sub}: expected ${wanted === 2 ? "two session files" : "one session file"}, got ${files.length}`, "session");
    }
    if (flag(parsed, "json") && flag(parsed, "turtle")) throw new UsageError("kg session: choose one of --json and --turtle", "session");
    if (sub !== "replay" && flag(parsed, "turtle")) throw new UsageError(`kg session ${sub}: --turtle is for replay`, "session");
    if (sub !== "report" && (stringOption(parsed, "output") !== undefined || stringOption(parsed, "image") !== undefined)) {
      throw new UsageError(`kg session ${sub}: -o and --image are for report`, "session");
    }
    const { SessionFileError } = await import("../../session/format.ts");
    try {
      if (sub === "diff") return await diff(files[0], files[1], parsed);
      if (sub === "replay") return await replay(files[0], parsed, context.dataFiles, context.baseIRI);
      return await report(files[0], parsed, context.dataFiles, context.baseIRI);
    } catch (error) {
      if (error instanceof SessionFileError) {
        const file = (error as Error & { file?: string }).file;
        warn(`kg session: ${file ? `${file}: ` : ""}${error.path ? `${error.path}: ` : ""}${error.problem}`);
        return 1;
      }
      throw error;
    }
  },
};

/** Reads and parses a session file; a bad file is a SessionFileError carrying the file name. */
async function readSession(file: string): Promise<SessionFile> {
  const [{ statSync }, { readFile }, { parseSessionFile, SessionFileError, SESSION_LIMITS }] = await Promise.all([
    import("node:fs"), import("node:fs/promises"), import("../../session/format.ts"),
  ]);
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new UsageError(`kg session: ${JSON.stringify(file)} is not a file`, "session");
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`kg session: cannot read ${JSON.stringify(file)}: no such file`, "session");
  }
  try {
    // Refused before reading, so a huge file costs nothing.
    if (size > SESSION_LIMITS.maxBytes) {
      throw new SessionFileError("", `the file is ${(size / (1024 * 1024)).toFixed(1)} MB, larger than the ${SESSION_LIMITS.maxBytes / (1024 * 1024)} MB a session may be`, "too-large");
    }
    return parseSessionFile(await readFile(file, "utf8"));
  } catch (error) {
    if (error instanceof SessionFileError) Object.assign(error, { file });
    throw error;
  }
}

/** Warns about session nodes the data lacks, with the nearest labels (the replay still runs: that is what it checks). */
async function warnUnknownNodes(file: SessionFile, graph: GraphIndex): Promise<void> {
  const [{ nodeReferences }, { nodeChecks }] = await Promise.all([import("../../session/format.ts"), import("../../session/graph-check.ts")]);
  const { knownNodes, suggest } = nodeChecks(graph);
  const unknown = [...nodeReferences(file).keys()].filter((iri) => !knownNodes(iri));
  if (unknown.length === 0) return;
  const shown = unknown.slice(0, 3).map((iri) => {
    const near = suggest(iri);
    return `<${iri}>${near.length ? ` (nearest: ${near.map((l) => JSON.stringify(l)).join(", ")})` : ""}`;
  });
  warn(`kg session: ${unknown.length} node${unknown.length === 1 ? " of the session is" : "s of the session are"} not in the data: ${shown.join(", ")}${unknown.length > 3 ? ` and ${unknown.length - 3} more` : ""}`);
}

async function replay(path: string, parsed: ParsedCommand, dataFiles: string[] | undefined, baseIRI?: string): Promise<number> {
  const file = await readSession(path);
  const [{ loadGraph }, { replaySession, replaySparql }, { pathsToJson, neighbourhoodToJson }, render] = await Promise.all([
    import("../graph.ts"), import("../../session/replay.ts"), import("../../query/json.ts"), import("../render.ts"),
  ]);
  const { graph } = await loadGraph(dataFiles, baseIRI);
  await warnUnknownNodes(file, graph);
  const data = await compareData(file, dataFiles);
  const result = replaySession(file, graph);
  // Each local SPARQL step runs in a thread of its own with a time limit: a runaway query fails its step, not the replay.
  const { startSparqlRunner } = await import("../sparql-runner.ts");
  const engine = startSparqlRunner(graph.dataset, secondsOption(parsed, "session", "timeout", DEFAULT_QUERY_TIMEOUT_S * 1000));
  const sparql = await replaySparql(file, graph.dataset, engine).finally(() => engine.close());
  const final = result.final?.run ?? null;
  if (flag(parsed, "json")) {
    printJson({
      session: file.name,
      data,
      steps: result.steps.map((s) => ({ index: s.index, label: s.entry.label, kind: s.entry.action.kind, differs: s.differs, checked: s.recorded ? s.checked : "nothing recorded", why: s.why })),
      sparql: sparql.map((s) => ({ index: s.index, label: s.entry.label, target: s.target, recordedRows: s.recordedRows ?? null, rows: s.rows, differs: s.differs, why: s.why })),
      final: final === null ? null : final.kind === "path" ? { kind: "path", ...pathsToJson(graph, final.paths) } : { kind: "neighbourhood", ...neighbourhoodToJson(graph, final.result) },
    });
    return 0;
  }
  const differing = result.steps.filter((s) => s.differs);
  const lines = [data.text, `Replayed ${result.steps.length} quer${result.steps.length === 1 ? "y" : "ies"} of "${file.name}": ${differing.length === 0 ? "every result is as recorded" : `${differing.length} differ${differing.length === 1 ? "s" : ""} from what was recorded`}.`];
  for (const step of result.steps) {
    const mark = step.differs ? "✗ DIFFERS" : step.recorded ? "✓ same   " : "· ran    ";
    const checked = !step.recorded ? (step.differs ? "" : " (nothing recorded to compare)")
      : step.checked === "subset" ? " (checked that what it showed is still found)"
      : step.checked === "nodes" ? " (relations were not recorded: nodes compared)" : "";
    lines.push(`  ${mark}  ${step.index}. ${step.entry.label}${checked}`);
    for (const why of step.why) lines.push(`               - ${why}`);
  }
  if (sparql.length) lines.push(`SPARQL queries (${sparql.length}; those on the loaded data re-run, compared by the size of the answer):`);
  for (const step of sparql) {
    const mark = step.differs ? "✗ DIFFERS" : step.target !== "local" ? "· listed " : step.rows !== null && step.recordedRows !== undefined ? "✓ same   " : "· ran    ";
    const size = step.target !== "local" ? ` (on ${step.target}: not re-run)` : step.rows !== null && !step.differs ? ` (${step.rows} now)` : "";
    lines.push(`  ${mark}  ${step.index}. ${step.entry.label}${size}`);
    for (const why of step.why) lines.push(`               - ${why}`);
  }
  if (flag(parsed, "turtle")) {
    warn(lines.join("\n"));
    if (final === null) warn("kg session: the session has no query to replay; no triples");
    else if (final.kind === "path") return writeSubgraphTurtle(graph, final.paths.flatMap((p) => p.nodes), final.paths.flatMap((p) => p.steps.map((s) => s.edge)), undefined, "kg session replay");
    else return writeSubgraphTurtle(graph, final.result.nodes.map((n) => n.node), final.result.edges, undefined, "kg session replay");
    return 0;
  }
  lines.push("");
  if (final === null) lines.push("The session has no query to replay.");
  else if (final.kind === "path") {
    const entry = result.final!.entry;
    lines.push(`Final result (${entry.label}):`, "");
    const a = entry.action;
    // A connection replays as one path-shaped tree: print it as a tree, not as a chain.
    if (a.kind === "connect" && final.paths.length) {
      const [tree] = final.paths;
      const terminals = a.params.terminals.map((iri) => graph.nodeByIri(iri));
      lines.push(render.connectionText(graph, { terminals, nodes: tree.nodes, edges: tree.steps.map((st) => st.edge), unreached: [] }));
    } else lines.push(final.paths.length ? render.pathsText(graph, final.paths) : "No path within the session's options on this data.");
  } else {
    lines.push(`Final result (${result.final!.entry.label}):`, "");
    lines.push(render.neighbourhoodText(graph, final.result, final.depth));
  }
  print(lines.join("\n"));
  return 0;
}

/** Whether the data now loaded is the data the session was made on, by content hash. */
async function compareData(file: SessionFile, dataFiles: string[] | undefined): Promise<{ same: boolean; missing: string[]; extra: string[]; text: string }> {
  const [{ readFile }, { createHash }, { bundledDataFiles, packageRoot }, { relative }] = await Promise.all([
    import("node:fs/promises"), import("node:crypto"), import("../load.ts"), import("node:path"),
  ]);
  const paths = dataFiles ?? bundledDataFiles();
  const current = await Promise.all(paths.map(async (path) => ({
    name: dataFiles ? path : relative(packageRoot, path),
    sha256: createHash("sha256").update(await readFile(path, "utf8"), "utf8").digest("hex"),
  })));
  const now = new Set(current.map((c) => c.sha256));
  const before = new Set(file.sources.map((s) => s.sha256));
  const missing = file.sources.filter((s) => !now.has(s.sha256)).map((s) => s.name);
  const extra = current.filter((c) => !before.has(c.sha256)).map((c) => c.name);
  const same = missing.length === 0 && extra.length === 0;
  const list = (names: string[]) => (names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`);
  const text = file.sources.length === 0
    ? "The session does not say which data it was made on."
    : same
      ? `The data is the session's own (${file.sources.length} file${file.sources.length === 1 ? "" : "s"}, same content).`
      : `The data is not the session's: ${[missing.length ? `not loaded now (or changed): ${list(missing)}` : "", extra.length ? `new or changed: ${list(extra)}` : ""].filter(Boolean).join("; ")}.`;
  return { same, missing, extra, text };
}

async function diff(pathA: string, pathB: string, parsed: ParsedCommand): Promise<number> {
  const [a, b] = [await readSession(pathA), await readSession(pathB)];
  const [{ diffSessions }, { parseTripleKey }, { curie }, { prefixes }] = await Promise.all([
    import("../../session/diff.ts"), import("../../session/history.ts"), import("../format.ts"), import("../../rdf/vocab.ts"),
  ]);
  const d = diffSessions(a, b);
  if (flag(parsed, "json")) {
    printJson(d);
    return 0;
  }
  const labels = { ...a.labels, ...b.labels };
  const label = (iri: string) => (Object.hasOwn(labels, iri) ? `${labels[iri]} (${curie(iri, prefixes)})` : curie(iri, prefixes));
  const edge = (t: EdgeTriple) => `${label(t.source)} —${curie(t.predicate, prefixes)}→ ${label(t.target)}`;
  const noteTarget = (n: { target: string; key: string }) => {
    if (n.target === "session") return "session";
    if (n.target === "node") return label(n.key);
    const triple = parseTripleKey(n.key);
    return triple ? edge(triple) : n.key;
  };
  const one = (text: string) => text.replace(/\s+/g, " ").slice(0, 200);
  const lines = [`Session diff: ${JSON.stringify(a.name)} (${pathA}) → ${JSON.stringify(b.name)} (${pathB})`];
  const section = (title: string, items: string[]) => {
    lines.push("", `${title}: ${items.length === 0 ? "none" : items.length}`);
    for (const item of items) lines.push(`  ${item}`);
  };
  section("Nodes added", d.nodes.added.map(label));
  section("Nodes removed", d.nodes.removed.map(label));
  section("Relations added", d.edges.added.map(edge));
  section("Relations removed", d.edges.removed.map(edge));
  section("Notes added", d.notes.added.map((n) => `${noteTarget(n)}: ${one(n.after)}`));
  section("Notes removed", d.notes.removed.map((n) => `${noteTarget(n)}: ${one(n.before)}`));
  section("Notes changed", d.notes.changed.map((n) => `${noteTarget(n)}: ${one(n.before)} ⇒ ${one(n.after)}`));
  section("Queries only in the second", d.queries.added);
  section("Queries only in the first", d.queries.removed);
  print(lines.join("\n"));
  return 0;
}

async function report(path: string, parsed: ParsedCommand, dataFiles: string[] | undefined, baseIRI?: string): Promise<number> {
  const file = await readSession(path);
  const [{ loadGraph }, { renderReportParts }, { sessionContent }, { findEdge }, { subgraphQuads }, { writeChunks }, { readFile }] = await Promise.all([
    import("../graph.ts"), import("../../session/report.ts"), import("../../session/diff.ts"), import("../../session/replay.ts"),
    import("../../query/subgraph.ts"), import("../../rdf/serialize.ts"), import("node:fs/promises"),
  ]);
  const imagePath = stringOption(parsed, "image");
  let imagePng: string | undefined;
  if (imagePath !== undefined) {
    let bytes: Buffer;
    try {
      bytes = await readFile(imagePath);
    } catch {
      throw new UsageError(`kg session report: cannot read ${JSON.stringify(imagePath)}`, "session");
    }
    if (bytes.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") throw new UsageError(`kg session report: ${JSON.stringify(imagePath)} is not a PNG file`, "session");
    imagePng = `data:image/png;base64,${bytes.toString("base64")}`;
  }
  const { graph } = await loadGraph(dataFiles, baseIRI);
  await warnUnknownNodes(file, graph);
  const content = sessionContent(file);
  const nodes = content.nodes.map((iri) => graph.nodeByIri(iri)).filter((n) => n >= 0);
  const edges = content.edges.map((t) => findEdge(graph, t)).filter((e) => e >= 0);
  // In pieces, as kg export writes: the report's Turtle never becomes one string.
  const turtle = writeChunks(graph.dataset, "turtle", { quads: subgraphQuads(graph, { nodes, edges }) });
  const html = renderReportParts(file, { turtle, graph, imagePng });
  const output = stringOption(parsed, "output");
  if (output === undefined || output === "-") await printChunks(html);
  else {
    const { writeOutput } = await import("../output-file.ts");
    const failed = await writeOutput(output, html, "kg session report");
    if (failed !== 0) return failed;
    warn(`kg session: wrote ${output} (${nodes.length} nodes, ${edges.length} relations, ${file.history.length} steps)`);
  }
  return 0;
}

