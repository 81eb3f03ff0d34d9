// The session file format: round trip, every kind of validation error with its located message, migration, caps, credentials.
import { describe, expect, it } from "vitest";
import {
  getEmptySession,
  parseSessionFile,
  serializeSession,
  SESSION_FORMAT,
  SESSION_LIMITS,
  SESSION_VERSION,
  snapshotOf,
  toSessionFile,
  historyOf,
  describeSource,
  nodeReferences,
  canUndo,
  createHistory,
  defaultAppearance,
  emptyLayout,
  emptyNotes,
  goTo,
  record,
  type SessionErrorKind,
} from "../../src/session/index.ts";
import { describeHashedSource, sessionSchema, withoutContent } from "../../src/session/format.ts";
import { nodeChecks } from "../../src/session/graph-check.ts";
import { bundledGraph, kgr, readSessionFixture, refusal, repoRoot, variant, type RawJson } from "./fixtures.ts";

const realText = readSessionFixture("huawei-kenya.session.json");
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Schema } from "../../src/session/schema.ts";
import type { HistoryEntry } from "../../src/session/history.ts";


describe("a saved session", () => {
  it("reads back to the same value and the same bytes", () => {
    const file = parseSessionFile(realText);
    expect(file.format).toBe(SESSION_FORMAT);
    expect(file.version).toBe(SESSION_VERSION);
    expect(serializeSession(file)).toBe(realText);
    expect(parseSessionFile(serializeSession(file))).toEqual(file);
  });

  it("holds what the analyst did: sources with hashes, the history, results, positions, pinned nodes, camera and notes", () => {
    const file = parseSessionFile(realText);
    expect(file.sources.map((s) => s.name)).toContain("graph-data/entities.ttl");
    expect(file.sources.every((s) => s.kind === "bundled" && /^[0-9a-f]{64}$/.test(s.sha256) && s.content === undefined)).toBe(true);
    expect(file.history.map((e) => e.action.kind)).toEqual(["start", "path", "choose-path", "neighbourhood", "hide-nodes", "move-nodes", "pin", "note", "note", "note"]);
    expect(file.history[1].label).toBe("Path Huawei → Kenya");
    expect(file.history[1].recorded?.paths?.length).toBe(file.state.path.results.length);
    expect(file.state.path.results[0].steps[0].evidence[0].quote).not.toBe("");
    expect(file.layout.positions[kgr("huawei")]).toEqual([-120.5, 40.25]);
    expect(file.layout.pinned).toEqual([kgr("huawei")]);
    expect(file.layout.camera.ratio).toBe(0.8);
    expect(file.notes.nodes[kgr("huawei")]).toContain("video conference");
    expect(Object.keys(file.notes.edges)).toHaveLength(1);
    expect(file.cursor).toBe(file.history.length - 1);
    expect(snapshotOf(file)).toEqual(file.history[file.cursor].snapshot);
    expect(canUndo(historyOf(file))).toBe(true);
  });

  it("writes keys in a fixed order whatever order the parts came in", () => {
    const a = toSessionFile({ state: getEmptySession(), name: "n", createdAt: "2026-01-01T00:00:00Z", savedAt: "2026-01-01T00:00:00Z" });
    const reordered = JSON.parse(JSON.stringify(a), (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v));
    expect(serializeSession(reordered)).toBe(serializeSession(a));
  });

  it("carries the content of a file the user loaded, checked against its hash", () => {
    const text = "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n";
    const file = toSessionFile({ state: getEmptySession(), sources: [describeSource("mine.ttl", text, "file", "turtle")] });
    const back = parseSessionFile(serializeSession(file));
    expect(back.sources[0].content).toBe(text);
    const damaged = serializeSession(file).replace("ex:c .", "ex:d .");
    const error = refusal(damaged);
    expect(error.kind).toBe("hash-mismatch");
    expect(error.message).toBe('session: sources[0].sha256: does not match the content of "mine.ttl" (the file was changed or damaged)');
  });

  it("leaves the content check to the caller with verifyContent: false (the workbench's worker checks as it parses)", () => {
    const text = "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n";
    const file = toSessionFile({ state: getEmptySession(), sources: [describeSource("mine.ttl", text, "file", "turtle")] });
    const damaged = serializeSession(file).replace("ex:c .", "ex:d .");
    const back = parseSessionFile(damaged, { verifyContent: false });
    expect(back.sources[0].content).toBe(text.replace("ex:c .", "ex:d ."));
    expect(back.sources[0].sha256).toBe(file.sources[0].sha256);
  });

  it("takes a hash computed elsewhere, and refuses one that is not a SHA-256", () => {
    const text = "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n";
    const hashed = describeSource("mine.nt", text, "file", "ntriples");
    expect(describeHashedSource("mine.nt", hashed.sha256, "file", text, "ntriples")).toEqual(hashed);
    expect(describeHashedSource("graph-data/x.ttl", hashed.sha256, "bundled", text, "turtle")).toEqual({ name: "graph-data/x.ttl", sha256: hashed.sha256, kind: "bundled", format: "turtle" });
    expect(() => describeHashedSource("mine.nt", "ABC", "file", text)).toThrow('session/sources: "ABC" is not a SHA-256 (64 lower-case hex digits) for "mine.nt"');
  });

  it("an autosave's sources leave the file texts out, and still read back", () => {
    const file = toSessionFile({ state: getEmptySession(), sources: [describeSource("mine.ttl", "<a:b> <a:c> <a:d> .\n", "file", "turtle")] });
    const stripped = { ...file, sources: withoutContent(file.sources) };
    expect(stripped.sources[0]).toEqual({ name: "mine.ttl", sha256: file.sources[0].sha256, kind: "file", format: "turtle" });
    expect(file.sources[0].content).toBe("<a:b> <a:c> <a:d> .\n");
    expect(parseSessionFile(JSON.stringify(stripped)).sources).toEqual(stripped.sources);
  });
});

