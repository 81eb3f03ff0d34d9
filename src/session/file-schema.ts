// The session file's schema: the single description the validator, the writer and the documentation test use.
import { MAX_BRANCHES } from "./history.ts";
import { COLOUR_BY, SIZE_BY } from "./layout.ts";
import { SPARQL_LIMITS, sparqlQuerySchema } from "./producers.ts";
import { arr, bool, int, iri, nullable, num, obj, oneOf, str, withDoc, type ObjectSchema, type RecordSchema, type UnionSchema } from "./schema.ts";
import { SESSION_FORMAT, SESSION_LIMITS, SESSION_VERSION } from "./file-types.ts";
import { SOURCE_LIMITS } from "./source-settings.ts";
import { forceAtlas2Schema } from "./layout-settings.ts";
import { AUTHORED_LIMITS } from "./authored.ts";

const L = SESSION_LIMITS;
export const text = (doc?: string) => str(L.maxText, { doc });
const iriList = (doc?: string) => arr(iri(), L.maxNodes, doc);
export const isoTime = (doc: string) => str(40, { pattern: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/, patternName: "an ISO 8601 time (2026-11-22T08:00:00Z)", doc });
const edgeKeyPattern = /^e\d{1,10}$/;
const edgeKey = (doc?: string) => str(16, { pattern: edgeKeyPattern, patternName: "an edge key (e<id>)", doc });
const hexColour = str(7, { pattern: /^#[0-9a-fA-F]{6}$/, patternName: "a colour #rrggbb" });

const tripleSchema = obj({ source: iri("subject IRI"), predicate: iri("predicate IRI"), target: iri("object IRI") });

const evidenceSchema = obj(
  {
    statement: str(2048, { doc: "IRI or _:label of the evidence node" }),
    quote: str(L.maxQuote, { doc: "the quote from the source" }),
    source: str(2048, { doc: "source document IRI" }),
    sourceLabel: text(),
    locator: text(),
    page: int(0, 1_000_000),
    pages: arr(int(0, 1_000_000), 16, "every page, when the quote crosses a page break"),
    date: str(40),
    text: str(512, { doc: "cleaned source text file, relative to graph-data/" }),
    disagreement: text("another source that says the opposite (kg:disagreement)"),
    by: text("who stated it, for an analyst's relation (prov:wasAttributedTo)"),
  },
  ["page", "pages", "date", "text", "disagreement", "by"],
);

/** Entities one connect query joins (kg connect takes more; the workbench's panel stops at this). */
export const MAX_TERMINALS = 8;
const dateText = (doc: string) => str(10, { pattern: /^\d{4}(-\d{2}(-\d{2})?)?$/, patternName: "a date (2020, 2020-03 or 2020-03-15)", doc });

// rank, fromDate, toDate, eventKinds and a result's score were added within the version, as optional fields (issue 18).
const pathOptionsSchema = obj({
  k: int(1, 20, "how many shortest paths"),
  maxLength: int(1, 12, "longest path in hops"),
  directed: bool("follow relations only in their direction"),
  excludePredicates: iriList(),
  excludeClasses: iriList(),
  excludeNodes: iriList(),
  rank: oneOf(["shortest", "informative"], "path order: fewest hops, or most informative first; absent: shortest"),
  fromDate: dateText("only relations dated on or after (by evidence or event)"),
  toDate: dateText("only relations dated on or before"),
  eventKinds: iriList("event class IRIs: events of other kinds are avoided"),
  sources: arr(iri(), SOURCE_LIMITS.maxHiddenSources, "source IRIs: only relations one of them states; absent: any source"),
  minSources: int(1, SOURCE_LIMITS.maxMinSources, "only relations at least this many distinct sources state; absent: 1"),
}, ["rank", "fromDate", "toDate", "eventKinds", "sources", "minSources"]);

const pathResultSchema = obj({
  nodes: arr(iri(), L.maxHops + 1),
  nodeLabels: arr(text(), L.maxHops + 1),
  steps: arr(
    obj({
      edge: edgeKey(),
      forward: bool(),
      from: iri(),
      to: iri(),
      predicate: iri(),
      predicateLabel: text(),
      evidence: arr(evidenceSchema, L.maxEvidence),
    }),
    L.maxHops,
  ),
  explanation: arr(str(L.maxQuote + L.maxText), L.maxHops),
  score: obj({ total: num({ min: 0 }), hops: int(0, L.maxHops), hub: num({ min: 0 }), generic: num({ min: 0 }) }, [], "lower is more informative: hops + hub + generic"),
}, ["score"]);

const status = oneOf(["idle", "running", "done", "error"]);
const direction = oneOf(["out", "in", "both"]);

const selectionSchema: UnionSchema = {
  type: "union",
  tag: "kind",
  variants: {
    none: obj({ kind: oneOf(["none"]) }),
    node: obj({ kind: oneOf(["node"]), node: iri() }),
    nodes: obj({ kind: oneOf(["nodes"]), nodes: arr(iri(), L.maxSelection, "two or more node IRIs, in the order picked (one node is `node`)") }),
    edge: obj({ kind: oneOf(["edge"]), edge: edgeKey() }),
  },
};

const yearRange = obj({ from: int(-10_000, 10_000), to: int(-10_000, 10_000) });
const sha256Text = (doc?: string) => str(64, { pattern: /^[0-9a-f]{64}$/, patternName: "64 lower-case hex digits (SHA-256)", doc });
const candidateFields = {
  source: sha256Text("SHA-256 of the source's text"),
  quote: str(L.maxQuote, { doc: "the candidate's sentence" }),
  subject: iri(),
  predicate: iri(),
  object: iri(),
};

export const stateSchema: ObjectSchema = obj({
  selection: selectionSchema,
  filters: obj({
    hiddenClasses: iriList("class IRIs whose nodes are hidden"),
    hiddenPredicates: iriList("predicate IRIs whose edges are hidden"),
    hiddenNodes: iriList("node IRIs the analyst hid"),
    dateRange: nullable(yearRange, "inclusive years; edges dated outside are hidden"),
    showSchema: bool(),
    // Relations by source (issue 16), optional within version 3: absent is what every earlier file shows.
    hiddenSources: arr(iri(), SOURCE_LIMITS.maxHiddenSources, "source IRIs whose relations are hidden unless another source states them; absent: none"),
    minSources: int(1, SOURCE_LIMITS.maxMinSources, "only relations stated by at least this many sources; absent: 1"),
    colourBySource: bool("relations coloured by their source (one colour for several); absent: not"),
    // The timeline's choice (issue 14), optional within version 3 as the source settings are.
    hideUndated: bool("relations without any date hidden; absent: shown"),
  }, ["hiddenSources", "minSources", "colourBySource", "hideUndated"]),
  path: obj({
    from: nullable(iri()),
    to: nullable(iri()),
    options: pathOptionsSchema,
    status,
    results: arr(pathResultSchema, L.maxPaths),
    chosen: int(-1, L.maxPaths - 1),
    message: text(),
    terminals: arr(iri(), MAX_TERMINALS, "set when the results are a connection of these entities (one tree), not paths"),
  }, ["terminals"]),
  neighbourhood: obj({
    centers: iriList(),
    depth: int(1, 3),
    direction,
    classes: iriList(),
    predicates: iriList(),
    mode: oneOf(["only", "highlight"]),
    status,
    result: nullable(
      obj({
        centers: iriList(),
        nodes: arr(obj({ node: iri(), depth: int(0, 3) }), L.maxNodes),
        edges: arr(edgeKey(), L.maxEdges),
        truncated: bool(),
        limit: int(1, L.maxNodes),
      }, ["limit"]),
    ),
    message: text(),
  }),
  focus: oneOf(["none", "path", "neighbourhood"]),
  view: obj({ edgeLabels: bool(), hovered: nullable(iri()), forceAtlas2: forceAtlas2Schema }, ["forceAtlas2"]),
  added: obj({ nodes: iriList(), edges: arr(edgeKey(), L.maxEdges) }),
  sparql: obj({ queries: arr(sparqlQuerySchema, SPARQL_LIMITS.maxQueries, "newest first") }, [], "SPARQL queries run in the SPARQL panel (absent until one is run)"),
  // The analyst's additions and rejections (issue 17), optional within version 3: absent is none.
  authored: arr(
    obj({ kind: oneOf(["source", "relation"]), iri: iri("the source's IRI or the relation's evidence IRI"), sha256: sha256Text("of the addition's Turtle"), label: text() }),
    AUTHORED_LIMITS.maxAdditions,
    "the analyst's additions in the data at this step, oldest first; absent: none",
  ),
  rejected: arr(obj(candidateFields), AUTHORED_LIMITS.maxRejected, "candidate relations rejected, not offered again for the same text; absent: none"),
}, ["sparql", "authored", "rejected"]);

export const layoutSchema = obj({
  positions: { type: "record", keys: iri(), values: { type: "tuple", items: [num(), num()] }, max: L.maxNodes, doc: "node IRI → [x, y]" } satisfies RecordSchema,
  camera: obj({ x: num(), y: num(), ratio: num({ min: 1e-6, max: 1e6 }), angle: num() }),
  pinned: iriList("nodes fixed in place"),
});

const appearanceSchema = obj({
  nodeScale: num({ min: 0.25, max: 4, doc: "multiplies node sizes" }),
  labelDensity: num({ min: 0, max: 3, doc: "0 no labels, 1 default, 3 dense" }),
  colours: { type: "record", keys: iri(), values: hexColour, max: 1000, doc: "class IRI (or a group's top class IRI) → #rrggbb" } satisfies RecordSchema,
  colourBy: oneOf([...COLOUR_BY], "what colours stand for: \"class\" (each class), \"group\" (its top class); absent: \"class\" (since version 3)"),
  sizeBy: oneOf([...SIZE_BY], "what sizes stand for: \"degree\" (relations in the data), \"betweenness\" or \"pagerank\" (in the view); absent: \"degree\" (since version 3)"),
}, ["colourBy", "sizeBy"]);

const notesSchema = obj({
  session: str(L.maxNote, { doc: "note on the whole session" }),
  nodes: { type: "record", keys: iri(), values: str(L.maxNote), max: L.maxNodes, doc: "node IRI → note" } satisfies RecordSchema,
  edges: {
    type: "record",
    keys: str(3 * 2048 + 2, { pattern: /^\S+ \S+ \S+$/, patternName: 'an edge triple key "<subject> <predicate> <object>"' }),
    values: str(L.maxNote),
    max: L.maxEdges,
    doc: "edge triple key → note",
  } satisfies RecordSchema,
});

const recordedSchema = obj(
  {
    nodes: iriList(),
    edges: arr(tripleSchema, L.maxEdges),
    paths: arr(obj({ nodes: arr(iri(), L.maxHops + 1), edges: arr(tripleSchema, L.maxHops), explanation: arr(str(L.maxQuote + L.maxText), L.maxHops) }, ["explanation"]), L.maxPaths),
    truncated: bool(),
    message: text(),
    rows: int(0, 1_000_000_000, "for SPARQL steps: rows, true/false as 1/0, or triples returned"),
    turtle: str(AUTHORED_LIMITS.maxTurtle, { verbatim: true, doc: "for authoring steps: the addition's Turtle, whose SHA-256 the step names" }),
  },
  ["paths", "truncated", "message", "rows", "turtle"],
);

const none = obj({});
const actionSchema: UnionSchema = {
  type: "union",
  tag: "kind",
  doc: "what the step did: a kind and its parameters",
  variants: Object.fromEntries(
    (
      [
        ["start", none],
        ["load", obj({ sources: arr(text(), L.maxSources), replace: bool() })],
        ["path", obj({ from: iri(), to: iri(), options: pathOptionsSchema })],
        ["connect", obj({ terminals: arr(iri(), MAX_TERMINALS), options: pathOptionsSchema })],
        ["choose-path", obj({ index: int(0, L.maxPaths - 1) })],
        ["neighbourhood", obj({ centers: iriList(), depth: int(1, 3), direction, classes: iriList(), predicates: iriList(), limit: int(1, L.maxNodes), mode: oneOf(["only", "highlight"]) })],
        ["expand", obj({ node: iri(), limit: int(1, L.maxNodes), predicates: iriList("only relations of these predicates (absent: all)") }, ["predicates"])],
        ["add-nodes", obj({ nodes: iriList() })],
        ["hide-nodes", obj({ nodes: iriList() })],
        ["show-all-nodes", none],
        ["toggle-class", obj({ class: iri() })],
        ["toggle-predicate", obj({ predicate: iri() })],
        ["date-range", obj({ range: nullable(yearRange) })],
        ["undated", obj({ shown: bool() })],
        ["show-schema", obj({ on: bool() })],
        ["reset-filters", none],
        ["source-filter", obj({ source: iri(), shown: bool(), minSources: int(1, SOURCE_LIMITS.maxMinSources), colour: bool() }, ["source", "shown", "minSources", "colour"])],
        ["select", obj({ node: iri(), edge: edgeKey() }, ["node", "edge"])],
        ["clear-focus", none],
        ["move-nodes", obj({ nodes: iriList() })],
        ["layout", none],
        ["layout-settings", obj({ settings: nullable(forceAtlas2Schema) })],
        ["pin", obj({ nodes: iriList(), pinned: bool() })],
        ["note", obj({ target: oneOf(["session", "node", "edge"]), key: str(3 * 2048 + 2) })],
        ["appearance", obj({ setting: str(64) })],
        ["edge-labels", obj({ on: bool() })],
        ["sparql", obj({ query: sparqlQuerySchema.fields.query, target: sparqlQuerySchema.fields.target })],
        ["author", obj({ op: oneOf(["accept", "relation", "source"], "a candidate accepted, a relation authored, a source added"), iri: iri(), sha256: sha256Text("of the addition's Turtle (`recorded.turtle`)") })],
        ["reject-candidate", obj(candidateFields)],
      ] as [string, ObjectSchema][]
    ).map(([kind, params]) => [kind, obj({ kind: oneOf([kind]), params })]),
  ),
};

/** A history snapshot's layout: since version 2 its `positions` are left out when no node moved in the step. */
const snapshotLayoutSchema = obj(layoutSchema.fields, ["positions"], "as `layout`; `positions` left out when they are the previous snapshot's");
const snapshotSchema = obj({ state: stateSchema, layout: snapshotLayoutSchema, appearance: appearanceSchema, notes: notesSchema });

const historyEntrySchema = obj(
  {
    id: str(32, { pattern: /^h\d{1,9}$/, patternName: "an entry id (h<number>)" }),
    at: isoTime("when the step was taken"),
    label: text("the step as the history panel shows it"),
    action: actionSchema,
    recorded: withDoc(recordedSchema, "what a query step found (IRIs and triples)"),
    snapshot: withDoc(snapshotSchema, "the whole session after the step (recent steps only)"),
  },
  ["recorded", "snapshot"],
);

const branchSchema = obj({
  id: str(32, { pattern: /^b\d{1,9}$/, patternName: "a branch id (b<number>)" }),
  from: str(32, { pattern: /^h\d{1,9}$/, patternName: "an entry id (h<number>)", doc: "id of the step it grew from, in `history` or another branch" }),
  at: isoTime("when the analyst left these steps"),
  entries: arr(historyEntrySchema, L.maxHistory, "the steps, oldest first, as in `history`"),
});

const sourceSchema = obj(
  {
    name: text("file name, or the bundled file's path"),
    sha256: str(64, { pattern: /^[0-9a-f]{64}$/, patternName: "64 lower-case hex digits (SHA-256)" }),
    kind: oneOf(["bundled", "file"]),
    content: str(L.maxSourceContent, { verbatim: true, doc: "the text of a file the user loaded, verbatim" }),
    format: oneOf(["turtle", "ntriples", "nquads", "trig"]),
  },
  ["content", "format"],
);

export const sessionSchema: ObjectSchema = obj({
  format: oneOf([SESSION_FORMAT], "always \"smartcity-kg-session\""),
  version: int(SESSION_VERSION, SESSION_VERSION, "format version"),
  name: text("the session's name"),
  createdAt: isoTime("when the session was started"),
  savedAt: isoTime("when it was saved"),
  sources: arr(sourceSchema, L.maxSources, "the data, in load order"),
  history: arr(historyEntrySchema, L.maxHistory, "every step, oldest first"),
  cursor: int(0, L.maxHistory - 1, "index of the current step"),
  branches: arr(branchSchema, MAX_BRANCHES, "steps left by going back in History and then acting; absent when none"),
  state: stateSchema,
  layout: layoutSchema,
  appearance: appearanceSchema,
  notes: notesSchema,
  edges: { type: "record", keys: edgeKey(), values: tripleSchema, max: L.maxEdges, doc: "edge key → triple" } satisfies RecordSchema,
  labels: { type: "record", keys: iri(), values: text(), max: L.maxNodes, doc: "node IRI → label as shown" } satisfies RecordSchema,
}, ["branches"]);
