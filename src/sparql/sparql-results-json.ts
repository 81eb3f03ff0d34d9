// SPARQL JSON results read and checked: SELECT's head.vars and bindings, ASK's boolean (Virtuoso's __ASK_RETVAL too).
import type { SelectResult, SparqlBinding, SparqlTermJson } from "./sparql-answer.ts";

/** Makes the error for a body that is not what was asked for: `what` says how, `text` is the body. */
export type Malformed = (what: string, text: string) => Error;

export function parseJson(text: string, malformed: Malformed): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw malformed(`not JSON (${(error as Error).message})`, text);
  }
}

export function readSelect(text: string, malformed: Malformed): SelectResult {
  const value = parseJson(text, malformed) as { head?: { vars?: unknown }; results?: { bindings?: unknown } };
  const vars = value?.head?.vars;
  const bindings = value?.results?.bindings;
  if (!Array.isArray(vars) || !vars.every((v) => typeof v === "string")) throw malformed("no head.vars list", text);
  if (!Array.isArray(bindings)) throw malformed("no results.bindings list", text);
  for (const row of bindings) {
    if (row === null || typeof row !== "object") throw malformed("a binding that is not an object", text);
    for (const term of Object.values(row as Record<string, unknown>)) {
      const t = term as Partial<SparqlTermJson> | null;
      if (t === null || typeof t !== "object" || typeof t.type !== "string" || typeof t.value !== "string") {
        throw malformed("a bound value without type and value", text);
      }
    }
  }
  return { vars: vars as string[], bindings: bindings as SparqlBinding[], truncated: false };
}

export function readAsk(text: string, malformed: Malformed): boolean {
  const json = (parseJson(text, malformed) ?? {}) as { boolean?: unknown; head?: { vars?: unknown }; results?: { bindings?: SparqlBinding[] } };
  if (typeof json.boolean === "boolean") return json.boolean;
  // Virtuoso answers ASK with a variable __ASK_RETVAL instead of "boolean": one row holding 1 when true, no rows when false.
  if (Array.isArray(json.head?.vars) && json.head.vars.includes("__ASK_RETVAL") && Array.isArray(json.results?.bindings)) {
    const only = json.results.bindings[0]?.["__ASK_RETVAL"];
    if (only === undefined || only.value === "0") return false;
    if (only.value === "1") return true;
  }
  throw malformed("an ASK result without a boolean", text);
}
