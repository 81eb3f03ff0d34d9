// An endpoint URL as messages, sessions and reports may show it: no user-info, and no query-string or fragment values (API keys live there).

const hiddenValue = "***";

/**
 * The URL without user name and password, every query parameter's value and the fragment replaced by `***`
 * (parameter names kept, so a reader still sees `?apikey=***`). Text that does not parse as a URL gets the same
 * treatment by pattern.
 */
export function redactUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return redactByPattern(text);
  }
  url.username = "";
  url.password = "";
  const names = [...url.searchParams.keys()];
  const hadFragment = url.hash !== "";
  url.search = "";
  url.hash = "";
  // Written by hand: URLSearchParams would write *** as %2A%2A%2A.
  const query = names.length > 0 ? `?${names.map((name) => `${encodeURIComponent(name)}=${hiddenValue}`).join("&")}` : "";
  return `${url.href}${query}${hadFragment ? `#${hiddenValue}` : ""}`;
}

function redactByPattern(text: string): string {
  return text
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/i, "$1")
    .replace(/([?&][^=&#\s]*=)[^&#\s]*/g, `$1${hiddenValue}`)
    .replace(/#\S+$/, `#${hiddenValue}`);
}

/**
 * The values a URL carries that must not be shown (query parameter values and user-info), longest first, for
 * blanking where a server echoes them back (an error page that repeats the request). Values under `minLength`
 * characters are left out: short ones (json, 1, en) are not secrets and would blank ordinary words.
 */
export function urlSecrets(text: string, minLength = 8): string[] {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return [];
  }
  // Each value as written in the URL, decoded, and encoded again: a server may echo any of these forms.
  const written = url.search.slice(1).split("&").map((pair) => pair.slice(pair.indexOf("=") + 1));
  written.push(url.username, url.password, url.hash.slice(1));
  const secrets = new Set<string>();
  for (const raw of written) {
    let decoded = raw;
    try {
      decoded = decodeURIComponent(raw.replace(/\+/g, " "));
    } catch {
      // a stray % leaves the value as written
    }
    for (const form of [raw, decoded, encodeURIComponent(decoded)]) if (form.length >= minLength) secrets.add(form);
  }
  return [...secrets].sort((a, b) => b.length - a.length);
}

/** The text with every occurrence of the secrets replaced by `***`. */
export function blankSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(hiddenValue);
  return out;
}
