// The embedded SPARQL 1.1 engine: a Dataset copied into an Oxigraph (WASM) store, loaded on first use, in Node or a browser worker.
import type { Dataset } from "../rdf/dataset.ts";
import { writeChunks } from "../rdf/serialize.ts";
import type { SelectResult, SparqlAnswer } from "./sparql-endpoint.ts";
import { loadSparqlClassifier, SparqlSyntaxError, updateRefusal, type QueryForm, type SparqlRequestKind } from "./sparql-form.ts";
import { declaredPrefixes, limitSelect, withPrefixes } from "./sparql-query.ts";
import { loadSparqlMigrator, renamedNotes } from "./sparql-migrate.ts";
import { datasetReplacements, type Replacement } from "../query/replacements.ts";
import { curie } from "../rdf/curie.ts";
import { prefixes as wellKnown } from "../rdf/vocab.ts";

/** The part of oxigraph's Store this module uses. */
interface OxigraphStore {
  load(input: Iterable<string | Uint8Array>, options: { format: string; lenient?: boolean; no_transaction?: boolean }): void;
  query(query: string, options?: { results_format?: string }): unknown;
}

interface OxigraphModule {
  Store: new () => OxigraphStore;
}

/**
 * A query refused (an update, or a syntax error, placed by line and column of the text as given) or rejected by the
 * engine (unknown prefix, ...: the engine's message, prefixed).
 */
export class SparqlQueryError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
    this.name = "SparqlQueryError";
  }
}

let loading: Promise<OxigraphModule> | undefined;

/**
 * Imports oxigraph once. Node resolves its CommonJS build (ready on import); a bundler resolves the web build,
 * whose default export instantiates the WASM module first.
 */
function loadOxigraph(): Promise<OxigraphModule> {
  loading ??= (async () => {
    const mod = (await import("oxigraph")) as unknown as OxigraphModule & { default?: unknown };
    if (typeof mod.default === "function") await (mod.default as () => Promise<unknown>)();
    if (typeof mod.Store === "function") return mod;
    const inner = mod.default as OxigraphModule | undefined;
    if (inner && typeof inner.Store === "function") return inner;
    throw new Error("query/sparql: the oxigraph module has no Store (is the package installed?)");
  })();
  return loading;
}

export interface EmbeddedSparql {
  /** Runs SELECT, ASK, CONSTRUCT or DESCRIBE over the dataset; the data's prefixes are declared when the query uses them undeclared. */
  query(query: string, options?: { maxRows?: number }): SparqlAnswer;
  readonly size: number;
}

/**
 * Oxigraph's WASM build has a 32-bit memory (4 GiB): at 1M quads a process grew 644 bytes a quad loading it (the
 * store, the allocator's slack), so above about 6.7M it cannot take the data; this leaves a margin (docs/scale.md).
 */
export const OXIGRAPH_MAX_QUADS = 6_000_000;

/** Copies the dataset into a new in-memory Oxigraph store (named graphs kept). */
export function createEmbeddedSparql(dataset: Dataset): Promise<EmbeddedSparql> {
  return createEmbeddedSparqlFrom(embeddedSparqlInput(dataset));
}

/**
 * What an engine is made from, as plain data a worker can be sent: the quads as N-Quads in UTF-8 pieces (one parse
 * reads them all, so blank node labels hold across pieces; no piece nears V8's string cap; bytes can be transferred
 * to a worker instead of copied, and take half the memory of strings), the data's prefixes, the count.
 */
export interface EmbeddedSparqlInput {
  nquads: Uint8Array[];
  prefixes: Readonly<Record<string, string>>;
  size: number;
  /** Old predicate IRIs and their replacements (ontology/migration.ttl), so queries naming old ones still match. */
  replaced?: Readonly<Record<string, Replacement>>;
}

export function embeddedSparqlInput(dataset: Dataset): EmbeddedSparqlInput {
  // Dataset order: the engine does not care about order, and sorting would only cost.
  const encoder = new TextEncoder();
  const nquads = Array.from(writeChunks(dataset, "nquads", { order: "dataset" }), (piece) => encoder.encode(piece));
  return { nquads, prefixes: { ...dataset.prefixes }, size: dataset.size, replaced: Object.fromEntries(datasetReplacements(dataset)) };
}

/** What V8 says when a string would pass its limit (Oxigraph hands a graph answer over as one string). */
export function tooLongForOneString(message: string): boolean {
  return /Cannot create a string longer than|Invalid string length/.test(message);
}

/** Said when Oxigraph's graph answer passes V8's string limit, with the engines that write one in pieces. */
export const ANSWER_TOO_LARGE =
  "the answer is too large for Oxigraph, which gives a graph as one text, and V8's strings stop at 536,870,888 characters (about 3M triples of N-Triples): add a LIMIT, or run the query with kg sparql --engine comunica or --engine virtuoso, which write a graph answer in pieces";

