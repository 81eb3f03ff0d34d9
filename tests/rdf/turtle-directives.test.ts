// The directive scan that gives kg's Virtuoso store the files' prefixes finds what n3's full parse finds.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Parser } from "n3";
import { describe, expect, it } from "vitest";
import { prefixesOfDirectives, TurtleDirectiveScanner } from "../../src/rdf/turtle-directives.ts";

const suite = join(import.meta.dirname, "../fixtures/w3c-rdf11-turtle");

function scanned(bytes: Uint8Array, chunkSize: number, baseIRI: string): Record<string, string> {
  const scanner = new TurtleDirectiveScanner();
  for (let i = 0; i < bytes.length; i += chunkSize) scanner.push(bytes.subarray(i, i + chunkSize));
  return prefixesOfDirectives(scanner.end(), baseIRI);
}

/** What kg's loader records: n3's prefix events over the whole document, the first of a name winning, absolute only. */
function parsed(text: string, baseIRI: string): Record<string, string> | undefined {
  const prefixes: Record<string, string> = {};
  try {
    new Parser({ baseIRI, format: "text/turtle" }).parse(text, null, (name, iri) => {
      if (!(name in prefixes) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(iri.value)) prefixes[name] = iri.value;
    });
  } catch {
    return undefined;
  }
  return prefixes;
}

describe("TurtleDirectiveScanner", () => {
  it("finds the prefixes n3 finds in every W3C Turtle test document n3 accepts, in chunks of any size", () => {
    const files = readdirSync(suite).filter((name) => name.endsWith(".ttl"));
    let compared = 0;
    let withPrefixes = 0;
    for (const name of files) {
      const bytes = readFileSync(join(suite, name));
      const base = `http://www.w3.org/2013/TurtleTests/${name}`;
      const expected = parsed(bytes.toString("utf8"), base);
      if (expected === undefined) continue;
      compared++;
      if (Object.keys(expected).length > 0) withPrefixes++;
      for (const size of [1, 2, 3, 7, 1 << 16]) expect(scanned(bytes, size, base), `${name} in chunks of ${size}`).toEqual(expected);
    }
    expect(compared).toBeGreaterThan(200);
    expect(withPrefixes, "documents with a prefix").toBeGreaterThan(90);
  });

  it("does not take directive-like text in literals, IRIs, comments or names for a directive, and finds one anywhere a statement may start", () => {
    const text = [
      '@prefix ex: <http://example.org/> .',
      'ex:a ex:says "x. @prefix no: <http://no.example/> ." ; ex:long """y.',
      'PREFIX no2: <http://no2.example/>',
      '@prefix no3: <http://no3.example/> . "quoted" \\""" still""" .',
      "ex:b ex:q 'x. BASE <http://evil.example/>' , '''x.\nPREFIX no5: <http://no5.example/>''' , 1.5 , ex:x.prefix .",
      '# x. @prefix no4: <http://no4.example/> .',
      'ex:e ex:p """x " y. PREFIX no6: <http://no6.example/> .""" , """a""b . PREFIX no7: <http://no7.example/> .""" , "a \\" . PREFIX no8: <http://no8.example/> ." .',
      '<http://example.org/@prefix/> ex:p ex:c.',
      'PREFIX later: <later#>',
      'ex:c ex:p later:d .',
      'BASE <http://other.example/dir/>',
      '@prefix rel: <rel/> .',
      'ex:c ex:p "x"@en.PREFIX tight: <http://tight.example/>',
      '@prefix ex: <http://ignored.example/> .',
      'ex:d ex:p ex:e .',
    ].join("\n");
    const base = "http://example.org/doc";
    const expected = parsed(text, base);
    expect(expected).toEqual({
      ex: "http://example.org/",
      later: "http://example.org/later#",
      rel: "http://other.example/dir/rel/",
      tight: "http://tight.example/",
    });
    for (const size of [1, 5, 1 << 16]) expect(scanned(new TextEncoder().encode(text), size, base)).toEqual(expected);
  });
});
