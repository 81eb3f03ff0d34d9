// A small SPARQL tokenizer for the editor's colouring: keywords, IRIs, prefixed names, variables, literals, comments.

export type TokenKind = "keyword" | "iri" | "pname" | "variable" | "string" | "number" | "comment" | "punct" | "text";

export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set(
  (
    "BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK WHERE FROM NAMED DISTINCT REDUCED AS ORDER BY ASC DESC LIMIT OFFSET " +
    "GROUP HAVING VALUES OPTIONAL UNION MINUS GRAPH SERVICE SILENT BIND FILTER NOT EXISTS IN UNDEF A TRUE FALSE " +
    "COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS " +
    "CEIL FLOOR ROUND CONCAT STRLEN UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR " +
    "MONTH DAY HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG " +
    "STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE INSERT DELETE DATA LOAD CLEAR DROP"
  ).split(" "),
);

// Order matters: comments and strings before anything that could start inside them; IRIs before "<" as an operator.
const RULES: [TokenKind, RegExp][] = [
  ["comment", /#[^\n]*/y],
  ["string", /"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?/y],
  ["iri", /<[^<>"{}|^`\\\s]*>/y],
  ["variable", /[?$][A-Za-z0-9_\u00C0-\uFFFF]+/y],
  ["pname", /(?:[A-Za-z\u00C0-\uFFFF][\w.\-\u00C0-\uFFFF]*)?:(?:[\w\u00C0-\uFFFF%\\](?:[\w.\-:\u00C0-\uFFFF%\\]*[\w\-:\u00C0-\uFFFF%\\])?)?/y],
  ["number", /[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/y],
  ["text", /@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^/y],
  ["keyword", /[A-Za-z_][A-Za-z0-9_]*/y],
  ["text", /\s+/y],
  ["punct", /[{}()[\].,;*=!<>&|+\-/]+/y],
];

/** Splits the text into tokens whose texts, joined, give the text back (so the coloured copy lines up). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const push = (kind: TokenKind, piece: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind && (kind === "text" || kind === "punct")) last.text += piece;
    else tokens.push({ kind, text: piece });
  };
  while (at < text.length) {
    let matched = false;
    for (const [kind, rule] of RULES) {
      rule.lastIndex = at;
      const match = rule.exec(text);
      if (!match || match[0] === "") continue;
      const piece = match[0];
      // A bare word is a keyword only when SPARQL knows it; other words (a typo) stay plain.
      push(kind === "keyword" && !KEYWORDS.has(piece.toUpperCase()) ? "text" : kind, piece);
      at += piece.length;
      matched = true;
      break;
    }
    if (!matched) {
      push("text", text[at]);
      at++;
    }
  }
  return tokens;
}
