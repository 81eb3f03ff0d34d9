// The embedded Oxigraph engine behind a fetch function, so the SPARQL endpoint client (and the remote search/path/neighbourhood) can run against it in-process.
import { SparqlQueryError, type EmbeddedSparql } from "../src/sparql/sparql-embedded.ts";

/**
 * A `fetch` that answers SPARQL protocol requests (GET ?query= or form-encoded POST) from the embedded engine:
 * SELECT/ASK as SPARQL JSON results, graphs as N-Triples, a rejected query as HTTP 400. No socket is opened, so
 * the endpoint client's own work (paging, JSON parsing) is measured, but no HTTP.
 */
export function embeddedFetch(engine: EmbeddedSparql): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const params = init?.method === "POST" ? new URLSearchParams(String(init.body ?? "")) : url.searchParams;
    const query = params.get("query");
    if (query === null) return new Response("bench/sparql-adapter: no query parameter", { status: 400 });
    let answer: ReturnType<EmbeddedSparql["query"]>;
    try {
      answer = engine.query(query);
    } catch (error) {
      if (error instanceof SparqlQueryError) return new Response(error.message, { status: 400 });
      throw error;
    }
    if (answer.form === "select") {
      const body = JSON.stringify({ head: { vars: answer.result.vars }, results: { bindings: answer.result.bindings } });
      return new Response(body, { headers: { "content-type": "application/sparql-results+json" } });
    }
    if (answer.form === "ask") return new Response(JSON.stringify({ head: {}, boolean: answer.value }), { headers: { "content-type": "application/sparql-results+json" } });
    return new Response(new Blob(answer.parts), { headers: { "content-type": answer.contentType } });
  }) as typeof fetch;
}
