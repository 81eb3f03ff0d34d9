// kg sparql --engine virtuoso: kg's own local Virtuoso store, loaded once per set of files and reused, answering as the embedded engine does.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "n3";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { AUTO_NEW_STORE_FROM_BYTES, autoStoreRoute, newStoreFromBytes, storeHolds } from "../../src/cli/sparql-local-store.ts";
import { STORES_KEPT, openStore, sqlString, storeKey } from "../../src/cli/virtuoso-store.ts";
import { kgBin, repoRoot, runKg } from "../cli/run-kg.ts";

const work = mkdtempSync(join(tmpdir(), "kg-local-store-"));
const cache = join(work, "cache");
const env = { KG_CACHE_DIR: cache };
afterAll(() => rmSync(work, { recursive: true, force: true }));

const data = join(work, "data.ttl");
writeFileSync(data, `@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:huawei ex:suppliesTo ex:kenya ; ex:label "Huawei"@en , "华为"@zh .
ex:dahua ex:suppliesTo ex:kenya , ex:ecuador ; ex:founded "2001"^^xsd:gYear .
ex:kenya ex:label "Kenya; a country"@en .
`);

const select = "PREFIX ex: <http://example.org/> SELECT ?s ?o ?l WHERE { ?s ex:suppliesTo ?o OPTIONAL { ?s ex:label ?l } } ORDER BY ?s ?o ?l";
const storesIn = (root: string) => (existsSync(root) ? readdirSync(root).filter((name) => existsSync(join(root, name, "loaded.json"))) : []);
const triples = (turtle: string) => new Parser().parse(turtle).map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.id}`).sort();

describe("kg sparql --engine virtuoso", () => {
  it("loads the files into a store once, reuses it later, and answers as Oxigraph does", async () => {
    const first = await runKg(["--data", data, "sparql", "--engine", "virtuoso", "--format", "json", select], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/loading 1 file \(0 MB\) into a local Virtuoso store in .*cache\/virtuoso\/[0-9a-f]{32}, once/);
    const embedded = await runKg(["--data", data, "sparql", "--engine", "oxigraph", "--format", "json", select], { env });
    expect(embedded.code, embedded.stderr).toBe(0);
    const rows = (stdout: string) => (JSON.parse(stdout) as { results: { bindings: unknown[] } }).results.bindings;
    expect(rows(first.stdout)).toHaveLength(4);
    expect(rows(first.stdout)).toEqual(rows(embedded.stdout));

    const again = await runKg(["--data", data, "sparql", "--engine", "virtuoso", "--format", "json", select], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain("loading");
    expect(again.stderr).toContain("answered by a local Virtuoso store of 1 file");
    expect(again.stdout).toBe(first.stdout);
    expect(storesIn(join(cache, "virtuoso"))).toHaveLength(1);

    const construct = "PREFIX ex: <http://example.org/> CONSTRUCT { ?o ex:suppliedBy ?s } WHERE { ?s ex:suppliesTo ?o }";
    const fromStore = await runKg(["--data", data, "sparql", "--engine", "virtuoso", construct], { env });
    const fromOxigraph = await runKg(["--data", data, "sparql", "--engine", "oxigraph", construct], { env });
    expect(fromStore.code, fromStore.stderr).toBe(0);
    expect(triples(fromStore.stdout)).toHaveLength(3);
    expect(triples(fromStore.stdout)).toEqual(triples(fromOxigraph.stdout));
    // A typed literal: Virtuoso writes "typed-literal", kg prints SPARQL 1.1's "literal" as Oxigraph does.
    const typed = "PREFIX ex: <http://example.org/> SELECT ?s ?year WHERE { ?s ex:founded ?year }";
    const typedRows = await Promise.all(["virtuoso", "oxigraph"].map(async (engine) => rows((await runKg(["--data", data, "sparql", "--engine", engine, "--format", "json", typed], { env })).stdout)));
    expect(typedRows[0]).toEqual([{ s: { type: "uri", value: "http://example.org/dahua" }, year: { type: "literal", value: "2001", datatype: "http://www.w3.org/2001/XMLSchema#gYear" } }]);
    expect(typedRows[0]).toEqual(typedRows[1]);
    const ask = await runKg(["--data", data, "sparql", "--engine", "virtuoso", "ASK { <http://example.org/dahua> ?p <http://example.org/ecuador> }"], { env });
    expect(ask.stdout.trim()).toBe("true");
  }, 120_000);

  it("declares the files' prefixes wherever the files declare them and migrates old names, as the embedded engine does", async () => {
    const file = join(work, "prefixed.ttl");
    writeFileSync(file, `@prefix ex: <http://example.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
