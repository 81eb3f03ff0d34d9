// Coverage of the brief: its sentences, the relations whose evidence quotes each one, or the reviewed reason none is drawn.

/** One sentence (or heading, or caption) of the cleaned text, with its character span. */
export interface Sentence {
  /** `<line>.<n>`: the line of the cleaned text and the sentence's place in it, stable while the text is. */
  id: string;
  line: number;
  start: number;
  end: number;
  text: string;
}

/** An evidence node as the coverage needs it: the relation it backs and where its quote is. */
export interface EvidenceRef {
  relation: string;
  quote: string;
  /** A TextPositionSelector's offsets, when the evidence has one. */
  position?: { start: number; end: number };
}

export interface Reason {
  id: string;
  reason: string;
  note: string;
  /** The sentence's opening words as reviewed, so a changed text cannot silently keep an old reason. */
  opening: string;
}

export interface CoverageRow {
  sentence: Sentence;
  relations: string[];
  reason?: Reason;
}

export interface Coverage {
  rows: CoverageRow[];
  /** Sentences with neither a relation nor a reason, reasons that no longer fit, quotes that cannot be placed. */
  problems: string[];
}

/** The reasons a sentence may state no relation; the file of reasons may use no other. */
export const REASONS: Readonly<Record<string, string>> = {
  heading: "a title, heading or diagram caption heading that names a part of the text, not a relation",
  byline: "the authors and their roles (stated from the catalogue record)",
  evaluative: "the authors' judgement or outlook, with no relation between two named things",
  rhetorical: "a question, or the brief announcing its own plan",
  attribute: "a property of one thing, recorded as a literal or in a definition, not a relation",
  general: "a general statement about unnamed actors or things (no entity of the graph to relate)",
  fragment: "the diagram's broken OCR fragments, set apart by the cleaner",
};

const OPENING = 40;
/** The opening of a sentence as the reasons file records it. */
export const openingOf = (text: string): string => text.slice(0, OPENING).trimEnd();

/**
 * Splits the cleaned text into sentences: each line is a heading or paragraph, split after ., ? or ! (and a closing
 * quote or bracket) where the next word starts with a capital, a quote or a bullet. "i.e." and "p.3" never qualify.
 */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  text.split("\n").forEach((line, index) => {
    const boundary = /[.?!]["”’)]?\s+(?=[A-Z“"‘•])/g;
    let from = 0;
    let n = 0;
    const push = (to: number): void => {
      const raw = line.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (body) out.push({ id: `${index + 1}.${++n}`, line: index + 1, start: offset + from + lead, end: offset + from + lead + body.length, text: body });
    };
    for (let m = boundary.exec(line); m; m = boundary.exec(line)) {
      const to = m.index + m[0].trimEnd().length;
      push(to);
      from = to;
    }
    push(line.length);
    offset += line.length + 1;
  });
  return out;
}

/** Every start offset of `quote` in `text`. */
export function occurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(quote); i >= 0 && quote; i = text.indexOf(quote, i + 1)) out.push(i);
  return out;
}

/** Where an evidence's quote is: its position selector, else its only occurrence; a quote found twice without one is a problem. */
export function spanOf(ev: EvidenceRef, text: string): { start: number; end: number } | string {
  if (ev.position) {
    const { start, end } = ev.position;
    return text.slice(start, end) === ev.quote ? ev.position : `${ev.relation}: position ${start}-${end} does not hold ${JSON.stringify(ev.quote)}`;
  }
  const found = occurrences(text, ev.quote);
  if (found.length === 1) return { start: found[0], end: found[0] + ev.quote.length };
  return found.length === 0
    ? `${ev.relation}: quote ${JSON.stringify(ev.quote)} is not in the text`
    : `${ev.relation}: quote ${JSON.stringify(ev.quote)} occurs ${found.length} times and has no oa:TextPositionSelector`;
}

/** Parses the reviewed reasons (TSV: id, reason, note, opening; # comments and blank lines skipped). */
export function parseReasons(tsv: string, file = "coverage-reasons.tsv"): { reasons: Map<string, Reason>; problems: string[] } {
  const reasons = new Map<string, Reason>();
  const problems: string[] = [];
  tsv.split("\n").forEach((line, i) => {
    if (!line.trim() || line.startsWith("#")) return;
    const [id, reason, note, opening] = line.split("\t");
    const where = `${file}:${i + 1}`;
    if (opening === undefined) problems.push(`${where}: expected 4 tab-separated fields (id, reason, note, opening)`);
    else if (!(reason in REASONS)) problems.push(`${where}: unknown reason "${reason}" (one of ${Object.keys(REASONS).join(", ")})`);
    else if (!note.trim()) problems.push(`${where}: the reason for ${id} has no note`);
    else if (reasons.has(id)) problems.push(`${where}: ${id} is listed twice`);
    else reasons.set(id, { id, reason, note, opening });
  });
  return { reasons, problems };
}

/** Matches each sentence with the relations quoted from it and its reviewed reason; lists what is left unexplained. */
export function coverageOf(text: string, evidence: readonly EvidenceRef[], reasonsTsv: string): Coverage {
  const sentences = sentencesOf(text);
  const { reasons, problems } = parseReasons(reasonsTsv);
  const rows: CoverageRow[] = sentences.map((sentence) => ({ sentence, relations: [] }));
  for (const ev of evidence) {
    const span = spanOf(ev, text);
    if (typeof span === "string") {
      problems.push(span);
      continue;
    }
    for (const row of rows) {
      const s = row.sentence;
      if (span.start < s.end && span.end > s.start && !row.relations.includes(ev.relation)) row.relations.push(ev.relation);
    }
  }
  const ids = new Set(sentences.map((s) => s.id));
  for (const reason of reasons.values()) if (!ids.has(reason.id)) problems.push(`reason for ${reason.id}: no such sentence`);
  for (const row of rows) {
    row.relations.sort();
    const reason = reasons.get(row.sentence.id);
    if (reason && reason.opening !== openingOf(row.sentence.text)) {
      problems.push(`reason for ${row.sentence.id}: reviewed for "${reason.opening}", the sentence now opens "${openingOf(row.sentence.text)}"`);
    } else if (reason) row.reason = reason;
    if (!row.relations.length && !row.reason) problems.push(`sentence ${row.sentence.id} has no relation and no reason: "${openingOf(row.sentence.text)}…"`);
  }
  return { rows, problems };
}
