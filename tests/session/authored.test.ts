// The analyst's additions and rejections as named steps (issue 17): labelled, undone and redone, notes kept, saved and read back.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { act, goToStep, redoStep, startSession, undoStep } from "../../src/session/act.ts";
import { authoredOf, authoringActions, isRejected, rejectedOf, tripleLabel, type AuthoredRef } from "../../src/session/authored.ts";
import { placeQuote, quadsToTurtle, relationQuads } from "../../src/session/authoring.ts";
import { actions } from "../../src/session/named-actions.ts";
import { defaultAppearance, emptyLayout, emptyNotes, getEmptySession, nodeReferences, parseSessionFile, serializeSession, toSessionFile } from "../../src/session/index.ts";
import { sha256Hex } from "../../src/session/sha256.ts";
import { kgr, refusal, repoRoot, variant } from "./fixtures.ts";

const KG = "https://w3id.org/smartcity-kg/ontology#";
const BRIEF = kgr("euiss-brief-2020-10");
const briefText = readFileSync(join(repoRoot, "graph-data", "sources", "euiss-brief-2020-10.txt"), "utf8");
const start = () => startSession({ state: getEmptySession(), layout: emptyLayout(), appearance: defaultAppearance(), notes: emptyNotes() }, "2026-12-04T15:00:00Z");
const at = (s: number) => ({ at: `2026-12-04T15:00:${String(s).padStart(2, "0")}Z` });

/** A relation authored from a real quote of the brief, as the workbench's worker writes it. */
async function addition(subject: string, predicate: string, object: string, quote: string): Promise<{ ref: AuthoredRef; turtle: string }> {
  const place = placeQuote(briefText, quote);
  const evidence = `https://w3id.org/smartcity-kg/evidence/${subject}-${object}`;
  const turtle = await quadsToTurtle(relationQuads({
    subject: kgr(subject), predicate: KG + predicate, object: kgr(object), source: BRIEF, quote, place,
    locator: "Summary", by: "Ana Lyst", at: "2026-12-04T15:00:00Z", status: "accepted",
  }, evidence));
  return { ref: { kind: "relation", iri: evidence, sha256: sha256Hex(turtle), label: tripleLabel(subject, predicate, object) }, turtle };
}

