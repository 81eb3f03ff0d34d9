// CSV export (RFC 4180): what the data table writes reads back, with csv-parse, as the same cells.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/workbench/csv.ts";

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks, ends lines with CRLF, and reads back cell for cell", () => {
    const rows = [
      ["Huawei", "Company", 12],
      ['The "Safe City", Nairobi', "line one\nline two", 0],
      ["crlf\r\ninside", "", 3.5],
      ["<script>alert(1)</script>", "plain", 1],
    ];
    const text = toCsv(["name", "class", "degree"], rows);
    expect(text.startsWith("name,class,degree\r\nHuawei,Company,12\r\n")).toBe(true);
    expect(text).toContain('"The ""Safe City"", Nairobi","line one\nline two",0\r\n');
    const back = parse(text, { relax_column_count: false }) as string[][];
    expect(back).toEqual([["name", "class", "degree"], ...rows.map((r) => r.map(String))]);
  });

  it("puts an apostrophe before cells a spreadsheet would run as formulas, not before numbers", () => {
    const text = toCsv(["a", "b"], [["=HYPERLINK(\"http://x\")", -3], ["+1", "@sum"], ["-x", "ok"]]);
    expect(parse(text)).toEqual([["a", "b"], ["'=HYPERLINK(\"http://x\")", "-3"], ["'+1", "'@sum"], ["'-x", "ok"]]);
  });
});
