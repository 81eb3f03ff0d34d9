// Finds an evidence quote in its cleaned source text: exactly first, then ignoring differences in whitespace and quote marks.

export interface QuoteSpan {
  start: number;
  end: number;
}

/** Where the quote lies in the text, or null when it cannot be found. */
export function locateQuote(text: string, quote: string): QuoteSpan | null {
  if (!quote) return null;
  const exact = text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length };
  // Loose match: map both to a normalised form, remembering where each normalised character came from.
  const { normal: normalText, origin } = normalise(text);
  const normalQuote = normalise(quote).normal.trim();
  if (!normalQuote) return null;
  const at = normalText.indexOf(normalQuote);
  if (at < 0) return null;
  return { start: origin[at], end: origin[at + normalQuote.length - 1] + 1 };
}

const QUOTES: Record<string, string> = { "‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-" };

function normalise(text: string): { normal: string; origin: number[] } {
  let normal = "";
  const origin: number[] = [];
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      if (!lastSpace) {
        normal += " ";
        origin.push(i);
      }
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    normal += (QUOTES[ch] ?? ch).toLowerCase();
    origin.push(i);
  }
  return { normal, origin };
}