describe("authoring steps in the session", () => {
  it("an addition is a named step with its label and Turtle; undo takes it out of the state, redo puts it back; notes stay", async () => {
    const huawei = await addition("huawei", "suppliesTo", "kenya", "Huawei has donated video conference equipment to the Kenyan government");
    let model = start();
    model = act(model, authoringActions.addition("accept", { ...huawei.ref, label: "Huawei – supplies – Kenya" }, huawei.turtle, { source: kgr("huawei"), predicate: KG + "suppliesTo", target: kgr("kenya") }), at(1));
    model = act(model, actions.writeNote({ kind: "session" }, "check the Kenyan contract"), at(2));
    const entry = model.history.entries[1];
    expect(entry.label).toBe("Accept relation: Huawei – supplies – Kenya");
    expect(entry.action).toEqual({ kind: "author", params: { op: "accept", iri: huawei.ref.iri, sha256: huawei.ref.sha256 } });
    expect(entry.recorded?.turtle).toBe(huawei.turtle);
    expect(entry.recorded?.edges).toEqual([{ source: kgr("huawei"), predicate: KG + "suppliesTo", target: kgr("kenya") }]);
    expect(authoredOf(model.current.state).map((a) => a.sha256)).toEqual([huawei.ref.sha256]);

    model = undoStep(model);
    expect(model.history.cursor).toBe(0);
    expect(authoredOf(model.current.state)).toEqual([]);
    expect(model.current.notes.session).toBe("check the Kenyan contract");
    model = redoStep(model);
    expect(authoredOf(model.current.state).map((a) => a.label)).toEqual(["Huawei – supplies – Kenya"]);
    expect(model.current.notes.session).toBe("check the Kenyan contract");
    // The same addition again changes nothing: no second step.
    expect(act(model, authoringActions.addition("relation", huawei.ref, huawei.turtle)).history).toBe(model.history);
  });

  it("labels say what was done: new relation, added source; the kinds' default labels read too", async () => {
    const xi = await addition("xi-jinping", "promotes", "digital-silk-road", "Digital Silk Road");
    let model = start();
    model = act(model, authoringActions.addition("source", { kind: "source", iri: kgr("catalogue-record"), sha256: sha256Hex("x"), label: "Towards Urban Decoupling" }, "x"), at(1));
    model = act(model, authoringActions.addition("relation", xi.ref, xi.turtle), at(2));
    expect(model.history.entries.map((e) => e.label)).toEqual(["Start", "Add source: Towards Urban Decoupling", `New relation: ${tripleLabel("xi-jinping", "promotes", "digital-silk-road")}`]);
    // Going back to the start drops both; going to the last step brings both back, in order.
    expect(authoredOf(goToStep(model, 0).current.state)).toEqual([]);
    expect(authoredOf(goToStep(goToStep(model, 0), 2).current.state).map((a) => a.kind)).toEqual(["source", "relation"]);
  });

  it("a rejected candidate is remembered per text, quote and relation; undo forgets it, redo remembers it", () => {
    const candidate = { source: sha256Hex(briefText), quote: "Huawei", subject: kgr("huawei"), predicate: KG + "suppliesTo", object: kgr("kenya") };
    let model = act(start(), authoringActions.rejectCandidate(candidate, "Huawei – supplies – Kenya"), at(1));
    expect(model.history.entries[1].label).toBe("Reject candidate: Huawei – supplies – Kenya");
    expect(isRejected(model.current.state, candidate)).toBe(true);
    // Another text (another hash), or another predicate for the same sentence, is not the rejected candidate.
    expect(isRejected(model.current.state, { ...candidate, source: sha256Hex(`${briefText} `) })).toBe(false);
    expect(isRejected(model.current.state, { ...candidate, predicate: KG + "partnersWith" })).toBe(false);
    expect(act(model, authoringActions.rejectCandidate(candidate, "again")).history).toBe(model.history);
    model = undoStep(model);
    expect(rejectedOf(model.current.state)).toEqual([]);
    model = redoStep(model);
    expect(rejectedOf(model.current.state)).toEqual([candidate]);
  });

  it("a session file keeps additions, their Turtle and rejections, reads them back, and refuses bad ones saying where", async () => {
    const huawei = await addition("huawei", "suppliesTo", "kenya", "Huawei has donated video conference equipment to the Kenyan government");
    const candidate = { source: sha256Hex(briefText), quote: "Huawei", subject: kgr("huawei"), predicate: KG + "suppliesTo", object: kgr("kenya") };
    let model = act(start(), authoringActions.addition("accept", huawei.ref, huawei.turtle), at(1));
    model = act(model, authoringActions.rejectCandidate(candidate, "Huawei – supplies – Kenya"), at(2));
    const file = toSessionFile({ name: "authored", state: model.current.state, history: model.history, createdAt: "2026-12-04T15:00:00Z", savedAt: "2026-12-04T15:01:00Z" });
    const read = parseSessionFile(serializeSession(file));
    expect(read.state.authored).toEqual([huawei.ref]);
    expect(read.state.rejected).toEqual([candidate]);
    expect(read.history[1].recorded?.turtle).toBe(huawei.turtle);
    expect(read.history[2].action.kind).toBe("reject-candidate");
    expect(serializeSession(read)).toBe(serializeSession(file));

    expect(refusal(variant((f) => (f.state.authored = [{ kind: "relation", iri: huawei.ref.iri, sha256: "ABC", label: "x" }]))).message).toMatch(/^session: state\.authored\[0\]\.sha256: /);
    expect(refusal(variant((f) => (f.state.authored = [{ kind: "entity", iri: huawei.ref.iri, sha256: huawei.ref.sha256, label: "x" }]))).message).toMatch(/state\.authored\[0\]\.kind/);
    expect(refusal(variant((f) => (f.state.rejected = [{ ...candidate, subject: "not an iri" }]))).message).toMatch(/state\.rejected\[0\]\.subject/);
    expect(refusal(variant((f) => (f.state.rejected = [{ ...candidate, extra: 1 }]))).kind).toBe("unknown-field");
  });

  it("nodes named only by steps made with additions now undone are not asked of the data", async () => {
    const entity = await addition("huawei", "isPartOf", "euiss-policy-briefs", "Huawei has donated video conference equipment to the Kenyan government");
    let model = act(start(), authoringActions.addition("relation", entity.ref, entity.turtle), at(1));
    model = act(model, actions.addNodes({ nodes: [kgr("euiss-policy-briefs")], edges: [] }), at(2));
    const refsAt = (m: typeof model) => nodeReferences(toSessionFile({ name: "n", state: m.current.state, history: m.history, createdAt: "2026-12-04T15:00:00Z", savedAt: "2026-12-04T15:01:00Z" }));
    expect(refsAt(model).has(kgr("euiss-policy-briefs"))).toBe(true);
    // Undone twice: the data will not hold the new entity, and the redo steps that show it are not checked against it.
    model = undoStep(undoStep(model));
    expect(refsAt(model).has(kgr("euiss-policy-briefs"))).toBe(false);
  });
});
