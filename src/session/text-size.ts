// Sizes of untrusted JSON text measured before parsing it: UTF-8 bytes and nesting depth, both linear and allocation-free.

/** UTF-8 byte length without allocating the encoding. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Deepest nesting accepted: a session nests about 12 levels (history → snapshot → state → path → results → steps → evidence). */
export const MAX_NESTING = 64;

/** How deep arrays and objects nest in JSON text (strings skipped), stopping once past `stopAbove`; linear, no parsing. */
export function nestingDepth(text: string, stopAbove: number): number {
  let depth = 0, max = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max && (max = depth) > stopAbove) return max;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${n} bytes`;
}
