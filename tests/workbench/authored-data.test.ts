// authored.ttl follows the additions of the step shown: rebuilt and reloaded only when they differ, also for a session
// opened from a file (its Turtle from History) or one from before additions were steps (its file kept as a base).
import { describe, expect, it } from "vitest";
import { act, startSession } from "../../src/session/act.ts";
import { authoringActions, type AuthoredRef } from "../../src/session/authored.ts";
import type { SessionSource } from "../../src/session/format.ts";
import { createSessionStore, defaultAppearance, emptyLayout, emptyNotes, getEmptySession, type History } from "../../src/session/index.ts";
import { sha256Hex } from "../../src/session/sha256.ts";
import { loadDataset } from "../../src/rdf/parse.ts";
import { writeTurtle } from "../../src/rdf/serialize.ts";
import { AuthoredData, MERGED_FILE } from "../../src/workbench/authored-data.ts";
import { DataSources } from "../../src/workbench/data-sources.ts";

const KG = "https://w3id.org/smartcity-kg/resource/";
const triple = (s: string, o: string) => `<${KG}${s}> <https://w3id.org/smartcity-kg/ontology#suppliesTo> <${KG}${o}> .\n`;
const A = triple("huawei", "kenya");
const B = triple("dahua", "lebanon");
const ref = (turtle: string, label: string): AuthoredRef => ({ kind: "relation", iri: `${KG}${label}`, sha256: sha256Hex(turtle), label });
const BUNDLED = { name: "graph-data/entities.ttl", sha256: sha256Hex("bundled") };

/** A page's data as the workbench keeps it, with loads recorded instead of sent to a worker. */
function page(history: () => History | null = () => null) {
  const store = createSessionStore();
  const dataSources = new DataSources();
  dataSources.loaded([BUNDLED], [], true);
  const loads: SessionSource[][] = [];
  const data = new AuthoredData({
    store, dataSources, history,
    // The worker's "changes": the texts as one dataset, written as Turtle.
    merge: async (texts) => writeTurtle(await loadDataset(texts.map((text, i) => ({ name: `change-${i + 1}.ttl`, text })))),
    loadSources: async (sources, kept) => {
      loads.push([...sources]);
      const incoming = dataSources.incoming(sources, kept);
      dataSources.loaded([BUNDLED], [], true);
      if (incoming.length) dataSources.loaded(sources.filter((s) => s.kind === "file").map((s) => ({ name: s.name, sha256: s.sha256 })), incoming, false);
    },
  });
  const authoredText = async () => {
    const file = dataSources.list().find((s) => s.name === MERGED_FILE);
    return file ? ((await dataSources.fileOf(file.sha256)?.text()) ?? "") : null;
  };
  return { store, dataSources, data, loads, authoredText };
}

describe("AuthoredData", () => {
  it("reloads only when the additions differ, with authored.ttl holding exactly them", async () => {
    const p = page();
    p.data.remember(sha256Hex(A), A);
    p.data.remember(sha256Hex(B), B);
    expect(await p.data.setAdditions([ref(A, "a")])).toBe(true);
    expect(await p.authoredText()).toContain("kgr:kenya ");
    p.store.apply((s) => ({ ...s, authored: [ref(A, "a")] }));
    expect(await p.data.setAdditions([ref(A, "a")])).toBe(false);
    expect(await p.data.setAdditions([ref(A, "a"), ref(B, "b")])).toBe(true);
    const both = await p.authoredText();
    expect(both).toContain("kgr:kenya ");
    expect(both).toContain("kgr:lebanon ");
    // Undo of both: no authored.ttl at all; the bundled data stays first.
    expect(await p.data.setAdditions([])).toBe(true);
    expect(await p.authoredText()).toBeNull();
    expect(p.loads.at(-1)!.map((s) => s.name)).toEqual([BUNDLED.name]);
    expect(p.loads).toHaveLength(3);
  });

  it("a session opened from a file: its authored.ttl is the shown step's; an undone addition comes back from History", async () => {
    // The session: A then B added; the file was saved with B undone (authored.ttl holds A only).
    let model = startSession({ state: getEmptySession(), layout: emptyLayout(), appearance: defaultAppearance(), notes: emptyNotes() });
    model = act(model, authoringActions.addition("relation", ref(A, "a"), A));
    model = act(model, authoringActions.addition("relation", ref(B, "b"), B));
    const p = page(() => model.history);
    const merged = writeTurtle(await loadDataset([{ name: "a.ttl", text: A }]));
    p.dataSources.loaded([{ name: MERGED_FILE, sha256: sha256Hex(merged) }], [{ name: MERGED_FILE, text: merged, format: "turtle" }], false);
    const shown = { ...getEmptySession(), authored: [ref(A, "a")] };
    p.store.apply(() => shown);
    await p.data.sync(shown);
    expect(p.loads).toHaveLength(0);
    // Redo B: its Turtle is read from the step that added it.
    await p.data.sync({ ...shown, authored: [ref(A, "a"), ref(B, "b")] });
    expect(p.loads).toHaveLength(1);
    expect(await p.authoredText()).toContain("kgr:lebanon ");
    expect(p.store.get().authored).toHaveLength(2);
  });

  it("a new addition in a session opened from a file adds to what it holds (nothing is taken for loaded that is not)", async () => {
    const p = page();
    const merged = writeTurtle(await loadDataset([{ name: "a.ttl", text: A }]));
    p.dataSources.loaded([{ name: MERGED_FILE, sha256: sha256Hex(merged) }], [{ name: MERGED_FILE, text: merged, format: "turtle" }], false);
    p.store.apply((s) => ({ ...s, authored: [ref(A, "a")] }));
    p.data.remember(sha256Hex(A), A);
    p.data.remember(sha256Hex(B), B);
    expect(await p.data.setAdditions([ref(A, "a"), ref(B, "b")])).toBe(true);
    expect(await p.authoredText()).toContain("kgr:lebanon ");
  });

  it("a file from before additions were steps is kept as the base of the rebuilt authored.ttl; a missing Turtle is an error", async () => {
    const p = page();
    const legacy = triple("zte", "ecuador");
    p.dataSources.loaded([{ name: MERGED_FILE, sha256: sha256Hex(legacy) }], [{ name: MERGED_FILE, text: legacy, format: "turtle" }], false);
    await p.data.sync(getEmptySession());
    expect(p.loads).toHaveLength(0);
    p.data.remember(sha256Hex(B), B);
    await p.data.setAdditions([ref(B, "b")]);
    const text = await p.authoredText();
    expect(text).toContain("kgr:ecuador ");
    expect(text).toContain("kgr:lebanon ");
    await expect(p.data.setAdditions([ref(B, "b"), ref(A, "a")])).rejects.toThrow(/The Turtle of an addition \(SHA-256 [0-9a-f]{12}…\) is not in this session/);
  });
});
