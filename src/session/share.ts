// Share links: the view state (queries, filters, selection, camera, pinned positions) as a compact URL-safe string, bundled data only.
import { prefixes } from "../rdf/vocab.ts";
import type { SessionSource } from "./format.ts";
import { VIEW_LIMITS, type Camera, type SessionLayout } from "./layout.ts";
import { getEmptySession, MAX_SELECTION, nodeSelection, selectedNodes } from "./producers.ts";
import { arr, bool, int, iri, nullable, num, obj, oneOf, SessionFileError, str, stripUserinfo, validate, type ObjectSchema, type UnionSchema } from "./schema.ts";
import { sha256Hex } from "./sha256.ts";
import { SOURCE_LIMITS } from "./source-settings.ts";
import { MAX_TERMINALS } from "./file-schema.ts";
import { forceAtlas2Schema } from "./layout-settings.ts";
import type { ForceAtlas2Choice, SessionState } from "./types.ts";

export const SHARE_VERSION = 1;
/** Longest share string accepted (browsers and servers cope with URLs far longer, chat tools do not). */
export const MAX_SHARE_LENGTH = 16_000;

/** What a share link carries: the questions and the view, not the answers (the page re-runs the queries). */
export interface ShareState {
  data: "bundled";
  /** 12 hex digits identifying the bundled files the link was made on (edge keys `e<id>` are only valid on those). */
  dataHash?: string;
  selection: SessionState["selection"];
  filters: SessionState["filters"];
  /** `terminals`: the entities of a connection (Connect several), when the path state holds one. */
  path: { from: string | null; to: string | null; options: SessionState["path"]["options"]; chosen: number; terminals?: string[] };
  neighbourhood: Pick<SessionState["neighbourhood"], "centers" | "depth" | "direction" | "classes" | "predicates" | "mode">;
  focus: SessionState["focus"];
  edgeLabels: boolean;
  /** The analyst's ForceAtlas2 settings, when set. */
  forceAtlas2?: ForceAtlas2Choice;
  added: { nodes: string[]; edges: string[] };
  camera?: Camera;
  /** Positions of the pinned nodes only (the rest are laid out again). */
  pinned?: Record<string, [number, number]>;
}

export class ShareError extends Error {
  constructor(message: string) {
    super(`session/share: ${message}`);
    this.name = "ShareError";
  }
}

/** A short hash of the data's files (names and content hashes), to tell whether a link was made on the same data. */
export function bundledDataHash(sources: readonly SessionSource[]): string {
  return sha256Hex(sources.map((s) => `${s.name}\u0000${s.sha256}`).join("\n")).slice(0, 12);
}

/** The share state of a session, or a ShareError when the data is not the bundled graph. */
export function toShareState(state: SessionState, layout?: Pick<SessionLayout, "camera" | "pinned" | "positions">, sources?: readonly SessionSource[]): ShareState {
  const own = sources?.filter((s) => s.kind !== "bundled") ?? [];
  if (own.length > 0) {
    throw new ShareError(`share links carry the view of the bundled graph only; this session uses ${own.map((s) => `"${s.name}"`).join(", ")} (save the session as a file instead)`);
  }
  const { centers, depth, direction, classes, predicates, mode } = state.neighbourhood;
  const share: ShareState = {
    data: "bundled",
    ...(sources && sources.length ? { dataHash: bundledDataHash(sources) } : {}),
    selection: state.selection,
    filters: state.filters,
    path: { from: state.path.from, to: state.path.to, options: state.path.options, chosen: state.path.chosen, ...(state.path.terminals ? { terminals: state.path.terminals } : {}) },
    neighbourhood: { centers, depth, direction, classes, predicates, mode },
    focus: state.focus,
    edgeLabels: state.view.edgeLabels,
    ...(state.view.forceAtlas2 ? { forceAtlas2: state.view.forceAtlas2 } : {}),
    added: state.added,
  };
  if (layout) {
    share.camera = layout.camera;
    const pinned = layout.pinned.filter((n) => Object.hasOwn(layout.positions, n));
    if (pinned.length) share.pinned = Object.fromEntries(pinned.map((n) => [n, layout.positions[n]]));
  }
  return share;
}

// IRIs are written with the project's prefixes (kgr:huawei): most of a link is IRIs.
const prefixList = Object.entries(prefixes).sort((a, b) => b[1].length - a[1].length);
const compactIri = (value: string): string => {
  for (const [name, ns] of prefixList) if (value.startsWith(ns)) return `${name}:${value.slice(ns.length)}`;
  const scheme = value.slice(0, value.indexOf(":"));
  return Object.hasOwn(prefixes, scheme) ? `<${value}>` : value;
};
const expandIri = (value: string): string => {
  if (value.startsWith("<") && value.endsWith(">")) return value.slice(1, -1);
  const colon = value.indexOf(":");
  const name = value.slice(0, colon);
  return colon > 0 && Object.hasOwn(prefixes, name) ? prefixes[name as keyof typeof prefixes] + value.slice(colon + 1) : value;
};

