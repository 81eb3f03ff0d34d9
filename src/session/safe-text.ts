// Checks and cleaning for untrusted strings: IRIs, control characters, credentials in URLs, prototype keys.

/** Keys that would reach an object's prototype if assigned naively. */
export const prototypeKeys = new Set(["__proto__", "constructor", "prototype"]);
/** Field names that suggest a secret: sessions and share links never carry credentials. */
export const credentialName = /pass(word|wd)?$|^pwd$|secret|token|api[-_]?key|credential|authori[sz]ation|cookie/i;
/** A URL with userinfo (`scheme://user:pw@host`). */
export const urlWithUserinfo = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s@]*@/i;
// C0 controls other than tab, line feed and carriage return, DEL and C1 controls have no business in labels, IRIs or
// notes, and ESC / CSI would drive the terminal when kg prints them.
export const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** An absolute IRI (scheme:rest, no spaces or brackets) or a blank node label. */
const iriPattern = /^(?:[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+|_:[A-Za-z0-9_.-]+)$/;

export function isIri(value: string): boolean {
  return iriPattern.test(value);
}

/** Control characters replaced by U+FFFD (labels and quotes from loaded data may hold them; a session never does). */
export function withoutControlCharacters(text: string): string {
  return text.replace(new RegExp(controlCharacter.source, "g"), "\uFFFD");
}

/** Removes `user:password@` from every URL in a string. */
export function stripUserinfo(text: string): string {
  return text.replace(new RegExp(urlWithUserinfo.source, "gi"), "$1");
}
