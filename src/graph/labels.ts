// Label text: an IRI's local name (the label of last resort) and the rank of a literal's language under the preference list.

/** The local name of an IRI (after the last `#`, `/` or `:`), or a blank node's label; the IRI itself when empty. */
export function localName(key: string): string {
  if (key.startsWith("_:")) return key.substring(2);
  const trimmed = key.replace(/[#/]+$/, "");
  const cut = Math.max(trimmed.lastIndexOf("#"), trimmed.lastIndexOf("/"), trimmed.lastIndexOf(":"));
  const local = cut >= 0 ? trimmed.substring(cut + 1) : trimmed;
  if (local === "") return key;
  try {
    return decodeURIComponent(local);
  } catch {
    return local;
  }
}

/** The language tag of an N3 literal key (`"x"@en`), lower case, or "" when untagged or typed. */
export function literalLanguage(key: string): string {
  const close = key.lastIndexOf('"');
  return key.charCodeAt(close + 1) === 64 /* @ */ ? key.substring(close + 2).toLowerCase() : "";
}

/** Rank of a literal's language under the preference list (lower is better). */
export function languageRanker(preferences: readonly string[]): (language: string) => number {
  return (language) => {
    for (let i = 0; i < preferences.length; i++) {
      const want = preferences[i];
      if (want === "*") return i;
      if (want === "" ? language === "" : language === want || language.startsWith(want + "-")) return i;
    }
    return preferences.length;
  };
}