ex:oldSupplies owl:deprecated true ; dcterms:isReplacedBy ex:suppliesTo .
ex:huawei ex:suppliesTo ex:kenya ; ex:note "x. @prefix fake: <http://fake.example/> ." .
PREFIX late: <http://late.example/ns#>
late:dji ex:suppliesTo ex:kenya .
`);
    const query = "SELECT ?s WHERE { ?s ex:oldSupplies ex:kenya FILTER(?s != late:nobody) } ORDER BY ?s";
    const [store, embedded] = await Promise.all(["virtuoso", "oxigraph"].map((engine) => runKg(["--data", file, "sparql", "--engine", engine, "--format", "csv", query], { env })));
    expect(store.code, store.stderr).toBe(0);
    expect(store.stdout.split(/\r?\n/).filter(Boolean)).toEqual(["s", "http://example.org/huawei", "http://late.example/ns#dji"]);
    expect(store.stdout).toBe(embedded.stdout);
    const note = (stderr: string) => stderr.split("\n").filter((line) => line.includes("is an old name"));
    expect(note(store.stderr)).toEqual(["kg sparql: ex:oldSupplies is an old name (ontology/migration.ttl), replaced by ex:suppliesTo; the query matched either (ex:oldSupplies|ex:suppliesTo)"]);
    expect(note(store.stderr)).toEqual(note(embedded.stderr));
    // A prefix written inside a literal is not one; the refusal names the data's prefixes, the late one among them.
    const unknown = await runKg(["--data", file, "sparql", "--engine", "virtuoso", "SELECT * WHERE { fake:a ?p ?o }"], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown prefix fake: \(declare it with PREFIX fake: <\.\.\.>; the data's prefixes are [^)]*\blate: /);
  }, 120_000);

  it("answers on the bundled graph (real data, several files) as the embedded engine does", async () => {
    const queries = [
      // Every predicate's count: the whole graph, grouped and ordered.
      "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) ?p",
      // Huawei to Kenya with its evidence: the relation, its source and the selector's literals.
      "SELECT ?p ?source ?q WHERE { ?e rdf:subject kgr:huawei ; rdf:object kgr:kenya ; rdf:predicate ?p ; prov:wasDerivedFrom ?source ; oa:hasSelector ?sel . ?sel ?sp ?q FILTER(isLiteral(?q)) } ORDER BY ?p ?source ?q",
      // Labels in every language, and literals by datatype.
      "SELECT ?l (LANG(?l) AS ?lang) WHERE { kgr:huawei skos:prefLabel|skos:altLabel ?l } ORDER BY ?lang ?l",
      "SELECT ?type (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(isLiteral(?o) && LANG(?o) = \"\") BIND(DATATYPE(?o) AS ?type) } GROUP BY ?type ORDER BY ?type",
      // An old name of ontology/migration.ttl: what kg:exports named is now kg:supplies.
      "SELECT ?s ?o WHERE { ?s kg:exports ?o } ORDER BY ?s ?o",
    ];
    for (const query of queries) {
      const [store, embedded] = await Promise.all(["virtuoso", "oxigraph"].map((engine) => runKg(["sparql", "--engine", engine, "--format", "csv", "--limit", "100000", query], { env })));
      expect(store.code, `${query}\n${store.stderr}`).toBe(0);
      expect(embedded.code, embedded.stderr).toBe(0);
      expect(store.stdout.split("\n").length, query).toBeGreaterThan(2);
      expect(store.stdout, query).toBe(embedded.stdout);
    }
    // One difference, in docs/scale.md: Virtuoso gives a language-tagged literal no DATATYPE (SPARQL 1.0), where
    // SPARQL 1.1 engines give rdf:langString.
    const tagged = "SELECT (COUNT(*) AS ?n) (COUNT(?type) AS ?typed) WHERE { ?s ?p ?o FILTER(LANG(?o) != \"\") BIND(DATATYPE(?o) AS ?type) }";
    const [taggedStore, taggedEmbedded] = await Promise.all(["virtuoso", "oxigraph"].map(async (engine) => (await runKg(["sparql", "--engine", engine, "--format", "csv", tagged], { env })).stdout.split("\r\n")[1].split(",")));
    expect(Number(taggedStore[0])).toBeGreaterThan(100);
    expect(taggedStore).toEqual([taggedEmbedded[0], "0"]);
    expect(taggedEmbedded).toEqual([taggedEmbedded[0], taggedEmbedded[0]]);
    const describe = "CONSTRUCT { kgr:dji ?p ?o } WHERE { kgr:dji ?p ?o }";
    const [fromStore, fromOxigraph] = await Promise.all(["virtuoso", "oxigraph"].map((engine) => runKg(["sparql", "--engine", engine, describe], { env })));
    expect(triples(fromStore.stdout).length).toBeGreaterThan(5);
    expect(triples(fromStore.stdout)).toEqual(triples(fromOxigraph.stdout));
  }, 180_000);

  it("loads changed files into a new store, refuses a Turtle error at its line and keeps nothing of it", async () => {
    const other = join(work, "other.ttl");
    writeFileSync(other, "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n");
    const changed = await runKg(["--data", other, "sparql", "--engine", "virtuoso", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"], { env });
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toMatch(/^\?n\n-+\n1\n/);
    expect(changed.stderr).toContain("loading 1 file");

    const bad = join(work, "bad.ttl");
    writeFileSync(bad, "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b ex:c ex:d .\n");
    const before = readdirSync(join(cache, "virtuoso")).sort();
    const refused = await runKg(["--data", bad, "sparql", "--engine", "virtuoso", "ASK {}"], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`kg sparql: ${bad}:3: syntax error (Virtuoso's Turtle loader; nothing was kept)`);
    expect(readdirSync(join(cache, "virtuoso")).sort()).toEqual(before);
  }, 120_000);

  it("stops a runaway query at --timeout, stops its server, and refuses updates", async () => {
    // About 9^9 rows, each through a filter Virtuoso cannot fold into counts: hours.
    const patterns = Array.from({ length: 9 }, (_, i) => `?s${i} ?p${i} ?o${i} .`).join(" ");
    const runaway = `SELECT (COUNT(*) AS ?n) WHERE { ${patterns} FILTER(STRLEN(CONCAT(${Array.from({ length: 9 }, (_, i) => `STR(?o${i})`).join(", ")})) > 1) }`;
    const stopped = await runKg(["--data", data, "sparql", "--engine", "virtuoso", "--timeout", "1", runaway], { env });
    expect(stopped.code).toBe(2);
    expect(stopped.stderr.trim().split("\n").at(-1)).toBe("kg sparql: the query was stopped after 1 s (the time limit; raise it with --timeout SECONDS)");
    const folder = join(cache, "virtuoso", await storeKey([data], [`file://${data}`]));
    expect(existsSync(join(folder, "virtuoso.lck"))).toBe(false);
    expect(spawnSync("pgrep", ["-f", folder]).status).toBe(1);

    const update = await runKg(["--data", data, "sparql", "--engine", "virtuoso", "INSERT DATA { <http://example.org/x> <http://example.org/y> 1 }"], { env });
    expect(update.code).toBe(2);
    expect(update.stderr).toContain("The local store is a copy of the files: an update would change nothing.");
  }, 120_000);

  it("refuses a store another kg is using, and takes over one whose server is gone", async () => {
    const folder = join(cache, "virtuoso", await storeKey([data], [`file://${data}`]));
    writeFileSync(join(folder, "virtuoso.lck"), `VIRT_PID=${process.pid}\n`);
    const busy = await runKg(["--data", data, "sparql", "--engine", "virtuoso", "ASK {}"], { env });
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`kg sparql: the local Virtuoso store ${folder} is in use by another kg (server process ${process.pid}); wait for it to end`);
    writeFileSync(join(folder, "virtuoso.lck"), "VIRT_PID=4194303\n");
    const stale = await runKg(["--data", data, "sparql", "--engine", "virtuoso", "ASK { ?s ?p ?o }"], { env });
    expect(stale.code, stale.stderr).toBe(0);
    expect(stale.stdout.trim()).toBe("true");
  }, 120_000);
});

