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
}

/** Runs every question under each ranking (k = 3, default options otherwise) and counts the hits. */
export function evaluateRankings(g: GraphIndex, file: QuestionFile, k = 3): RankingResult[] {
  return rankings.map((ranking) => {
    const ranks: Record<string, number> = {};
    for (const q of file.questions) {
      const wanted = new Set(q.argued.map((a) => a.path.map((name) => resolveNode(g, name)).join(",")));
      const paths = findPaths(g, resolveNode(g, q.from), resolveNode(g, q.to), { k, rank: ranking });
      ranks[q.id] = paths.findIndex((p) => wanted.has(p.nodes.join(","))) + 1;
    }
    const values = Object.values(ranks);
    return { ranking, questions: values.length, top1: values.filter((r) => r === 1).length, top3: values.filter((r) => r >= 1).length, ranks };
  });
}

const percent = (n: number, of: number) => `${n}/${of} (${Math.round((100 * n) / of)}%)`;

/** The table for the README and the bench output. */
export function pathEvalMarkdown(results: RankingResult[]): string {
  return [
    "| ranking | argued connection is the top path | in the top 3 |",
    "|---|---|---|",
    ...results.map((r) => `| \`--rank ${r.ranking}\` | ${percent(r.top1, r.questions)} | ${percent(r.top3, r.questions)} |`),
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
  console.log("\nrank of the argued path where the rankings differ (- = not in the top 3):");
  for (const line of pathEvalDifferences(results)) console.log(`  ${line}`);
}
