// Finds the known entities a text names: labels and alternative labels, whole words, case-aware, longest match first.
import type { GraphIndex } from "../graph/types.ts";

/** One place in the text where a known entity's name stands. */
export interface Mention {
  start: number;
  end: number;
  /** The text as written there. */
  text: string;
  /** The nodes the name belongs to (several when entities share a name), most connected first. */
  nodes: number[];
}

/** A compiled dictionary of names, built once per graph and reused for every text. */
export interface NameDictionary {
  /** Names keyed by their first word, lower-cased; each list longest first. */
  readonly byFirstWord: ReadonlyMap<string, readonly DictionaryName[]>;
}

interface DictionaryName {
  name: string;
  lower: string;
  /** Acronyms and names with digits or inner capitals ("BRI", "5G", "iFlytek") must match exactly. */
  exact: boolean;
  nodes: number[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether a name must be matched with its exact case: it is not a plain word or phrase. */
function caseMatters(name: string): boolean {
  return /\p{N}/u.test(name) || name.split(/\s+/).some((word) => /\p{Lu}.*\p{Lu}/u.test(word) || /^\p{Ll}+\p{Lu}/u.test(word));
}

/**
 * The names of the graph's entities (not schema, not blank nodes): preferred and alternative labels of two characters
 * or more that begin and end with a letter or digit (a name starting with punctuation would never begin a word).
 */
export function nameDictionary(graph: GraphIndex): NameDictionary {
  const byName = new Map<string, DictionaryName>();
  for (let n = 0; n < graph.nodeCount; n++) {
    if (graph.isSchema(n) || graph.iri(n).startsWith("_:")) continue;
    for (const raw of [graph.label(n), ...graph.altLabels(n)]) {
      const name = raw.trim();
      if (name.length < 2 || !WORD_CHAR.test(name[0]) || !WORD_CHAR.test(name[name.length - 1])) continue;
      const exact = caseMatters(name);
      const key = exact ? name : name.toLowerCase();
      let entry = byName.get(key);
      if (!entry) byName.set(key, (entry = { name, lower: name.toLowerCase(), exact, nodes: [] }));
      if (!entry.nodes.includes(n)) entry.nodes.push(n);
    }
  }
  const byFirstWord = new Map<string, DictionaryName[]>();
  for (const entry of byName.values()) {
    entry.nodes.sort((a, b) => graph.degree(b) - graph.degree(a) || a - b);
    const first = entry.lower.match(WORD)?.[0];
    if (!first) continue;
    let list = byFirstWord.get(first);
    if (!list) byFirstWord.set(first, (list = []));
    list.push(entry);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.name.length - a.name.length || a.name.localeCompare(b.name));
  return { byFirstWord };
}

/**
 * The mentions of known entities in the text, left to right, never overlapping: at each word the longest name that
 * stands there as whole words wins. Plain names match in any case ("drones", "Drones"); acronyms and names with
 * digits or inner capitals only as written.
 */
export function findMentions(dictionary: NameDictionary, text: string): Mention[] {
  const mentions: Mention[] = [];
  let covered = 0;
  for (const word of text.matchAll(WORD)) {
    const start = word.index;
    if (start < covered) continue;
    const candidates = dictionary.byFirstWord.get(word[0].toLowerCase());
    if (!candidates) continue;
    for (const candidate of candidates) {
      const end = start + candidate.name.length;
      const written = text.slice(start, end);
      const same = candidate.exact ? written === candidate.name : written.toLowerCase() === candidate.lower;
      if (!same || (end < text.length && WORD_CHAR.test(text[end]))) continue;
      mentions.push({ start, end, text: written, nodes: [...candidate.nodes] });
      covered = end;
      break;
    }
  }
  return mentions;
}