describe("Ctrl-C while Virtuoso loads", () => {
  it("shows how far Virtuoso has read, stops the server in the middle of the file, keeps nothing of the store and exits 130", async () => {
    const big = join(work, "big.nt");
    writeFileSync(big, Array.from({ length: 600_000 }, (_, i) => `<http://example.org/s${i}> <http://example.org/p> "value ${i}" .\n`).join(""));
    const root = join(work, "interrupted");
    const child = spawn(process.execPath, [kgBin, "--progress", "--data", big, "sparql", "--engine", "virtuoso", "ASK { ?s ?p ?o }"], {
      cwd: repoRoot, env: { ...process.env, KG_CACHE_DIR: root, KG_PROGRESS_DELAY_MS: "0" }, stdio: ["ignore", "pipe", "pipe"],
    });
    // A failed assertion must not leave kg and its server running: Ctrl-C is how kg stops them (a no-op once it has exited).
    onTestFinished(() => void child.kill("SIGINT"));
    let stderr = "";
    const loading = new Promise<void>((resolve) => child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
      // The progress line with how far Virtuoso has read the file (Linux's /proc): it is parsing the file now.
      if (/Virtuoso is loading big\.nt: \d+ of \d+ MB read/.test(stderr)) resolve();
    }));
    const closed = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    await loading;
    child.kill("SIGINT");
    const [, read, total] = /Virtuoso is loading big\.nt: (\d+) of (\d+) MB read \(\d+ %, [\d.]+ MB\/s\)/.exec(stderr) ?? [];
    expect(Number(total), stderr).toBe(Math.round(statSync(big).size / 1e6));
    expect(Number(read)).toBeLessThanOrEqual(Number(total));
    expect(await closed, stderr).toBe(130);
    expect(stderr).toContain("kg sparql: stopped (interrupted) while opening the local Virtuoso store; nothing of a store being loaded was kept");
    expect(readdirSync(join(root, "virtuoso"))).toEqual([]);
    expect(spawnSync("pgrep", ["-f", join(root, "virtuoso")]).status).toBe(1);
  }, 120_000);
});

