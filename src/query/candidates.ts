// Candidate relations in a source: sentences naming two or more known entities, ranked, each with its exact quote and place.
import type { GraphIndex } from "../graph/types.ts";
import { findMentions, type Mention, type NameDictionary } from "./mentions.ts";
import { nodeClassIris, rankPredicates, type PredicateChoice, type PredicateSchema } from "./predicate-fit.ts";
import { headingAbove, pagesOf, quoteContext, sentences } from "./source-text.ts";

/** A relation the text may state, for a person to accept, edit or reject; nothing enters the graph by itself. */
export interface CandidateRelation {
  subject: number;
  object: number;
  /** The predicates offered, those that fit subject and object first (at most a few). */
  predicates: PredicateChoice[];
  /** Predicates the graph already states between the two (either direction), by label. */
  known: string[];
  /** The sentence, verbatim, and where it is. */
  quote: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  pages: number[];
  locator?: string;
  /** The two mentions the candidate joins. */
  mentions: [Mention, Mention];
  /** Higher first. */
  score: number;
}

export interface CandidateOptions {
  /** Predicates offered per candidate (default 3). */
  predicates?: number;
  /** Candidates returned at most (default 200). */
  limit?: number;
}

/**
 * For every sentence with two or more distinct known entities, one candidate per pair (in the order the text names
 * them, swapped when only the other direction has a fitting predicate). Ranked by: a fitting predicate with stated
 * domain and range, the pair not yet related in the graph, the two names close together, then by position.
 */
export function candidateRelations(
  graph: GraphIndex, schema: PredicateSchema, dictionary: NameDictionary, text: string, options: CandidateOptions = {},
): CandidateRelation[] {
  const mentions = findMentions(dictionary, text);
  const out: CandidateRelation[] = [];
  // Ranking every property per pair dominates; pairs of the same classes rank the same, so once per class pair.
  const ranked = new Map<string, PredicateChoice[]>();
  const rank = (s: number, o: number) => {
    const [sc, oc] = [nodeClassIris(graph, s), nodeClassIris(graph, o)];
    const key = `${sc.join(" ")}\u0000${oc.join(" ")}`;
    let list = ranked.get(key);
    if (!list) ranked.set(key, (list = rankPredicates(schema, sc, oc)));
    return list;
  };
  let m = 0;
  for (const sentence of sentences(text)) {
    while (m < mentions.length && mentions[m].start < sentence.start) m++;
    const inside: Mention[] = [];
    for (let i = m; i < mentions.length && mentions[i].end <= sentence.end; i++) inside.push(mentions[i]);
    const firstOf = new Map<number, Mention>();
    for (const mention of inside) if (!firstOf.has(mention.nodes[0])) firstOf.set(mention.nodes[0], mention);
    const named = [...firstOf.entries()];
    if (named.length < 2) continue;
    const quote = text.slice(sentence.start, sentence.end);
    const context = quoteContext(text, sentence.start, sentence.end);
    const pages = pagesOf(text, sentence.start, sentence.end);
    const locator = headingAbove(text, sentence.start);
    for (let i = 0; i < named.length; i++) {
      for (let j = i + 1; j < named.length; j++) {
        const [[a, ma], [b, mb]] = [named[i], named[j]];
        const [forward, backward] = [rank(a, b), rank(b, a)];
        const good = (list: PredicateChoice[]) => list.filter((p) => p.fits && p.specific).length;
        const swap = good(forward) === 0 && good(backward) > 0;
        const [subject, object, predicates] = swap ? [b, a, backward] : [a, b, forward];
        const known = knownBetween(graph, a, b);
        const gap = Math.max(0, mb.start - ma.end);
        const score = (good(predicates) > 0 ? 2 : 0) + (known.length === 0 ? 1 : 0) + 1 / (1 + gap / 40);
        out.push({
          subject, object, predicates: predicates.slice(0, options.predicates ?? 3), known, quote,
          start: sentence.start, end: sentence.end, ...context, pages, locator, mentions: swap ? [mb, ma] : [ma, mb], score,
        });
      }
    }
  }
  out.sort((x, y) => y.score - x.score || x.start - y.start);
  return out.slice(0, options.limit ?? 200);
}

/** Labels of the predicates of edges between two nodes, either direction. */
function knownBetween(graph: GraphIndex, a: number, b: number): string[] {
  const labels = new Set<string>();
  for (let i = graph.outOffsets[a]; i < graph.outOffsets[a + 1]; i++) {
    const e = graph.outEdgeIds[i];
    if (graph.edgeTargets[e] === b) labels.add(graph.termLabel(graph.edgePredicates[e]));
  }
  for (let i = graph.inOffsets[a]; i < graph.inOffsets[a + 1]; i++) {
    const e = graph.inEdgeIds[i];
    if (graph.edgeSources[e] === b) labels.add(graph.termLabel(graph.edgePredicates[e]));
  }
  return [...labels];
}
