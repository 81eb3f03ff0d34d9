// A session file carries its data files' text in one JSON string: past the limit, saving says so instead of the browser's NotReadableError.
import { describe, expect, it } from "vitest";
import { carriedTextCheck, SESSION_FILE_TEXT_LIMIT } from "../../src/workbench/session-files.ts";

describe("the text a saved session file carries", () => {
  it("is refused past the limit with the sizes named and the autosave pointed to", () => {
    expect(() => carriedTextCheck([SESSION_FILE_TEXT_LIMIT - 1_000, 1_000, 0])).not.toThrow();
    expect(() => carriedTextCheck([906_132_006])).toThrow(
      "Cannot save the session as a file: it would carry 906,132,006 bytes of data files, and a session file carries at most 400,000,000 (it holds them in one text, which a browser caps near 512 MiB). The session stays autosaved in this browser.",
    );
    expect(() => carriedTextCheck([SESSION_FILE_TEXT_LIMIT, 1])).toThrow(/carry 400,000,001 bytes/);
  });

  it("leaves room under V8's string cap for JSON's escapes", () => {
    // 536,870,888 characters is V8's longest string; a Turtle text escaped into JSON grows by its quotes and newlines.
    expect(SESSION_FILE_TEXT_LIMIT * 1.25).toBeLessThan(536_870_888);
  });
});