function mapStrings(value: unknown, f: (s: string) => string, keysToo: boolean): unknown {
  if (typeof value === "string") return f(value);
  if (Array.isArray(value)) return value.map((x) => mapStrings(x, f, keysToo));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [keysToo ? f(k) : k, mapStrings(v, f, keysToo)]));
  }
  return value;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * `1.<base64url JSON>.<check>`: version, the state with compacted IRIs, and 10 hex digits of its SHA-256, so a
 * link cut short or altered by hand is refused instead of half-read (not a signature: decoding validates fully).
 */
export function encodeShareState(state: SessionState, layout?: Pick<SessionLayout, "camera" | "pinned" | "positions">, sources?: readonly SessionSource[]): string {
  const share = toShareState(state, layout, sources);
  // Credentials never leave in a link: user:password@ is removed from every URL first.
  const clean = mapStrings(share, stripUserinfo, true);
  const json = JSON.stringify(mapStrings(withoutDefaults(clean, defaultShare()) ?? {}, compactIri, true));
  const payload = toBase64Url(new TextEncoder().encode(json));
  const encoded = `${SHARE_VERSION}.${payload}.${sha256Hex(payload).slice(0, 10)}`;
  if (encoded.length > MAX_SHARE_LENGTH) {
    throw new ShareError(`the view is too large for a link (${encoded.length} characters, at most ${MAX_SHARE_LENGTH}); save the session as a file instead`);
  }
  return encoded;
}

const coordinate = num({ min: -VIEW_LIMITS.cameraCoordinate, max: VIEW_LIMITS.cameraCoordinate });
const position = num({ min: -VIEW_LIMITS.position, max: VIEW_LIMITS.position });
const yearRange = obj({ from: int(-10_000, 10_000), to: int(-10_000, 10_000) });
const iris = arr(iri(), 5_000);
const edgeKey = str(16, { pattern: /^e\d{1,10}$/, patternName: "an edge key (e<id>)" });
const selection: UnionSchema = {
  type: "union",
  tag: "kind",
  variants: {
    none: obj({ kind: oneOf(["none"]) }),
    node: obj({ kind: oneOf(["node"]), node: iri() }),
    nodes: obj({ kind: oneOf(["nodes"]), nodes: arr(iri(), MAX_SELECTION) }),
    edge: obj({ kind: oneOf(["edge"]), edge: edgeKey }),
  },
};
const shareDate = str(10, { pattern: /^\d{4}(-\d{2}(-\d{2})?)?$/, patternName: "a date (2020, 2020-03 or 2020-03-15)" });
const shareSchema: ObjectSchema = obj(
  {
    data: oneOf(["bundled"]),
    dataHash: str(12, { pattern: /^[0-9a-f]{12}$/, patternName: "12 hex digits" }),
    selection,
    // The source settings (issue 16) are optional, so links made before them still open.
    filters: obj(
      { hiddenClasses: iris, hiddenPredicates: iris, hiddenNodes: iris, dateRange: nullable(yearRange), showSchema: bool(), hiddenSources: arr(iri(), SOURCE_LIMITS.maxHiddenSources), minSources: int(1, SOURCE_LIMITS.maxMinSources), colourBySource: bool(), hideUndated: bool() },
      ["hiddenSources", "minSources", "colourBySource", "hideUndated"],
    ),
    path: obj({
      from: nullable(iri()),
      to: nullable(iri()),
      // Ranking and evidence constraints (issue 18) are optional, so links made before them still open.
      options: obj({
        k: int(1, 20), maxLength: int(1, 12), directed: bool(), excludePredicates: iris, excludeClasses: iris, excludeNodes: iris,
        rank: oneOf(["shortest", "informative"]), fromDate: shareDate, toDate: shareDate, eventKinds: iris,
        sources: arr(iri(), SOURCE_LIMITS.maxHiddenSources), minSources: int(1, SOURCE_LIMITS.maxMinSources),
      }, ["rank", "fromDate", "toDate", "eventKinds", "sources", "minSources"]),
      chosen: int(-1, 19),
      // A connection's entities (Connect several), bounded as in session files; optional, so older links open.
      terminals: arr(iri(), MAX_TERMINALS),
    }, ["terminals"]),
    neighbourhood: obj({ centers: iris, depth: int(1, 3), direction: oneOf(["out", "in", "both"]), classes: iris, predicates: iris, mode: oneOf(["only", "highlight"]) }),
    focus: oneOf(["none", "path", "neighbourhood"]),
    edgeLabels: bool(),
    // Optional (issue 14), so links made before it still open.
    forceAtlas2: forceAtlas2Schema,
    added: obj({ nodes: iris, edges: arr(edgeKey, 20_000) }),
    camera: obj({ x: coordinate, y: coordinate, ratio: num({ min: 1e-6, max: 1e6 }), angle: num({ min: -VIEW_LIMITS.cameraAngle, max: VIEW_LIMITS.cameraAngle }) }),
    pinned: { type: "record", keys: iri(), values: { type: "tuple", items: [position, position] }, max: 5_000 },
  },
  ["camera", "pinned", "dataHash", "forceAtlas2"],
);