describe("bad session files are refused with where and what", () => {
  const cases: [string, SessionErrorKind, string][] = [
    ["corrupted.session.json", "not-json", "session: not JSON ("],
    ["future-version.session.json", "future-version", "session: version: 7 is newer than the version this build reads (3); open the file with a newer smartcity-kg"],
    ["wrong-format.session.json", "not-a-session", 'session: format: not a smartcity-kg session (format is "gephi-lite-session", expected "smartcity-kg-session")'],
    ["prototype-key.session.json", "forbidden-key", 'session: notes.nodes["__proto__"]: the key "__proto__" is not allowed (it would reach object prototypes)'],
    ["credentials-url.session.json", "credentials", "session: sources[0].name: a URL with a user name or password (user:password@host); remove the credentials"],
    ["password-field.session.json", "credentials", 'session: sources[0]["password"]: a field named like a credential ("password"); sessions never carry passwords, tokens or keys'],
    ["bad-type.session.json", "wrong-type", "session: history[3].action.params.depth: expected a number, got a string"],
  ];
  for (const [name, kind, message] of cases) {
    it(`${name}: ${kind}`, () => {
      const error = refusal(readSessionFixture(name));
      expect(error.kind).toBe(kind);
      expect(error.message.startsWith(message)).toBe(true);
    });
  }

  it("refuses a prototype key without touching Object.prototype", () => {
    refusal(readSessionFixture("prototype-key.session.json"));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const constructorKey = refusal(variant((f) => (f.layout.positions.constructor = [1, 2])));
    expect(constructorKey.message).toBe('session: layout.positions["constructor"]: the key "constructor" is not allowed (it would reach object prototypes)');
  });

  const inline: [string, (f: RawJson) => void, SessionErrorKind, string][] = [
    ["a missing field", (f) => delete f.layout.camera, "missing-field", "session: layout.camera: missing"],
    ["an unknown field", (f) => (f.state.filters.colour = "red"), "unknown-field", "session: state.filters.colour: unknown field (expected hiddenClasses, hiddenPredicates, hiddenNodes, dateRange, showSchema, hiddenSources, minSources, colourBySource, hideUndated)"],
    ["a number out of range", (f) => (f.state.path.options.k = 500), "out-of-range", "session: state.path.options.k: 500 is outside 1..20"],
    ["a value not allowed", (f) => (f.state.focus = "everything"), "not-allowed", 'session: state.focus: "everything" is not one of "none", "path", "neighbourhood"'],
    ["an unknown action kind", (f) => (f.history[2].action.kind = "format-disk"), "not-allowed", 'session: history[2].action.kind: unknown kind "format-disk" (expected one of start, load, path,'],
    ["something that is not an IRI", (f) => (f.state.added.nodes[0] = "javascript alert(1)"), "bad-iri", 'session: state.added.nodes[0]: "javascript alert(1)" is not an IRI'],
    ["a string over its cap", (f) => (f.name = "x".repeat(SESSION_LIMITS.maxText + 1)), "too-long", `session: name: text of ${SESSION_LIMITS.maxText + 1} characters is longer than the ${SESSION_LIMITS.maxText} allowed`],
    ["a list over its cap", (f) => (f.sources = Array.from({ length: SESSION_LIMITS.maxSources + 1 }, () => f.sources[0])), "too-many", `session: sources: ${SESSION_LIMITS.maxSources + 1} items, more than the ${SESSION_LIMITS.maxSources} allowed`],
    ["a control character", (f) => (f.notes.session = "a\u0000b"), "control-character", "session: notes.session: contains the control character U+0000"],
    ["a cursor past the end", (f) => (f.cursor = f.history.length), "inconsistent", "session: cursor: 10 is past the last step (9)"],
    ["a duplicate step id", (f) => (f.history[2].id = f.history[1].id), "inconsistent", 'session: history[2].id: "h2" is used twice'],
    ["a bad time", (f) => (f.savedAt = "yesterday"), "not-allowed", 'session: savedAt: "yesterday" is not an ISO 8601 time (2026-11-22T08:00:00Z)'],
    ["a negative version", (f) => (f.version = -1), "bad-version", "session: version: expected a whole version number, got -1"],
    ["a bundled source with content", (f) => (f.sources[0].content = "x"), "hash-mismatch", "session: sources[0].sha256: does not match the content"],
    ["a bad colour", (f) => (f.appearance.colours[kgr("x")] = "#12345g"), "not-allowed", 'session: appearance.colours["https://w3id.org/smartcity-kg/resource/x"]: "#12345g" is not a colour #rrggbb'],
  ];
  for (const [what, change, kind, message] of inline) {
    it(`${what}: ${kind}`, () => {
      const error = refusal(variant(change));
      expect(error.kind).toBe(kind);
      expect(error.message).toContain(message);
    });
  }

  it("refuses non-objects", () => {
    expect(refusal("[1, 2]").message).toBe("session: expected a JSON object, got an array");
    expect(refusal("null").kind).toBe("not-a-session");
    expect(refusal("").kind).toBe("not-json");
  });

  it("refuses a file over the size cap before parsing it", () => {
    const error = refusal(realText, { maxBytes: 1000 });
    expect(error.kind).toBe("too-large");
    expect(error.message).toMatch(/^session: the file is \d+ bytes, larger than the 1000 bytes a session may be$/);
    // The default cap is 20 MB; a padded real session just over it is refused.
    const padded = realText.replace('"name": "Huawei and Kenya"', `"name": "Huawei and Kenya", "pad": "${"x".repeat(SESSION_LIMITS.maxBytes)}"`);
    expect(refusal(padded).message).toMatch(/^session: the file is 20\.\d MB, larger than the 20\.0 MB a session may be$/);
  });

  it("names unknown nodes and the nearest labels when checked against the data", async () => {
    const graph = await bundledGraph();
    const text = readSessionFixture("unknown-nodes.session.json");
    const error = refusal(text, nodeChecks(graph));
    expect(error.kind).toBe("unknown-nodes");
    // The first of the two misspelt nodes the fixture adds after the session's own (how many those are follows the data).
    const added: string[] = JSON.parse(text).state.added.nodes;
    expect(added.indexOf("https://w3id.org/smartcity-kg/resource/huawie")).toBe(added.length - 2);
    expect(error.path).toBe(`state.added.nodes[${added.length - 2}]`);
    expect(error.message).toContain("2 nodes are not in the current data: <https://w3id.org/smartcity-kg/resource/huawie> (nearest: \"Huawei\"");
    expect(error.message).toContain("<https://w3id.org/smartcity-kg/resource/kenia> (nearest: \"Kenya\"");
    // The real session's nodes are all in the bundled graph.
    expect(() => parseSessionFile(realText, nodeChecks(graph))).not.toThrow();
    expect(nodeReferences(parseSessionFile(realText)).size).toBeGreaterThan(10);
  });
});

