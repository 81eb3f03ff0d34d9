// Several selected nodes (issue 4): the producers, the session file (validation with located errors, old files
// still opening) and share links.
import { describe, expect, it } from "vitest";
import {
  addToSelection,
  clearSelectionOrQuery,
  datasetReplaced,
  decodeShareState,
  deselectNodes,
  encodeShareState,
  getEmptySession,
  hideNodes,
  MAX_SELECTION,
  nodeReferences,
  nodeSelection,
  parseSessionFile,
  selectedNodes,
  selectEdge,
  selectNode,
  selectNodes,
  serializeSession,
  SESSION_LIMITS,
  SESSION_VERSION,
  stateFromShare,
  toggleNodeSelected,
  toSessionFile,
  type SessionErrorKind,
} from "../../src/session/index.ts";
import { sha256Hex } from "../../src/session/sha256.ts";
import { nodeChecks } from "../../src/session/graph-check.ts";
import { bundledGraph, kgr, readSessionFixture, refusal, variant } from "./fixtures.ts";

const huawei = kgr("huawei");
const kenya = kgr("kenya");
const dahua = kgr("dahua");


describe("selection producers", () => {
  it("shift-click adds a node, shift-click again removes it, and one node left is a plain node selection", () => {
    let s = selectNode(huawei)(getEmptySession());
    s = toggleNodeSelected(kenya)(s);
    expect(s.selection).toEqual({ kind: "nodes", nodes: [huawei, kenya] });
    s = toggleNodeSelected(dahua)(s);
    expect(selectedNodes(s.selection)).toEqual([huawei, kenya, dahua]);
    s = toggleNodeSelected(kenya)(s);
    expect(s.selection).toEqual({ kind: "nodes", nodes: [huawei, dahua] });
    s = toggleNodeSelected(huawei)(s);
    expect(s.selection).toEqual({ kind: "node", node: dahua });
    s = toggleNodeSelected(dahua)(s);
    expect(s.selection).toEqual({ kind: "none" });
  });

  it("a plain click selects only that node; shift-click on a selected relation starts a node selection", () => {
    const several = selectNodes([huawei, kenya])(getEmptySession());
    expect(selectNode(dahua)(several).selection).toEqual({ kind: "node", node: dahua });
    expect(toggleNodeSelected(kenya)(selectEdge("e3")(getEmptySession())).selection).toEqual({ kind: "node", node: kenya });
    expect(selectedNodes(selectEdge("e3")(getEmptySession()).selection)).toEqual([]);
  });

  it("normalises: no duplicates, order kept, at most MAX_SELECTION nodes", () => {
    expect(nodeSelection([kenya, huawei, kenya])).toEqual({ kind: "nodes", nodes: [kenya, huawei] });
    expect(nodeSelection([kenya, kenya])).toEqual({ kind: "node", node: kenya });
    expect(nodeSelection([])).toEqual({ kind: "none" });
    const many = Array.from({ length: MAX_SELECTION + 5 }, (_, i) => kgr(`n${i}`));
    const s = selectNodes(many)(getEmptySession());
    expect(selectedNodes(s.selection)).toEqual(many.slice(0, MAX_SELECTION));
    expect(selectedNodes(addToSelection([kgr("one-more")])(s).selection)).toHaveLength(MAX_SELECTION);
  });

  it("hiding the selection deselects what was hidden; Esc clears all of it; a new dataset keeps node selections", () => {
    const s = selectNodes([huawei, kenya, dahua])(getEmptySession());
    const hidden = hideNodes([huawei, kenya])(s);
    expect(hidden.filters.hiddenNodes).toEqual([huawei, kenya]);
    expect(hidden.selection).toEqual({ kind: "node", node: dahua });
    expect(hideNodes(selectedNodes(s.selection))(s).selection).toEqual({ kind: "none" });
    expect(deselectNodes([kgr("other")])(s)).toBe(s);
    expect(clearSelectionOrQuery()(s).selection).toEqual({ kind: "none" });
    expect(datasetReplaced()(s).selection).toEqual(s.selection);
  });
});