describe("the local store's cache", () => {
  it("is used by auto only when a store holds exactly these files of the size given", async () => {
    const root = join(work, "auto");
    const file = join(work, "auto.ttl");
    writeFileSync(file, "<http://example.org/a> <http://example.org/b> 1 .\n");
    const previous = process.env.KG_CACHE_DIR;
    process.env.KG_CACHE_DIR = root;
    try {
      expect(await storeHolds([file], undefined, 0)).toBe(false);
      const store = await openStore({ files: [file], bases: [`file://${file}`], root: join(root, "virtuoso") });
      await store.stop();
      expect(await storeHolds([file], undefined, 0)).toBe(true);
      expect(await storeHolds([file], undefined, 1_000)).toBe(false);
      expect(await storeHolds([file], "http://example.org/base/", 0)).toBe(false);
      writeFileSync(file, "<http://example.org/a> <http://example.org/b> 2 .\n");
      expect(await storeHolds([file], undefined, 0)).toBe(false);
    } finally {
      if (previous === undefined) delete process.env.KG_CACHE_DIR;
      else process.env.KG_CACHE_DIR = previous;
    }
  }, 60_000);

  it("lets auto load a new store for files of KG_AUTO_STORE_MB or more, where Virtuoso reads them, and fall back when it cannot", async () => {
    expect(newStoreFromBytes({})).toBe(AUTO_NEW_STORE_FROM_BYTES);
    expect(newStoreFromBytes({ KG_AUTO_STORE_MB: "never" })).toBe(Infinity);
    expect(newStoreFromBytes({ KG_AUTO_STORE_MB: "0.5" })).toBe(500_000);
    expect(() => newStoreFromBytes({ KG_AUTO_STORE_MB: "lots" })).toThrow('KG_AUTO_STORE_MB must be a number of megabytes or "never", got "lots"');

    const root = join(work, "auto-new");
    const file = join(work, "auto-new.ttl");
    writeFileSync(file, "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n");
    const query = "SELECT ?o WHERE { ex:a ex:b ?o }";
    const first = await runKg(["--data", file, "sparql", query], { env: { KG_CACHE_DIR: root, KG_AUTO_STORE_MB: "0" } });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain("kg sparql: the files are 0 MB, so auto loads them into a local Virtuoso store for this query and later ones");
    expect(first.stderr).toContain("answered by a local Virtuoso store of 1 file");
    expect(first.stdout).toContain("ex:c");
    const again = await runKg(["--data", file, "sparql", query], { env: { KG_CACHE_DIR: root, KG_AUTO_STORE_MB: "0" } });
    expect(again.stderr).not.toContain("auto loads them");
    expect(again.stderr).toContain("answered by a local Virtuoso store of 1 file");
    expect(again.stdout).toBe(first.stdout);
    // Below the size, or with "never", auto answers over the loaded files and leaves the disk alone.
    const other = join(work, "auto-other.ttl");
    writeFileSync(other, "@prefix ex: <http://example.org/> .\nex:a ex:b ex:d .\n");
    for (const setting of ["1", "never"]) {
      const embedded = await runKg(["--data", other, "sparql", query], { env: { KG_CACHE_DIR: root, KG_AUTO_STORE_MB: setting } });
      expect(embedded.code, embedded.stderr).toBe(0);
      expect(embedded.stderr).not.toContain("Virtuoso");
      expect(embedded.stdout).toContain("ex:d");
    }
    expect(storesIn(join(root, "virtuoso"))).toHaveLength(1);
    // N-Quads is not for Virtuoso's Turtle loader.
    const quads = join(work, "auto.nq");
    writeFileSync(quads, "<http://example.org/a> <http://example.org/b> <http://example.org/c> <http://example.org/g> .\n");
    const previous = process.env.KG_CACHE_DIR;
    process.env.KG_CACHE_DIR = root;
    try {
      expect(await autoStoreRoute([quads], undefined, 0, 0)).toBeUndefined();
      expect(await autoStoreRoute([other], undefined, 0, Infinity)).toBeUndefined();
      expect(await autoStoreRoute([other], undefined, 0, 0)).toMatchObject({ exists: false });
      expect(await autoStoreRoute([file], undefined, 0, Infinity)).toMatchObject({ exists: true });
    } finally {
      if (previous === undefined) delete process.env.KG_CACHE_DIR;
      else process.env.KG_CACHE_DIR = previous;
    }
    // A cache folder that cannot be made: auto says so and the embedded engine answers.
    const blocked = join(work, "not-a-folder");
    writeFileSync(blocked, "");
    const fellBack = await runKg(["--data", other, "sparql", query], { env: { KG_CACHE_DIR: blocked, KG_AUTO_STORE_MB: "0" } });
    expect(fellBack.code, fellBack.stderr).toBe(0);
    expect(fellBack.stderr).toMatch(/kg sparql: the local Virtuoso store could not be used \(.*\); answering over the loaded files instead/);
    expect(fellBack.stdout).toContain("ex:d");
  }, 120_000);

  it(`keeps the ${STORES_KEPT} most recently used stores`, async () => {
    const root = join(work, "kept");
    const opened: string[] = [];
    for (let i = 0; i <= STORES_KEPT; i++) {
      const file = join(work, `kept-${i}.ttl`);
      writeFileSync(file, `<http://example.org/a> <http://example.org/b> ${i} .\n`);
      const store = await openStore({ files: [file], bases: [`file://${file}`], root });
      await store.stop();
      opened.push(store.folder.split("/").at(-1) ?? "");
    }
    expect(storesIn(root).sort()).toEqual(opened.slice(1).sort());
  }, 60_000);

  it("spells any text as SQL that isql cannot split", () => {
    expect(sqlString("file:///a/b.ttl")).toBe("'file:///a/b.ttl'");
    expect(sqlString("a;b'c é")).toBe("'a' || chr(59) || 'b' || chr(39) || 'c' || chr(32) || chr(195) || chr(169)");
    expect(sqlString("")).toBe("''");
  });
});

