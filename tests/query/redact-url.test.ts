// redactUrl, the one way an endpoint URL is shown: no user-info, query and fragment values as ***; echoed secrets blanked.
import { describe, expect, it } from "vitest";
import { blankSecrets, redactUrl, urlSecrets } from "../../src/query/redact-url.ts";

describe("redactUrl", () => {
  it("keeps a plain endpoint URL as it is", () => {
    expect(redactUrl("http://localhost:8890/sparql")).toBe("http://localhost:8890/sparql");
  });

  it("drops user-info and hides every query value and the fragment, keeping the parameter names", () => {
    expect(redactUrl("https://alice:hunter2@store.example/sparql?apikey=abc123&default-graph-uri=urn:g#token=xyz"))
      .toBe("https://store.example/sparql?apikey=***&default-graph-uri=***#***");
    expect(redactUrl("http://bob@store.example/sparql?flag")).toBe("http://store.example/sparql?flag=***");
  });

  it("hides the same parts of text that is not a URL", () => {
    expect(redactUrl("alice:pw@store/sparql?apikey=abc123&x=1")).toBe("alice:pw@store/sparql?apikey=***&x=***");
    expect(redactUrl("ftp ://carol:pw@host/x?key=v")).not.toContain("key=v");
    expect(redactUrl("htp://carol:pw@host/x?key=v")).toBe("htp://host/x?key=***");
  });
});

describe("urlSecrets and blankSecrets", () => {
  it("blank long query values where a server echoes them, raw or percent-encoded, and leave short ones", () => {
    const secrets = urlSecrets("https://store.example/sparql?apikey=s3cr3t%2Fk3y%2Bmore&format=json");
    expect(blankSecrets("GET /sparql?apikey=s3cr3t%2Fk3y%2Bmore&format=json failed (s3cr3t/k3y+more)", secrets))
      .toBe("GET /sparql?apikey=***&format=json failed (***)");
  });
});
