// Control characters from data made visible before they reach a terminal, so a label cannot move the cursor, recolour, retitle or reorder it.

/**
 * C0 controls other than tab and line feed, DEL, C1 controls (U+0080-U+009F: U+009B is CSI on some terminals) and
 * the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which reorder what is shown.
 */
const hidden = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same plus tab and line feed, for a value that must stay on its line (a table cell). */
const hiddenInCell = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `\u001b` for ESC and so on: the JSON and Turtle escape, so output that is JSON or Turtle keeps its meaning
 * (their writers leave DEL, C1 and the bidi controls raw) while a person sees where the character was.
 */
function escape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** Text for a terminal, line feeds and tabs kept. */
export function visibleText(text: string): string {
  hidden.lastIndex = 0;
  return hidden.test(text) ? text.replace(hidden, escape) : text;
}

/** A single-line value for a terminal: line feeds and tabs escaped too. */
export function visibleCell(text: string): string {
  hiddenInCell.lastIndex = 0;
  return hiddenInCell.test(text) ? text.replace(hiddenInCell, escape) : text;
}
