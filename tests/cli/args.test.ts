// Argument parsing: --data anywhere, list options, and the usage errors a mistyped command line gets.
import { describe, expect, it } from "vitest";
import { closest, extractGlobalArgs, intOption, listOption, mainHelp, parseCommand, UsageError, type CommandSpec } from "../../src/cli/args.ts";

const spec: CommandSpec = {
  name: "path",
  summary: "",
  arguments: "<from> <to>",
  minPositionals: 2,
  maxPositionals: 2,
  details: "",
  options: {
    k: { type: "string", short: "k", help: "" },
    directed: { type: "boolean", help: "" },
    exclude: { type: "string", list: true, help: "" },
  },
};

describe("extractGlobalArgs", () => {
  it("takes --data before or after the command, repeated, with several files after one flag", () => {
    expect(extractGlobalArgs(["--data", "a.ttl", "b.nt", "path", "X", "Y"])).toEqual({ dataFiles: ["a.ttl", "b.nt"], progress: false, rest: ["path", "X", "Y"] });
    expect(extractGlobalArgs(["path", "X", "Y", "--data", "a.ttl", "--data=c.trig"])).toEqual({ dataFiles: ["a.ttl", "c.trig"], progress: false, rest: ["path", "X", "Y"] });
  });

  it("does not swallow a following argument that is no RDF file", () => {
    expect(extractGlobalArgs(["--data", "a.ttl", "path", "Huawei", "Kenya"]).rest).toEqual(["path", "Huawei", "Kenya"]);
  });

  it("leaves everything after -- alone and reports no files when none are given", () => {
    expect(extractGlobalArgs(["find", "--", "--data"])).toEqual({ dataFiles: undefined, progress: false, rest: ["find", "--", "--data"] });
  });

  it("takes --progress anywhere before --, as a switch that consumes no argument", () => {
    expect(extractGlobalArgs(["export", "--progress", "--data", "a.ttl"])).toEqual({ dataFiles: ["a.ttl"], progress: true, rest: ["export"] });
    expect(extractGlobalArgs(["--progress", "path", "X", "Y"]).rest).toEqual(["path", "X", "Y"]);
    expect(extractGlobalArgs(["find", "--", "--progress"]).progress).toBe(false);
  });

  it("rejects --data without a file", () => {
    expect(() => extractGlobalArgs(["stats", "--data"])).toThrow(UsageError);
    expect(() => extractGlobalArgs(["--data", "--json", "stats"])).toThrow(/--data needs a file/);
  });

  it("takes --base IRI (or --base=IRI) before or after the command, beside --data", () => {
    expect(extractGlobalArgs(["--base", "http://example.org/a", "--data", "a.ttl", "export"])).toEqual({ dataFiles: ["a.ttl"], baseIRI: "http://example.org/a", progress: false, rest: ["export"] });
    expect(extractGlobalArgs(["export", "--data", "a.ttl", "--base=file:///data/"])).toEqual({ dataFiles: ["a.ttl"], baseIRI: "file:///data/", progress: false, rest: ["export"] });
    expect(extractGlobalArgs(["export"]).baseIRI).toBeUndefined();
  });

  it("refuses a --base that is missing, relative, not an IRI or given twice", () => {
    expect(() => extractGlobalArgs(["export", "--base"])).toThrow(/--base needs an IRI/);
    expect(() => extractGlobalArgs(["--base", "--data", "a.ttl", "export"])).toThrow(/--base needs an IRI/);
    expect(() => extractGlobalArgs(["--base", "data/", "export"])).toThrow(/--base must be an absolute IRI .*"data\/"/);
    expect(() => extractGlobalArgs(["--base", "http://example.org/a b", "export"])).toThrow(/is not a valid IRI/);
    expect(() => extractGlobalArgs(["--base", "http://a/", "--base=http://b/", "export"])).toThrow(/--base given twice/);
  });

  it("is documented in kg --help", () => {
    expect(mainHelp([])).toMatch(/^ {2}--base IRI +resolve relative IRIs in the files against IRI/m);
  });
});

describe("parseCommand", () => {
  it("splits list options on commas and across repeats", () => {
    const parsed = parseCommand(spec, ["A", "B", "--exclude", "China, Huawei", "--exclude", "DJI"]);
    expect(listOption(parsed, "exclude")).toEqual(["China", "Huawei", "DJI"]);
    expect(parsed.positionals).toEqual(["A", "B"]);
  });

  it("reads -k and --k as the same option and checks its value", () => {
    expect(intOption(parseCommand(spec, ["A", "B", "-k", "4"]), "path", "k", 3)).toBe(4);
    expect(intOption(parseCommand(spec, ["A", "B"]), "path", "k", 3)).toBe(3);
    expect(() => intOption(parseCommand(spec, ["A", "B", "--k", "0"]), "path", "k", 3)).toThrow("--k must be an integer >= 1");
  });

  it("names an unknown option and suggests the nearest one", () => {
    expect(() => parseCommand(spec, ["A", "B", "--directd"])).toThrow("unknown option --directd (did you mean --directed?)");
  });

  it("counts positional arguments, hinting at quotes for names with spaces", () => {
    expect(() => parseCommand(spec, ["Huawei"])).toThrow('kg path: expected <from> <to>, got "Huawei"');
    expect(() => parseCommand(spec, ["DJI", "Digital", "Silk", "Road"])).toThrow(/unexpected argument "Silk" "Road" \(quote a name with spaces/);
  });

  it("accepts --help without the required arguments", () => {
    expect(parseCommand(spec, ["--help"]).values.help).toBe(true);
  });
});

describe("closest", () => {
  it("suggests near spellings only", () => {
    expect(closest("pth", ["path", "find", "stats"])).toBe("path");
    expect(closest("zzzz", ["path", "find", "stats"])).toBeUndefined();
  });
});
