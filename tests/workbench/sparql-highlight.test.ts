// The SPARQL editor's tokenizer: every character kept, each kind of token coloured as a reader expects.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { tokenize, type TokenKind } from "../../src/workbench/sparql/highlight.ts";

const kinds = (text: string, kind: TokenKind) => tokenize(text).filter((t) => t.kind === kind).map((t) => t.text);

describe("SPARQL tokenizer", () => {
  it("gives the text back unchanged, for a real query file and for unfinished input", () => {
    const query = readFileSync(resolve(import.meta.dirname, "../fixtures/sparql/widgets-by-weight.rq"), "utf8");
    for (const text of [query, 'SELECT ?x WHERE { ?x ?p "unterminated', "PREFIX : <http://ex/>\nASK { :a :b 'c' } # done", "§±\u0000 {"]) {
      expect(tokenize(text).map((t) => t.text).join("")).toBe(text);
    }
  });

  it("tells keywords, IRIs, prefixed names, variables, literals and comments apart", () => {
    const text = 'PREFIX kg: <https://w3id.org/smartcity-kg/ontology#>\n# who donates\nSELECT ?c $n WHERE { ?c a kg:Company ; rdfs:label "Huawei \\"HQ\\""@en . FILTER(?n > 2.5e3 && ?c != kgr:x) } LIMIT 10';
    expect(kinds(text, "keyword")).toEqual(["PREFIX", "SELECT", "WHERE", "a", "FILTER", "LIMIT"]);
    expect(kinds(text, "iri")).toEqual(["<https://w3id.org/smartcity-kg/ontology#>"]);
    expect(kinds(text, "pname")).toEqual(["kg:", "kg:Company", "rdfs:label", "kgr:x"]);
    expect(kinds(text, "variable")).toEqual(["?c", "$n", "?c", "?n", "?c"]);
    expect(kinds(text, "string")).toEqual(['"Huawei \\"HQ\\""']);
    expect(kinds(text, "number")).toEqual(["2.5e3", "10"]);
    expect(kinds(text, "comment")).toEqual(["# who donates"]);
  });

  it("does not colour an IRI or a comment inside a string, nor a '<' comparison as an IRI", () => {
    const text = 'SELECT * { ?s ?p "a <b> # c" FILTER(?x < 3 && ?y > 2) }';
    expect(kinds(text, "iri")).toEqual([]);
    expect(kinds(text, "comment")).toEqual([]);
    expect(kinds(text, "string")).toEqual(['"a <b> # c"']);
  });

  it("leaves unknown words plain (a typo is not a keyword)", () => {
    expect(kinds("SELEC * WHERE { }", "keyword")).toEqual(["WHERE"]);
  });
});
