// Checks evidence quotes against their sources' cleaned texts: verbatim, and where a position selector says, at that place.
import type * as RDF from "@rdfjs/types";
import { dcterms, kg, oa, prefixes, prov } from "./vocab.ts";
import type { Problem } from "./validate-problem.ts";
import { curie, termKey } from "./validate-terms.ts";

/** What the quote checks read from the validator's index. */
export interface QuoteData {
  objects(subject: RDF.Term, predicate: string): RDF.Term[];
  fileOf(term: RDF.Term): string;
}

const oaStart = prefixes.oa + "start";
const oaEnd = prefixes.oa + "end";

/**
 * Every quote must be verbatim in a cleaned text of its source. A position selector (oa:start/oa:end, character
 * offsets) must hold the quote, with the quote selector's oa:prefix/oa:suffix around it. A quote found more than once
 * without a position is a note: the evidence does not say which occurrence it means.
 */
export function quoteProblems(
  data: QuoteData,
  evidenceNodes: readonly RDF.Term[],
  sourceTexts: Readonly<Record<string, string>>,
): { problems: Problem[]; notes: Problem[]; checked: number } {
  const problems: Problem[] = [];
  const notes: Problem[] = [];
  let checked = 0;
  for (const evidence of evidenceNodes) {
    const selectors = data.objects(evidence, oa.hasSelector);
    const quoteSelectors = selectors.filter((selector) => data.objects(selector, oa.exact).length > 0);
    const quotes = [...quoteSelectors.flatMap((selector) => data.objects(selector, oa.exact)), ...data.objects(evidence, kg.quote)];
    if (quotes.length === 0) continue;
    const report = (list: Problem[], kind: Problem["kind"]) => (message: string) =>
      list.push({ file: data.fileOf(evidence), subject: termKey(evidence), kind, message });
    const problem = report(problems, "quote-not-in-source");
    const sources = [...data.objects(evidence, prov.wasDerivedFrom), ...data.objects(evidence, dcterms.source)];
    if (sources.length === 0) {
      problem("evidence has a quote but no source (prov:wasDerivedFrom)");
      continue;
    }
    const texts: { path: string; text: string }[] = [];
    for (const source of sources) {
      const paths = data.objects(source, kg.cleanedText);
      if (paths.length === 0) problem(`source ${curie(source)} has no kg:cleanedText to check the quote against`);
      for (const path of paths) {
        const text = sourceTexts[path.value];
        if (text === undefined) problem(`cleaned text "${path.value}" of source ${curie(source)} was not found`);
        else texts.push({ path: path.value, text });
      }
    }
    if (texts.length === 0) continue;
    for (const quote of quotes) {
      checked++;
      if (texts.some(({ text }) => text.includes(quote.value))) continue;
      const best = texts.map(({ path, text }) => ({ path, matched: longestPrefixIn(quote.value, text) }))
        .sort((a, b) => b.matched - a.matched)[0];
      const where = best.matched > 0
        ? `; it matches up to ${JSON.stringify(excerpt(quote.value, best.matched))}`
        : "";
      problem(`quote ${JSON.stringify(shorten(quote.value))} is not verbatim in ${best.path}${where}`);
    }
    const positions = selectors.filter((selector) => data.objects(selector, oaStart).length > 0);
    const quote = quoteSelectors[0] && data.objects(quoteSelectors[0], oa.exact)[0]?.value;
    if (quote === undefined || quoteSelectors.length !== 1) continue;
    if (positions.length === 0) {
      const text = texts.find((t) => t.text.includes(quote));
      const second = text ? text.text.indexOf(quote, text.text.indexOf(quote) + 1) : -1;
      if (text && second >= 0) {
        report(notes, "ambiguous-quote")(`quote ${JSON.stringify(shorten(quote))} occurs more than once in ${text.path} and has no oa:TextPositionSelector saying which`);
      }
      continue;
    }
    const prefix = data.objects(quoteSelectors[0], oa.prefix)[0]?.value ?? "";
    const suffix = data.objects(quoteSelectors[0], oa.suffix)[0]?.value ?? "";
    for (const position of positions) {
      const start = Number(data.objects(position, oaStart)[0]?.value);
      const end = Number(data.objects(position, oaEnd)[0]?.value);
      const fits = texts.some(({ text }) =>
        text.slice(start, end) === quote && text.slice(start - prefix.length, start) === prefix && text.slice(end, end + suffix.length) === suffix);
      if (!fits) {
        const held = texts[0].text.slice(start, end);
        problem(held === quote
          ? `oa:prefix or oa:suffix of ${JSON.stringify(shorten(quote))} does not surround ${start}-${end} in ${texts[0].path}`
          : `position ${start}-${end} holds ${JSON.stringify(shorten(held))} in ${texts[0].path}, not the quote ${JSON.stringify(shorten(quote))}`);
      }
    }
  }
  return { problems, notes, checked };
}

/** The length of the longest prefix of `quote` found in `text` (prefixes found form a run, so bisect). */
export function longestPrefixIn(quote: string, text: string): number {
  let low = 0, high = quote.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (text.includes(quote.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The last words before position `at`, then a marker, then what follows: shows where a quote departs from the text. */
function excerpt(quote: string, at: number): string {
  const before = quote.slice(Math.max(0, at - 30), at);
  const after = quote.slice(at, at + 15);
  return `${at > 30 ? "…" : ""}${before}⟨here⟩${after}`;
}

function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
