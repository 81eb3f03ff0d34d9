// Share links and session files carry a connection (Connect several) and the path's source constraints, validated and bounded.
import { describe, expect, it } from "vitest";
import { decodeShareState, encodeShareState, ShareError, stateFromShare } from "../../src/session/share.ts";
import { getEmptySession } from "../../src/session/producers.ts";
import { parseSessionFile, serializeSession, toSessionFile } from "../../src/session/format.ts";
import { MAX_TERMINALS } from "../../src/session/file-schema.ts";
import { sha256Hex } from "../../src/session/sha256.ts";
import type { SessionState } from "../../src/session/types.ts";

const kgr = (local: string) => `https://w3id.org/smartcity-kg/resource/${local}`;
const terminals = ["huawei", "kenya", "digital-silk-road", "communist-party-of-china"].map(kgr);
const source = kgr("source-euiss-brief-2020-10");

/** The state after Connect several ran informative, with the path restricted to one source and 2 sources. */
function connected(): SessionState {
  const empty = getEmptySession();
  return {
    ...empty,
    path: { ...empty.path, options: { ...empty.path.options, rank: "informative", sources: [source], minSources: 2 }, chosen: 0, terminals },
    focus: "path",
  };
}

const forge = (json: string) => {
  const payload = Buffer.from(json).toString("base64url");
  return `1.${payload}.${sha256Hex(payload).slice(0, 10)}`;
};

describe("a share link's connection", () => {
  it("round-trips the connected entities, ranking and source constraints", () => {
    const share = decodeShareState(encodeShareState(connected()));
    expect(share.path.terminals).toEqual(terminals);
    expect(share.path.options).toMatchObject({ rank: "informative", sources: [source], minSources: 2 });
    const state = stateFromShare(share);
    expect(state.path.terminals).toEqual(terminals);
    expect(state.path.options.sources).toEqual([source]);
    expect(state.path.results).toEqual([]);
  });

  it("leaves it out when there is none, so a path's link is as before", () => {
    const share = decodeShareState(encodeShareState(getEmptySession()));
    expect("terminals" in share.path).toBe(false);
    expect("terminals" in stateFromShare(share).path).toBe(false);
  });

  it("refuses a connection that is too large or not of IRIs, saying where", () => {
    const many = Array.from({ length: MAX_TERMINALS + 1 }, (_, i) => `kgr:e${i}`);
    expect(() => decodeShareState(forge(JSON.stringify({ path: { terminals: many } })))).toThrow(ShareError);
    expect(() => decodeShareState(forge(JSON.stringify({ path: { terminals: many } })))).toThrow(/path\.terminals/);
    expect(() => decodeShareState(forge('{"path":{"terminals":["not an iri"]}}'))).toThrow(/path\.terminals\[0\]/);
    expect(() => decodeShareState(forge('{"path":{"terminals":"kgr:huawei"}}'))).toThrow(/path\.terminals/);
    expect(() => decodeShareState(forge('{"path":{"options":{"minSources":0}}}'))).toThrow(/path\.options\.minSources/);
    expect(() => decodeShareState(forge('{"path":{"options":{"sources":[3]}}}'))).toThrow(/path\.options\.sources\[0\]/);
    expect(decodeShareState(forge(`{"path":{"terminals":${JSON.stringify(terminals.slice(0, 2))}}}`)).path.terminals).toEqual(terminals.slice(0, 2));
  });
});

describe("a session file's path source constraints", () => {
  it("are saved and read back, and refused when out of bounds", () => {
    const state = connected();
    const text = serializeSession(toSessionFile({ state: { ...state, path: { ...state.path, chosen: -1 }, focus: "none" } }));
    const read = parseSessionFile(text);
    expect(read.state.path.options).toMatchObject({ sources: [source], minSources: 2 });
    const bad = JSON.parse(text);
    bad.state.path.options.minSources = 0;
    expect(() => parseSessionFile(JSON.stringify(bad))).toThrow(/state\.path\.options\.minSources/);
  });
});
