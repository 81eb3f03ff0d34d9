// Path ranking evaluation: for each analyst question, is the connection the brief argues the top path, or in the top 3?
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { GraphIndex } from "../src/graph/types.ts";
import { resolveNode } from "../src/query/names.ts";
import { findPaths } from "../src/query/path.ts";

export interface ArguedPath {
  /** Node names (labels) from the question's `from` to its `to`. */
  path: string[];
  /** Verbatim quotes of the cleaned brief that argue the connection. */
  quotes: string[];
}

export interface PathQuestion {
  id: string;
  question: string;
  from: string;
  to: string;
  /** The connections the brief argues; a ranking scores when it returns any of them. */
  argued: ArguedPath[];
}

export interface QuestionFile {
  about: string;
  /** The cleaned source text the quotes come from, relative to the repository root. */
  source: string;
  questions: PathQuestion[];
}

export const questionFilePath = join(dirname(fileURLToPath(import.meta.url)), "path-questions.json");

export function loadQuestions(path = questionFilePath): QuestionFile {
  return JSON.parse(readFileSync(path, "utf8")) as QuestionFile;
}

export const rankings = ["shortest", "informative"] as const;
export type Ranking = (typeof rankings)[number];

export interface RankingResult {
  ranking: Ranking;
  questions: number;
  top1: number;
  top3: number;
  /** Per question: the 1-based rank at which an argued path came, or 0 when not in the top 3. */
  ranks: Record<string, number>;
  /** The same counts over the hub-heavy questions only (hubHeavyQuestions). */
  hub: { questions: number; top1: number; top3: number };
}

/** An entity with at least this many relations is a hub (in the bundled graph: the BRI, Huawei, China, the central government, the surveillance grid). */
export const HUB_DEGREE = 20;

/**
 * The questions of the kind: some of the first three shortest paths pass through a hub. Decided from the
 * shortest ranking's answers and the graph's degrees, not by hand, so the subset is the same for both rankings.
 */
export function hubHeavyQuestions(g: GraphIndex, file: QuestionFile, k = 3): Set<string> {
  const degree = (n: number) => g.outOffsets[n + 1] - g.outOffsets[n] + g.inOffsets[n + 1] - g.inOffsets[n];
  const ids = new Set<string>();
  for (const q of file.questions) {
    const paths = findPaths(g, resolveNode(g, q.from), resolveNode(g, q.to), { k, rank: "shortest" });
    if (paths.some((p) => p.nodes.slice(1, -1).some((n) => degree(n) >= HUB_DEGREE))) ids.add(q.id);
  }
  return ids;
}

/** Runs every question under each ranking (k = 3, default options otherwise) and counts the hits. */
export function evaluateRankings(g: GraphIndex, file: QuestionFile, k = 3): RankingResult[] {
  const hubHeavy = hubHeavyQuestions(g, file, k);
  return rankings.map((ranking) => {
    const ranks: Record<string, number> = {};
    for (const q of file.questions) {
      const wanted = new Set(q.argued.map((a) => a.path.map((name) => resolveNode(g, name)).join(",")));
      const paths = findPaths(g, resolveNode(g, q.from), resolveNode(g, q.to), { k, rank: ranking });
      ranks[q.id] = paths.findIndex((p) => wanted.has(p.nodes.join(","))) + 1;
    }
    const count = (values: number[]) => ({ questions: values.length, top1: values.filter((r) => r === 1).length, top3: values.filter((r) => r >= 1).length });
    const hub = count(Object.entries(ranks).filter(([id]) => hubHeavy.has(id)).map(([, r]) => r));
    return { ranking, ...count(Object.values(ranks)), ranks, hub };
  });
}

const percent = (n: number, of: number) => `${n}/${of} (${Math.round((100 * n) / of)}%)`;

/** The table for the README and the bench output: all questions, then the hub-heavy ones. */
export function pathEvalMarkdown(results: RankingResult[]): string {
  return [
    "| ranking | argued connection is the top path | in the top 3 | hub-heavy questions: top path | hub-heavy: top 3 |",
    "|---|---|---|---|---|",
    ...results.map((r) => `| \`--rank ${r.ranking}\` | ${percent(r.top1, r.questions)} | ${percent(r.top3, r.questions)} | ${percent(r.hub.top1, r.hub.questions)} | ${percent(r.hub.top3, r.hub.questions)} |`),
  ].join("\n");
}

/** Questions where the two rankings disagree, for reading what each gets wrong. */
export function pathEvalDifferences(results: RankingResult[]): string[] {
  const [a, b] = results;
  return Object.keys(a.ranks)
    .filter((id) => a.ranks[id] !== b.ranks[id])
    .map((id) => `${id}: ${a.ranking} ${a.ranks[id] || "-"}, ${b.ranking} ${b.ranks[id] || "-"}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { loadGraph } = await import("../src/cli/graph.ts");
  const { graph } = await loadGraph(undefined);
  const results = evaluateRankings(graph, loadQuestions());
  console.log(pathEvalMarkdown(results));
  console.log(`\nhub-heavy (a shortest top-3 path passes through an entity with ${HUB_DEGREE}+ relations): ${[...hubHeavyQuestions(graph, loadQuestions())].join(", ")}`);
  console.log("\nrank of the argued path where the rankings differ (- = not in the top 3):");
  for (const line of pathEvalDifferences(results)) console.log(`  ${line}`);
}