describe("kg store", () => {
  it("serves the store to kg --endpoint and the workbench's origins until Ctrl-C, lists it and removes it", async () => {
    const server = spawn(process.execPath, [kgBin, "--progress", "--data", data, "store", "serve", "--origin", "https://kg.example.org"], { cwd: repoRoot, env: { ...process.env, ...env, KG_PROGRESS_DELAY_MS: "0" }, stdio: ["ignore", "pipe", "pipe"] });
    onTestFinished(() => void server.kill("SIGINT"));
    let stdout = "";
    let stderr = "";
    server.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    const url = await new Promise<string>((resolve) => server.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
      if (stdout.includes("\n")) resolve(stdout.split("\n")[0]);
    }));
    const closed = new Promise<number | null>((resolve) => server.on("close", (code) => resolve(code)));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sparql\?default-graph-uri=urn%3Ax-smartcity-kg%3Adata$/);
    // The same progress as kg sparql's while the store opens, ended by what it did.
    expect(stderr).toMatch(/^kg store: starting the local Virtuoso store: \d+ s…$/m);
    expect(stderr).toMatch(new RegExp(`^kg store: ${stderr.includes("kg store: loading 1 file") ? "loaded and started" : "started"} the local Virtuoso store in [\\d.]+ s$`, "m"));

    const viaEndpoint = await runKg(["--endpoint", url, "sparql", "--format", "json", select], { env });
    const embedded = await runKg(["--data", data, "sparql", "--engine", "oxigraph", "--format", "json", select], { env });
    expect(viaEndpoint.code, viaEndpoint.stderr).toBe(0);
    expect(JSON.parse(viaEndpoint.stdout)).toEqual(JSON.parse(embedded.stdout));
    const origin = async (from: string) => (await fetch(`${url}&query=${encodeURIComponent("ASK {}")}`, { headers: { origin: from } })).headers.get("access-control-allow-origin");
    expect(await origin("http://localhost:5173")).toBe("http://localhost:5173");
    expect(await origin("https://kg.example.org")).toBe("https://kg.example.org");
    expect(await origin("https://elsewhere.example")).toBeNull();

    const listed = await runKg(["store", "list"], { env });
    expect(listed.stdout).toContain(`${data}: 0 MB of data,`);
    const busy = await runKg(["--data", data, "store", "remove"], { env });
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain("is in use by another kg");

    server.kill("SIGINT");
    expect(await closed, stderr).toBe(0);
    expect(stderr).toContain("kg store: stopping the server");
    const removed = await runKg(["--data", data, "store", "remove"], { env });
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(/^removed .*cache\/virtuoso\/[0-9a-f]{32}\n$/);
    const again = await runKg(["--data", data, "store", "remove"], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("kg store: no store holds these files (kg store list shows the stores)");
    const refused = await runKg(["store", "serve", "--origin", "https://kg.example.org/path"], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('kg store serve: --origin must be an origin like https://kg.example.org, got "https://kg.example.org/path"');
  }, 120_000);
});