/** An engine over quads given as N-Quads text (in a worker, where no Dataset exists). */
export async function createEmbeddedSparqlFrom({ nquads, prefixes, size, replaced = {} }: EmbeddedSparqlInput): Promise<EmbeddedSparql> {
  const [{ Store }, classify, migrate] = await Promise.all([loadOxigraph(), loadSparqlClassifier(), loadSparqlMigrator(replaced)]);
  const store = new Store();
  // Our own writer's output: valid N-Quads, so the parser's checks and the transaction's bookkeeping are skipped.
  store.load(nquads, { format: "application/n-quads", lenient: true, no_transaction: true });
  const plan = queryPlanner({ prefixes, classify, migrate });
  const run = (query: string, format: string): string => {
    try {
      return store.query(query, { results_format: format }) as string;
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      const unknown = /Prefix not found/.test(message) ? undeclaredPrefixes(query) : [];
      if (tooLongForOneString(message)) throw new SparqlQueryError(`query/sparql: ${ANSWER_TOO_LARGE}`);
      if (unknown.length > 0) throw unknownPrefixError(unknown, prefixes);
      throw new SparqlQueryError(`query/sparql: ${message}`);
    }
  };
  return {
    size,
    query(text, options = {}) {
      const { form, query, notes } = plan(text);
      if (form === "ask") return { form, value: (JSON.parse(run(query, "application/sparql-results+json")) as { boolean: boolean }).boolean, ...notes };
      if (form === "select") {
        const maxRows = options.maxRows ?? Infinity;
        // A LIMIT of one more row than shown stops the engine there, so the row limit bounds the work and not only
        // the rows printed (a cross product with --limit 5 otherwise ran for half a minute and took gigabytes).
        const bounded = Number.isFinite(maxRows) ? limitSelect(query, maxRows + 1) : query;
        const json = JSON.parse(run(bounded, "application/sparql-results+json")) as { head: { vars: string[] }; results: { bindings: SelectResult["bindings"] } };
        const bindings = json.results.bindings;
        const truncated = bindings.length > maxRows;
        return { form, result: { vars: json.head.vars, bindings: truncated ? bindings.slice(0, maxRows) : bindings, truncated }, ...notes };
      }
      // One piece: Oxigraph's JS API gives a graph as one string, or as quad objects, which took 2.4x as long to write
      // as N-Triples at 1M (docs/scale.md); so an answer past V8's string cap (~3M triples) fails here.
      return { form, parts: [run(query, "application/n-triples")], contentType: "application/n-triples", ...notes };
    },
  };
}

/** A query as an embedded engine runs it: its form, the text with the data's prefixes and old predicate names added, and notes. */
export interface PlannedQuery {
  form: QueryForm;
  query: string;
  notes: { notes?: string[] };
}

/**
 * Classifies a query (an update or a syntax error is refused as a SparqlQueryError) and prepares its text: shared
 * by the engines over the loaded data (Oxigraph, and Comunica above Oxigraph's size limit).
 */
export function queryPlanner({ prefixes, classify, migrate }: {
  prefixes: Readonly<Record<string, string>>;
  classify: Awaited<ReturnType<typeof loadSparqlClassifier>>;
  migrate: Awaited<ReturnType<typeof loadSparqlMigrator>>;
}): (text: string) => PlannedQuery {
  return (text) => {
    // The text as given is classified, so a syntax error's line is the author's, not shifted by added PREFIX lines.
    let kind: SparqlRequestKind;
    try {
      kind = classify(text);
    } catch (error) {
      if (error instanceof SparqlSyntaxError) throw new SparqlQueryError(error.message, error.line, error.column);
      throw error;
    }
    if (kind.kind === "update") throw new SparqlQueryError(updateRefusal(kind.operations, "can be run"));
    const migrated = migrate(withPrefixes(text, prefixes));
    const short = (iri: string) => curie(iri, { ...wellKnown, ...prefixes });
    return { form: kind.form, query: migrated.query, notes: migrated.renamed.length > 0 ? { notes: renamedNotes(migrated.renamed, short) } : {} };
  };
}

/** A query naming prefixes neither it nor the data declare, refused with the data's prefixes listed. */
export function unknownPrefixError(unknown: readonly string[], prefixes: Readonly<Record<string, string>>): SparqlQueryError {
  return new SparqlQueryError(`query/sparql: unknown prefix ${unknown.map((p) => `${p}:`).join(", ")} (declare it with PREFIX ${unknown[0]}: <...>; the data's prefixes are ${Object.keys(prefixes).sort().map((p) => `${p}:`).join(" ")})`);
}

/** Prefix names the query uses (`name:` outside IRIs and strings) without declaring them. */
export function undeclaredPrefixes(query: string): string[] {
  const declared = declaredPrefixes(query);
  const blanked = query.replace(/<[^<>"{}|^`\\\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*/g, " ");
  const used = new Set<string>();
  for (const match of blanked.matchAll(/(?:^|[^\w.:?$-])([A-Za-z][\w.-]*):/g)) if (!declared.has(match[1])) used.add(match[1]);
  return [...used];
}
