// Which packages a kg command loads: shacl-engine only for validate, oxigraph only for sparql (each costs start-up time).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, runKg } from "./run-kg.ts";

const dir = mkdtempSync(join(tmpdir(), "kg-modules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A module resolve hook that appends every URL the command's process resolves to the file in KG_TEST_MODULE_LOG.
const hooks = join(dir, "hooks.mjs");
writeFileSync(
  hooks,
  `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.KG_TEST_MODULE_LOG, result.url + "\\n");
  return result;
}
`,
);
const register = join(dir, "register.mjs");
writeFileSync(register, `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);

/** The npm packages (node_modules/<name>) a kg run resolved, and its exit code. */
async function packagesLoaded(args: string[]): Promise<{ code: number | null; packages: Set<string> }> {
  const log = join(dir, `modules-${args[0]}.log`);
  writeFileSync(log, "");
  const result = await runKg(args, { env: { NODE_OPTIONS: `--import=${pathToFileURL(register).href}`, KG_TEST_MODULE_LOG: log } });
  const packages = new Set<string>();
  for (const url of readFileSync(log, "utf8").split("\n")) {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (match) packages.add(match[1]);
  }
  return { code: result.code, packages };
}

describe("kg loads heavy packages only in the commands that use them", () => {
  it("kg path Huawei Kenya loads neither shacl-engine nor oxigraph", async () => {
    const { code, packages } = await packagesLoaded(["path", "Huawei", "Kenya"]);
    expect(code).toBe(0);
    expect(packages).not.toContain("shacl-engine");
    expect(packages).not.toContain("oxigraph");
  });

  it("kg validate loads shacl-engine (so the hook sees packages at all)", async () => {
    const { code, packages } = await packagesLoaded(["validate", "--data", fixture("validate", "valid.ttl")]);
    expect(code).not.toBeNull();
    expect(packages).toContain("shacl-engine");
    expect(packages).not.toContain("oxigraph");
  });

  it("kg sparql loads oxigraph and not shacl-engine", async () => {
    const { code, packages } = await packagesLoaded(["sparql", "ASK { ?s ?p ?o }"]);
    expect(code).toBe(0);
    expect(packages).toContain("oxigraph");
    expect(packages).not.toContain("shacl-engine");
  });
});
