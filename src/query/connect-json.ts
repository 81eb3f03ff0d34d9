// The stable JSON of a connection (kg connect --json): the entities asked about, the tree's nodes and relations with evidence.
import type { GraphIndex } from "../graph/types.ts";
import type { Connection } from "./connect.ts";
import { explainEdge } from "./explain.ts";
import { edgeToJson, nodeToJson, type EdgeJson, type NodeJson } from "./json.ts";
import type { PathScore } from "./path-score.ts";

export interface ConnectionJson {
  terminals: string[];
  nodes: NodeJson[];
  edges: EdgeJson[];
  /** One sentence per relation of the tree. */
  explanation: string[];
  /** Entities asked about that nothing connects to the first one (under the options). */
  unreached: string[];
  /** With --rank informative: the tree's cost and its parts (scoreConnection). */
  score?: PathScore;
}

export function connectionToJson(g: GraphIndex, c: Connection, score?: PathScore): ConnectionJson {
  return {
    ...(score ? { score } : {}),
    terminals: c.terminals.map((t) => g.iri(t)),
    nodes: c.nodes.map((n) => nodeToJson(g, n)),
    edges: c.edges.map((e) => edgeToJson(g, e)),
    explanation: c.edges.map((e) => explainEdge(g, e)),
    unreached: c.unreached.map((t) => g.iri(t)),
  };
}