describe("hostile strings", () => {
  it("are carried as data, unchanged", () => {
    const file = parseSessionFile(readSessionFixture("hostile.session.json"));
    expect(file.name).toBe('</title><script>alert("name")</script>');
    expect(file.labels[kgr("huawei")]).toBe(`<img src=x onerror="alert('label')">`);
  });
});

describe("credentials", () => {
  it("are stripped from every URL when a session is made", () => {
    const state = getEmptySession();
    const file = toSessionFile({
      state,
      name: "see https://bob:hunter2@example.org/x",
      sources: [describeSource("https://alice:s3cret@data.example.org/a.ttl", "x", "file")],
    });
    const text = serializeSession(file);
    expect(text).not.toContain("s3cret");
    expect(text).not.toContain("hunter2");
    expect(file.sources[0].name).toBe("https://data.example.org/a.ttl");
    expect(() => parseSessionFile(text)).not.toThrow();
  });
});

describe("what is saved reads back", () => {
  it("even with control characters and over-long labels from loaded data, and a data file kept verbatim", () => {
    const data = "# a form feed \f and an escape \u001b in a comment\n<http://example.org/a> <http://example.org/b> \"x\" .\n";
    const file = toSessionFile({
      state: getEmptySession(),
      name: "label with \u001b[31mred\u001b[0m and \u009b",
      sources: [describeSource("odd.ttl", data, "file")],
      labels: { [kgr("huawei")]: "H".repeat(SESSION_LIMITS.maxText + 500) },
    });
    const back = parseSessionFile(serializeSession(file));
    expect(back.name).toBe("label with \uFFFD[31mred\uFFFD[0m and \uFFFD");
    expect(back.labels[kgr("huawei")]).toHaveLength(SESSION_LIMITS.maxText);
    expect(back.labels[kgr("huawei")].endsWith("…")).toBe(true);
    expect(back.sources[0].content).toBe(data);
  });

  it("while a file with a terminal control sequence in a label is refused", () => {
    const error = refusal(variant((f) => (f.labels[kgr("huawei")] = "\u009b2J")));
    expect(error.message).toBe('session: labels["https://w3id.org/smartcity-kg/resource/huawei"]: contains the control character U+009B');
  });

  it("and JSON nested absurdly deep is refused before it is parsed", () => {
    const deep = `{"format":"smartcity-kg-session","version":1,"name":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    expect(refusal(deep).message).toBe("session: nested more than 64 levels deep (a session is about 12); not a session file");
  });
});

describe("migration", () => {
  it("reads a version-0 draft as the current version", () => {
    const file = parseSessionFile(readSessionFixture("v0-draft.session.json"));
    const v0 = JSON.parse(readSessionFixture("v0-draft.session.json"));
    expect(file.version).toBe(SESSION_VERSION);
    expect(file.name).toBe(v0.name);
    expect(file.state).toEqual(v0.state);
    expect(file.layout.positions).toEqual(v0.positions);
    expect(file.notes.session).toBe(v0.note);
    expect(file.sources.map((s) => s.name)).toEqual(v0.data.map((d: { name: string }) => d.name.replace("bundled:", "")));
    expect(file.sources.every((s) => s.kind === "bundled")).toBe(true);
    expect(file.history.map((e) => e.label)).toEqual(["Start", ...v0.steps.map((s: { label: string }) => s.label)]);
    expect(file.cursor).toBe(file.history.length - 1);
    // Version 0 kept no snapshots: the current one is the saved state; undo goes back to the start only.
    expect(file.history[file.cursor].snapshot?.state).toEqual(v0.state);
    // Saved again, it is a current-version file that reads back the same.
    expect(parseSessionFile(serializeSession(file))).toEqual(file);
  });

  it("reads a version-1 file, every snapshot with its positions, as the same session it saves as version 3", () => {
    const v1Text = readSessionFixture("huawei-kenya.v1.session.json");
    const v1 = JSON.parse(v1Text);
    const file = parseSessionFile(v1Text);
    expect(file.version).toBe(3);
    file.history.forEach((entry, i) => expect(entry.snapshot?.layout.positions).toEqual(v1.history[i].snapshot?.layout.positions));
    const again = parseSessionFile(serializeSession(file));
    expect(again.history).toEqual(file.history);
  });
});

describe("positions in history snapshots (version 2)", () => {
  const huawei = kgr("huawei");
  const kenya = kgr("kenya");
  /** A history of four steps; the node moves in the third only (one positions object until then, as the controller keeps it). */
  function movedOnce() {
    const before = { [huawei]: [1, 2] as [number, number], [kenya]: [3, 4] as [number, number] };
    const after = { ...before, [huawei]: [9, 9] as [number, number] };
    const snapshot = (positions: Record<string, [number, number]>) => ({
      state: getEmptySession(),
      layout: { positions, camera: { x: 0.5, y: 0.5, ratio: 1, angle: 0 }, pinned: [] },
      appearance: { nodeScale: 1, labelDensity: 1, colours: {} },
      notes: { session: "", nodes: {}, edges: {} },
    });
    const entries: HistoryEntry[] = [before, before, after, after].map((positions, i) => ({
      id: `h${i + 1}`,
      at: "2026-11-22T10:00:00.000Z",
      label: i === 0 ? "Start" : "Step",
      action: (i === 0 ? { kind: "start", params: {} } : { kind: "edge-labels", params: { on: i % 2 === 0 } }) as HistoryEntry["action"],
      snapshot: snapshot(positions),
    }));
    const last = snapshot(after);
    return toSessionFile({ name: "Moved once", history: { entries, cursor: 3 }, state: last.state, layout: last.layout, appearance: last.appearance, notes: last.notes });
  }

  it("are written only where they changed, and read back in every snapshot", () => {
    const file = movedOnce();
    const written = JSON.parse(serializeSession(file));
    expect(written.history.map((e: RawJson) => "positions" in (e.snapshot as RawJson & { layout: RawJson }).layout)).toEqual([true, false, true, false]);
    const read = parseSessionFile(serializeSession(file));
    expect(read.history.map((e) => e.snapshot?.layout.positions[huawei])).toEqual([[1, 2], [1, 2], [9, 9], [9, 9]]);
    expect(read).toEqual(file);
    // Undo to the second step puts Huawei back where it was.
    expect(read.history[1].snapshot?.layout.positions).toEqual({ [huawei]: [1, 2], [kenya]: [3, 4] });
  });

  it("must be in the first snapshot: a file whose first snapshot leaves them out is refused, saying where", () => {
    const written = JSON.parse(serializeSession(movedOnce()));
    delete written.history[0].snapshot.layout.positions;
    const error = refusal(JSON.stringify(written));
    expect(error.path).toBe("history[0].snapshot.layout.positions");
    expect(error.message).toContain("the first snapshot lists the positions");
  });

  it("checks a migrated file as strictly as a current one", () => {
    const v0 = JSON.parse(readSessionFixture("v0-draft.session.json"));
    v0.steps[0].params.from = "not an iri";
    const error = refusal(JSON.stringify(v0));
    expect(error.message).toBe('session: history[1].action.params.from: "not an iri" is not an IRI');
  });
});

describe("branches (steps left by going back in History and then acting)", () => {
  /** The real session with its last two steps moved into a branch that grew from the step before them. */
  const branched = (change: (f: RawJson & { history: RawJson[] }) => void = () => undefined) =>
    variant((f) => {
      const file = f as RawJson & { history: RawJson[]; cursor: number };
      const left = file.history.splice(file.history.length - 2);
      // A branch's first snapshot lists its positions (as written, later snapshots leave out repeated ones).
      const layoutOf = (e: RawJson) => (e.snapshot as { layout: RawJson } | undefined)?.layout;
      const positions = [...file.history, left[0]].map(layoutOf).filter((l) => l?.positions).at(-1)!.positions;
      const first = layoutOf(left[0])!;
      first.positions ??= positions;
      file.cursor = file.history.length - 1;
      file.branches = [{ id: "b1", from: file.history.at(-1)!.id, at: "2026-11-22T10:00:00.000Z", entries: left }];
      change(file);
    });

  it("read back with their steps (positions filled from the branch's own first snapshot) and save to the same bytes", () => {
    const file = parseSessionFile(branched());
    expect(file.branches).toHaveLength(1);
    expect(file.branches![0].entries.every((e) => e.snapshot === undefined || Object.keys(e.snapshot.layout.positions).length > 0)).toBe(true);
    const history = historyOf(file);
    expect(history.branches).toBe(file.branches);
    expect(parseSessionFile(serializeSession(file))).toEqual(file);
    expect(serializeSession(parseSessionFile(serializeSession(file)))).toBe(serializeSession(file));
    // A session without branches writes no `branches` field at all: its bytes are those of earlier builds.
    expect(serializeSession(parseSessionFile(realText))).not.toContain('"branches"');
  });

  it("leave out a branch's first positions when they are those of the step it grew from, and read them back", () => {
    const start: Record<string, [number, number]> = { [kgr("huawei")]: [1, 2] };
    const moved: Record<string, [number, number]> = { [kgr("huawei")]: [5, 5] };
    const at = (positions: Record<string, [number, number]>) => ({ state: getEmptySession(), layout: { ...emptyLayout(), positions }, appearance: defaultAppearance(), notes: emptyNotes() });
    let h = createHistory(at(start));
    h = record(h, { kind: "move-nodes", params: { nodes: [kgr("huawei")] } }, at(moved));
    // Back to the start twice, each time a step that moves nothing (the controller reuses the positions object).
    h = record(goTo(h, 0), { kind: "layout", params: {} }, { ...at(start), layout: { ...emptyLayout(), positions: start } });
    h = record(goTo(h, 0), { kind: "clear-focus", params: {} }, { ...at(start), layout: { ...emptyLayout(), positions: start } });
    expect(h.branches?.map((b) => b.from)).toEqual(["h1", "h1"]);
    const file = toSessionFile({ state: getEmptySession(), history: h });
    const written = JSON.parse(serializeSession(file));
    expect(written.branches.map((b: { entries: { snapshot: { layout: RawJson } }[] }) => "positions" in b.entries[0].snapshot.layout)).toEqual([true, false]);
    const read = parseSessionFile(serializeSession(file));
    expect(read.branches![1].entries[0].snapshot?.layout.positions).toEqual(start);
    expect(read).toEqual(file);
  });

  it("are refused when they name a step that is not there, reuse an id, or are empty", () => {
    expect(refusal(branched((f) => ((f.branches as RawJson[])[0].from = "h999"))).path).toBe("branches[0].from");
    expect(refusal(branched((f) => (((f.branches as RawJson[])[0].entries as RawJson[])[0].id = f.history[0].id))).path).toBe("branches[0].entries[0].id");
    expect(refusal(branched((f) => ((f.branches as RawJson[])[0].entries = []))).path).toBe("branches[0].entries");
  });
});

describe("docs/session-format.md", () => {
  it("describes every field of the schema", () => {
    const doc = readFileSync(join(repoRoot, "docs", "session-format.md"), "utf8");
    const missing: string[] = [];
    const walk = (schema: Schema, path: string) => {
      if (schema.type === "object") for (const [key, s] of Object.entries(schema.fields)) visit(s, path ? `${path}.${key}` : key);
      else if (schema.type === "union") for (const variant of Object.values(schema.variants)) walk(variant, path);
      else if (schema.type === "array") walk(schema.items, `${path}[]`);
      else if (schema.type === "nullable") walk(schema.of, path);
      else if (schema.type === "record") walk(schema.values, `${path}{}`);
    };
    const visit = (schema: Schema, path: string) => {
      if (!doc.includes(`\`${path}\``)) missing.push(path);
      // A snapshot's parts have the same fields as the top-level state, layout, appearance and notes; a branch's
      // entries are history entries.
      if (!/^history\[\]\.snapshot\.\w+$/.test(path) && path !== "branches[].entries") walk(schema, path);
    };
    walk(sessionSchema, "");
    expect(missing).toEqual([]);
  });
});
