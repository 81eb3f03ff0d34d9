// kg find, path and neighbours with --endpoint: the remote algorithms' answers printed like the local commands'.
import { print, printJson, warn } from "../command.ts";
import { UsageError, flag, intOption, listOption, stringOption, type ParsedCommand } from "../args.ts";
import type { Direction } from "../../query/neighbourhood.ts";
import type { SparqlEndpoint } from "../../sparql/sparql-endpoint.ts";
import { maxK } from "./path.ts";
import { answerForm, writeAnswer, writeSubgraphTurtle } from "../query-output.ts";
import { Progress } from "../progress.ts";
import { thousands } from "../format.ts";

export async function remoteFind(endpoint: SparqlEndpoint, parsed: ParsedCommand, signal: AbortSignal): Promise<number> {
  const limit = intOption(parsed, "find", "limit", 10);
  const text = parsed.positionals.join(" ");
  const [{ remoteSearch }, { curie, table }, { prefixes }] = await Promise.all([
    import("../../sparql/sparql-remote.ts"), import("../format.ts"), import("../../rdf/vocab.ts"),
  ]);
  const hits = await remoteSearch(endpoint, text, { limit, includeSchema: flag(parsed, "schema"), signal });
  if (flag(parsed, "json")) {
    printJson({ query: text, hits });
    return 0;
  }
  if (hits.length === 0) {
    print(`No label on ${endpoint.displayUrl} starts a word with ${JSON.stringify(text)}. Try fewer or shorter words (the endpoint search has no typo tolerance).`);
    return 0;
  }
  const local = (iri: string) => iri.replace(/^.*[#/]/, "");
  print(table(hits.map((hit) => [hit.label, curie(hit.iri, prefixes), hit.types.map(local).join(", "), hit.matched !== hit.label ? `(as "${hit.matched}")` : ""]), ""));
  return 0;
}

/** The corroboration constraints run on the local graph only: refused with --endpoint rather than silently ignored. */
function refuseSourceOptions(parsed: ParsedCommand, command: string): void {
  if (parsed.values["min-sources"] !== undefined || listOption(parsed, "source").length > 0) {
    throw new UsageError(`kg ${command}: --min-sources and --source are not available with --endpoint yet; run without --endpoint on the loaded data`, command);
  }
}

/** Ranking and evidence constraints weigh the whole graph; over an endpoint they are refused rather than ignored. */
function refuseWholeGraphOptions(parsed: ParsedCommand): void {
  const given = ["from-date", "to-date", "event-kinds"].filter((name) => stringOption(parsed, name) !== undefined || listOption(parsed, name).length > 0).map((name) => `--${name}`);
  if ((stringOption(parsed, "rank") ?? "shortest") !== "shortest") given.unshift("--rank informative");
  if (given.length > 0) throw new UsageError(`kg path: ${given.join(", ")} ${given.length === 1 ? "is" : "are"} not available with --endpoint yet; run without --endpoint on the loaded data`, "path");
}

/** How path and neighbours fetch: Ctrl-C's signal, and --endpoint-rows. */
export interface RemoteFetch {
  signal: AbortSignal;
  maxRows?: number;
}

/** The rows a walk has fetched so far, on stderr (a terminal, or --progress): at a hub it takes seconds. */
function fetchProgress(endpoint: SparqlEndpoint) {
  const progress = new Progress();
  return {
    onRows: (rows: number) => progress.update(`fetching from ${endpoint.displayUrl}: ${thousands(rows)} rows${progress.rate(rows, "rows")}`),
    done: (rows: number) => progress.done(`fetched ${thousands(rows)} rows from ${endpoint.displayUrl} in ${progress.elapsedSeconds.toFixed(1)} s`),
  };
}

export async function remotePath(endpoint: SparqlEndpoint, parsed: ParsedCommand, { signal, maxRows }: RemoteFetch): Promise<number> {
  refuseSourceOptions(parsed, "path");
  refuseWholeGraphOptions(parsed);
  const k = intOption(parsed, "path", "k", 3, 1, maxK);
  const limit = intOption(parsed, "path", "limit", 100);
  const maxLength = intOption(parsed, "path", "max-length", 6, 0);
  const [{ remotePaths, remotePathScores, resolveRemoteNode, resolveRemoteTerms }, { pathsToJson }, render] = await Promise.all([
    import("../../sparql/sparql-remote.ts"), import("../../query/json.ts"), import("../render.ts"),
  ]);
  const resolve = (name: string) => resolveRemoteNode(endpoint, name, undefined, { signal });
  const terms = (option: string, kind: "predicate" | "class") => resolveRemoteTerms(endpoint, listOption(parsed, option), kind, undefined, { signal });
  const [from, to] = [await resolve(parsed.positionals[0]), await resolve(parsed.positionals[1])];
  const excludeNodes: string[] = [];
  for (const name of listOption(parsed, "exclude")) excludeNodes.push(await resolve(name));
  const progress = fetchProgress(endpoint);
  const answer = await remotePaths(endpoint, from, to, {
    signal, maxRows, k, limit, maxLength, onRows: progress.onRows,
    allShortest: flag(parsed, "all"),
    directed: flag(parsed, "directed"),
    predicates: await terms("predicates", "predicate"),
    excludePredicates: await terms("exclude-predicates", "predicate"),
    excludeClasses: await terms("exclude-classes", "class"),
    excludeNodes,
  });
  progress.done(answer.rows);
  warnTruncated(endpoint, answer.fetchTruncated, answer.rows);
  const { graph, paths } = answer;
  // The scores count degrees and predicate uses in the whole store, not in the part fetched.
  const form = answerForm(parsed, "path");
  const output = stringOption(parsed, "output");
  if (form === "turtle") return writeSubgraphTurtle(graph, paths.flatMap((p) => p.nodes), paths.flatMap((p) => p.steps.map((s) => s.edge)), output, "kg path");
  const text = form === "json" ? JSON.stringify(pathsToJson(graph, paths, await remotePathScores(endpoint, graph, paths, { signal })), null, 2)
    : paths.length === 0 ? noPathText(endpoint, parsed, maxLength, answer)
    : render.pathsText(graph, paths);
  return writeAnswer(text, output, "kg path");
}

/** No path: certain within maxLength, or, when the row budget stopped the search, only within the hops fetched. */
function noPathText(endpoint: SparqlEndpoint, parsed: ParsedCommand, maxLength: number, answer: { fetchTruncated: boolean; knownHops: number }): string {
  const [from, to] = parsed.positionals;
  if (!answer.fetchTruncated) return `No path within ${maxLength} hop${maxLength === 1 ? "" : "s"} between ${from} and ${to} on ${endpoint.displayUrl}.`;
  const reach = answer.knownHops;
  const known = reach === 0 ? "No path found" : `No path of ${reach} hop${reach === 1 ? "" : "s"} or fewer`;
  return `${known} between ${from} and ${to} on ${endpoint.displayUrl}; the search stopped at its row budget, so ${reach === 0 ? "a path" : "a longer one"} (up to ${maxLength} hops) may exist: raise the budget with --endpoint-rows N.`;
}

export async function remoteNeighbours(endpoint: SparqlEndpoint, parsed: ParsedCommand, { signal, maxRows }: RemoteFetch): Promise<number> {
  refuseSourceOptions(parsed, "neighbours");
  const depth = intOption(parsed, "neighbours", "depth", 1, 0);
  const limit = intOption(parsed, "neighbours", "limit", 500);
  const direction = (stringOption(parsed, "direction") ?? "both") as Direction;
  if (!["out", "in", "both"].includes(direction)) {
    throw new UsageError(`kg neighbours: --direction must be out, in or both, got ${JSON.stringify(direction)}`, "neighbours");
  }
  const [{ remoteNeighbourhood, resolveRemoteNode, resolveRemoteTerms }, { neighbourhoodToJson }, render] = await Promise.all([
    import("../../sparql/sparql-remote.ts"), import("../../query/json.ts"), import("../render.ts"),
  ]);
  const centers: string[] = [];
  for (const name of parsed.positionals) centers.push(await resolveRemoteNode(endpoint, name, undefined, { signal }));
  const progress = fetchProgress(endpoint);
  const answer = await remoteNeighbourhood(endpoint, [...new Set(centers)], {
    signal, maxRows, depth, direction, limit, onRows: progress.onRows,
    classes: await resolveRemoteTerms(endpoint, listOption(parsed, "classes"), "class", undefined, { signal }),
    predicates: await resolveRemoteTerms(endpoint, listOption(parsed, "predicates"), "predicate", undefined, { signal }),
  });
  progress.done(answer.rows);
  warnTruncated(endpoint, answer.fetchTruncated, answer.rows);
  const { graph, result } = answer;
  const form = answerForm(parsed, "neighbours");
  const output = stringOption(parsed, "output");
  if (form === "turtle") return writeSubgraphTurtle(graph, result.nodes.map((n) => n.node), result.edges, output, "kg neighbours");
  return writeAnswer(form === "json" ? JSON.stringify(neighbourhoodToJson(graph, result), null, 2) : render.neighbourhoodText(graph, result, depth), output, "kg neighbours");
}

function warnTruncated(endpoint: SparqlEndpoint, truncated: boolean, rows: number): void {
  if (truncated) warn(`kg: warning: stopped fetching from ${endpoint.displayUrl} after ${rows} rows (the row budget; --endpoint-rows N raises it); the answer may be incomplete`);
}

