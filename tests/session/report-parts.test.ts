// The HTML report in pieces (a Blob of parts in the workbench): the Turtle escaped piece by piece joins to exactly the one-string report, whatever the boundaries.
import { describe, expect, it } from "vitest";
import { renderReport, renderReportParts } from "../../src/session/report.ts";
import { parseSessionFile } from "../../src/session/index.ts";
import { readSessionFixture } from "./fixtures.ts";

const file = parseSessionFile(readSessionFixture("hostile.session.json"));
const generatedAt = "2026-12-04T00:00:00Z";
// Everything html() escapes, a non-BMP character (a surrogate pair), and sequences that must not survive as markup.
const turtle = `<x> <y> "</pre><script>alert(1)</script> & &amp; 'q' \u{1F600} end" .\n<x> <z> "</script" .\n`;

/** The text cut at each of `at` (character offsets), so boundaries fall where the test wants them. */
function cut(text: string, at: number[]): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const to of [...at, text.length]) {
    pieces.push(text.slice(from, to));
    from = to;
  }
  return pieces;
}

describe("the report in pieces", () => {
  const whole = renderReport(file, { turtle, generatedAt });

  it("joins to the one-string report when every boundary falls inside an escaped sequence", () => {
    const inside = [turtle.indexOf("</pre>") + 1, turtle.indexOf("<script>") + 3, turtle.indexOf("&amp;") + 2, turtle.indexOf("'q'") + 1, turtle.indexOf("</script\"") + 4];
    const pieces = cut(turtle, inside);
    expect(pieces.join("")).toBe(turtle);
    const parts = [...renderReportParts(file, { turtle: pieces, generatedAt })];
    // The head, each piece, the end: the Turtle stays in pieces.
    expect(parts).toHaveLength(pieces.length + 2);
    expect(parts.join("")).toBe(whole);
    expect(parts.join("")).not.toContain("<script");
    expect(parts.join("")).toContain("&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;amp; &#39;q&#39;");
  });

  it("joins to the same bytes as a Blob when a boundary splits a surrogate pair (a Blob encodes each part alone)", async () => {
    const pair = turtle.indexOf("\u{1F600}");
    const pieces = cut(turtle, [pair + 1, pair + 2]);
    expect(pieces[0].charCodeAt(pieces[0].length - 1)).toBeGreaterThanOrEqual(0xd800);
    const parts = [...renderReportParts(file, { turtle: pieces, generatedAt })];
    expect(parts.join("")).toBe(whole);
    expect(await new Blob(parts).text()).toBe(whole);
    expect(await new Blob(parts).text()).toContain("\u{1F600}");
  });

  it("is the same report for one piece, no piece and empty pieces", () => {
    expect([...renderReportParts(file, { turtle: [turtle], generatedAt })].join("")).toBe(whole);
    expect([...renderReportParts(file, { turtle: [], generatedAt })].join("")).toBe(renderReport(file, { turtle: "", generatedAt }));
    expect([...renderReportParts(file, { turtle: ["", turtle, ""], generatedAt })].join("")).toBe(whole);
  });
});