/** What a link leaves out: the view of a fresh session. */
function defaultShare(): ShareState {
  return toShareState(getEmptySession());
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** `value` without the fields equal to `base` (recursively through objects; arrays are compared whole). */
function withoutDefaults(value: unknown, base: unknown): unknown {
  if (isPlainObject(value) && isPlainObject(base)) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, Object.hasOwn(base, k) ? withoutDefaults(v, base[k]) : v] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return JSON.stringify(value) === JSON.stringify(base) ? undefined : value;
}

/** `base` with the fields `value` gives (recursively through objects); unknown fields are kept for validation to refuse. */
function withDefaults(value: unknown, base: unknown): unknown {
  if (!isPlainObject(value) || !isPlainObject(base)) return value;
  const keys = new Set([...Object.keys(base), ...Object.keys(value)]);
  return Object.fromEntries([...keys].map((k) => [k, Object.hasOwn(value, k) ? withDefaults(value[k], Object.hasOwn(base, k) ? base[k] : undefined) : base[k]]));
}

/** The share state in a link, checked like a session file; throws ShareError saying what is wrong. */
export function decodeShareState(encoded: string): ShareState {
  if (typeof encoded !== "string" || encoded.length > MAX_SHARE_LENGTH) throw new ShareError(`not a share link (longer than ${MAX_SHARE_LENGTH} characters)`);
  const match = /^(\d+)\.([A-Za-z0-9_-]+)\.([0-9a-f]{10})$/.exec(encoded.trim());
  if (!match) throw new ShareError("not a share link (expected <version>.<data>.<check>); copy the whole link");
  const [, version, payload, check] = match;
  if (Number(version) !== SHARE_VERSION) throw new ShareError(`link version ${version} is not the one this build reads (${SHARE_VERSION})`);
  if (sha256Hex(payload).slice(0, 10) !== check) throw new ShareError("the link was cut short or altered (its check does not match); copy the whole link");
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(fromBase64Url(payload)));
  } catch {
    throw new ShareError("the link's data is not readable");
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ShareError("the link's data is not an object");
  try {
    const share = validate<ShareState>(withDefaults(mapStrings(raw, expandIri, true), defaultShare()), shareSchema);
    // A hand-made link may list a node twice or only one: read it as the workbench would have written it.
    return share.selection.kind === "nodes" ? { ...share, selection: nodeSelection(selectedNodes(share.selection)) } : share;
  } catch (error) {
    if (error instanceof SessionFileError) throw new ShareError(`${error.path ? `${error.path}: ` : ""}${error.problem}`);
    throw error;
  }
}

/**
 * A session state for a decoded link: its questions and view, with no results yet (the page re-runs the queries).
 * Given the sources now loaded, a link made on other bundled data keeps its nodes (IRIs) but drops its edge keys,
 * which would name other relations.
 */
export function stateFromShare(share: ShareState, sources?: readonly SessionSource[]): SessionState {
  const empty = getEmptySession();
  const otherData = share.dataHash !== undefined && sources !== undefined && bundledDataHash(sources) !== share.dataHash;
  if (otherData) {
    share = { ...share, added: { nodes: share.added.nodes, edges: [] }, selection: share.selection.kind === "edge" ? { kind: "none" } : share.selection };
  }
  return {
    ...empty,
    selection: share.selection,
    filters: share.filters,
    path: { ...empty.path, from: share.path.from, to: share.path.to, options: share.path.options, chosen: -1, ...(share.path.terminals ? { terminals: share.path.terminals } : {}) },
    neighbourhood: { ...empty.neighbourhood, ...share.neighbourhood },
    focus: "none",
    view: { ...empty.view, edgeLabels: share.edgeLabels, ...(share.forceAtlas2 ? { forceAtlas2: share.forceAtlas2 } : {}) },
    added: share.added,
  };
}
