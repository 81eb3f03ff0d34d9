// The request classifier: a parser, not keywords, tells read queries from updates, and places syntax errors.
import { describe, expect, it } from "vitest";
import { classifySparql, SparqlSyntaxError } from "../../src/sparql/sparql-form.ts";

async function syntaxError(text: string): Promise<SparqlSyntaxError> {
  const error = await classifySparql(text).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SparqlSyntaxError);
  return error as SparqlSyntaxError;
}

describe("classifySparql", () => {
  it("sees updates behind prefixes named like query forms", async () => {
    expect(await classifySparql("PREFIX ask: <http://x/> DELETE WHERE { GRAPH <http://g/> { ?s ?p ?o } }")).toEqual({ kind: "update", operations: ["DELETE WHERE"] });
    expect(await classifySparql("PREFIX select: <http://x/>\nPREFIX construct: <http://y/>\nINSERT DATA { select:a construct:b select:c }")).toEqual({ kind: "update", operations: ["INSERT DATA"] });
  });

  it("runs read queries whose prefixes, comments or strings are named like updates", async () => {
    expect(await classifySparql("PREFIX delete: <http://x/> SELECT * WHERE { ?s delete:p ?o }")).toEqual({ kind: "query", form: "select" });
    expect(await classifySparql("PREFIX insert: <http://x/> PREFIX load: <http://y/> ASK { insert:a load:b ?o }")).toEqual({ kind: "query", form: "ask" });
    expect(await classifySparql("# DELETE WHERE { ?s ?p ?o }\nSELECT ?s WHERE { ?s ?p \"INSERT DATA { }\" } # CLEAR ALL")).toEqual({ kind: "query", form: "select" });
    expect(await classifySparql("SELECT * WHERE { ?s ?p '''LOAD <http://evil/>\nDROP ALL''' }")).toEqual({ kind: "query", form: "select" });
    expect(await classifySparql("CONSTRUCT WHERE { ?s <http://x/delete> ?o }")).toEqual({ kind: "query", form: "construct" });
    expect(await classifySparql("describe <http://example.org/x>")).toEqual({ kind: "query", form: "describe" });
    expect(await classifySparql("BASE <http://construct.example/> ASK { <a> ?p ?o }")).toEqual({ kind: "query", form: "ask" });
  });

  it("names every update operation", async () => {
    const cases: [string, string][] = [
      ["LOAD <http://attacker.example/data.ttl>", "LOAD"],
      ["LOAD SILENT <http://attacker.example/x> INTO GRAPH <http://g/>", "LOAD"],
      ["CLEAR ALL", "CLEAR"],
      ["CLEAR GRAPH <http://g/>", "CLEAR"],
      ["DROP SILENT GRAPH <http://g/>", "DROP"],
      ["CREATE GRAPH <http://g/>", "CREATE"],
      ["ADD DEFAULT TO <http://g/>", "ADD"],
      ["MOVE <http://a/> TO <http://b/>", "MOVE"],
      ["COPY GRAPH <http://a/> TO DEFAULT", "COPY"],
      ["DELETE DATA { <a:a> <a:b> <a:c> }", "DELETE DATA"],
      ["WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "DELETE/INSERT"],
      ["PREFIX with: <http://x/> WITH <http://g/> INSERT { ?s with:p 1 } WHERE { ?s ?p ?o }", "DELETE/INSERT"],
    ];
    for (const [text, operation] of cases) expect(await classifySparql(text), text).toEqual({ kind: "update", operations: [operation] });
  });

  it("lists each of several operations separated by ;", async () => {
    expect(await classifySparql("INSERT DATA { <a:a> <a:b> <a:c> } ;\nDELETE WHERE { ?s ?p ?o } ; LOAD <http://x/>")).toEqual({
      kind: "update", operations: ["INSERT DATA", "DELETE WHERE", "LOAD"],
    });
  });

  it("refuses a query with an update after ; as a syntax error at the ;", async () => {
    const error = await syntaxError("SELECT * WHERE { ?s ?p ?o } ; DELETE WHERE { ?s ?p ?o }");
    expect([error.line, error.column]).toEqual([1, 29]);
    expect(error.message).toMatch(/^query\/sparql: error at 1:29: unexpected ";"/);
  });

  it("places syntax errors by line and column", async () => {
    const error = await syntaxError("SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = \n}");
    expect([error.line, error.column]).toEqual([4, 1]);
    expect(error.message).toMatch(/^query\/sparql: error at 4:1: unexpected "}"/);
    const lexical = await syntaxError("SELECT * { ?s ?p @@@ }");
    expect([lexical.line, lexical.column]).toEqual([1, 18]);
    const end = await syntaxError("SELECT * WHERE {");
    expect(end.message).toMatch(/unexpected end of the query/);
    expect((await syntaxError("hello")).message).toMatch(/^query\/sparql: error at 1:1/);
  });

  it("refuses text it cannot read, such as Virtuoso's DEFINE pragmas: its form is unknown", async () => {
    expect((await syntaxError('DEFINE input:inference "rules" SELECT * WHERE { ?s ?p ?o }')).message).toMatch(/^query\/sparql: error at 1:1/);
  });

  it("refuses empty text and a prologue alone", async () => {
    expect((await syntaxError("")).message).toMatch(/the query is empty/);
    expect((await syntaxError("  # nothing\nPREFIX a: <http://x/>")).message).toMatch(/the query is empty/);
  });

  it("leaves undeclared prefixes to the store (Virtuoso predeclares bif:)", async () => {
    expect(await classifySparql('SELECT * WHERE { ?s ?p ?o . ?o bif:contains "huawei" . ?s :x nope:y }')).toEqual({ kind: "query", form: "select" });
    expect(await classifySparql("DELETE WHERE { ?s nope:p ?o }")).toEqual({ kind: "update", operations: ["DELETE WHERE"] });
  });
});