describe("a session file with several selected nodes", () => {
  const multi = (nodes: unknown) => variant((f) => (f.state.selection = { kind: "nodes", nodes }));

  it("saves and reads back, and names the selected nodes among its references", () => {
    const state = selectNodes([huawei, kenya])(getEmptySession());
    const text = serializeSession(toSessionFile({ state, createdAt: "2026-11-22T10:00:00.000Z", savedAt: "2026-11-22T10:00:00.000Z" }));
    const file = parseSessionFile(text);
    expect(file.state.selection).toEqual({ kind: "nodes", nodes: [huawei, kenya] });
    expect(file.history[0].snapshot?.state.selection).toEqual({ kind: "nodes", nodes: [huawei, kenya] });
    expect(serializeSession(file)).toBe(text);
    expect(nodeReferences(file).get(kenya)).toBe("state.selection.nodes[1]");
  });

  it.each<[string, unknown, string, SessionErrorKind]>([
    ["one node written as a list", [huawei], 'session: state.selection.nodes: 1 node; a "nodes" selection holds two or more (write one node as {"kind": "node", "node": …}, none as {"kind": "none"})', "inconsistent"],
    ["an empty list", [], 'session: state.selection.nodes: 0 nodes; a "nodes" selection holds two or more', "inconsistent"],
    ["a node twice", [huawei, kenya, huawei], `session: state.selection.nodes[2]: <${huawei}> is selected twice`, "inconsistent"],
    ["a non-IRI", [huawei, "Huawei"], 'session: state.selection.nodes[1]: "Huawei" is not an IRI', "bad-iri"],
    ["not a list", huawei, "session: state.selection.nodes: expected an array, got a string", "wrong-type"],
    ["over the cap", Array.from({ length: SESSION_LIMITS.maxSelection + 1 }, (_, i) => kgr(`n${i}`)), `session: state.selection.nodes: ${SESSION_LIMITS.maxSelection + 1} items, more than the ${SESSION_LIMITS.maxSelection} allowed`, "too-many"],
  ])("refuses %s, saying where", (_what, nodes, message, kind) => {
    const error = refusal(multi(nodes));
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.kind).toBe(kind);
  });

  it("checks the selection in history snapshots too", () => {
    const error = refusal(variant((f) => (f.history[1].snapshot.state.selection = { kind: "nodes", nodes: [kenya] })));
    expect(error.path).toBe("history[1].snapshot.state.selection.nodes");
  });

  it("refuses selected nodes the current data lacks, with the nearest labels", async () => {
    const checks = nodeChecks(await bundledGraph());
    const error = refusal(multi([huawei, kgr("hauwei-typo")]), checks);
    expect(error.kind).toBe("unknown-nodes");
    expect(error.path).toBe("state.selection.nodes[1]");
    expect(error.message).toContain(`<${kgr("hauwei-typo")}>`);
  });

  it("old files open unchanged: the version-1 fixture with its one selected node, and the version-0 draft", () => {
    const v1 = parseSessionFile(readSessionFixture("huawei-kenya.v1.session.json"));
    expect(["none", "node", "edge"]).toContain(v1.state.selection.kind);
    const v0 = parseSessionFile(readSessionFixture("v0-draft.session.json"));
    expect(v0.version).toBe(SESSION_VERSION);
  });
});

describe("share links with several selected nodes", () => {
  it("round-trip the selection", () => {
    const state = selectNodes([huawei, kenya, dahua])(getEmptySession());
    const restored = stateFromShare(decodeShareState(encodeShareState(state)));
    expect(restored.selection).toEqual({ kind: "nodes", nodes: [huawei, kenya, dahua] });
  });

  it("read a hand-made list as the workbench writes it, and refuse a malformed one", () => {
    const forge = (json: string) => {
      const payload = Buffer.from(json).toString("base64url");
      return `1.${payload}.${sha256Hex(payload).slice(0, 10)}`;
    };
    expect(decodeShareState(forge('{"selection":{"kind":"nodes","nodes":["kgr:huawei","kgr:huawei"]}}')).selection).toEqual({ kind: "node", node: huawei });
    expect(() => decodeShareState(forge('{"selection":{"kind":"nodes","nodes":"kgr:huawei"}}'))).toThrow("session/share: selection.nodes: expected an array, got a string");
  });
});
