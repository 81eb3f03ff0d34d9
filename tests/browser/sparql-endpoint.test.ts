// Endpoint mode of the SPARQL panel in Chromium: a real Virtuoso (behind a CORS proxy) for search and paths, and a
// fault server for HTTP errors and timeouts, after which the view must be what it was.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { bundledDataFiles } from "../../src/cli/load.ts";
import { startVirtuoso, type VirtuosoServer } from "../sparql/virtuoso.ts";
import { connectToEndpoint, pathOnEndpoint } from "./endpoint-steps.ts";
import { useWorkbenchSite } from "./harness.ts";

const KGR = "https://w3id.org/smartcity-kg/resource/";
/** A company only the endpoint holds (a fictional test fixture), so its answers must join the view. */
const ENDPOINT_ONLY = resolve(import.meta.dirname, "../fixtures/browser/endpoint-only.ttl");

// Chromium logs a failed request (HTTP 500, connection refused) on the console; that is the fault under test, anything else is a bug.
const workbench = useWorkbenchSite({
  screenshotPrefix: "sparql-endpoint-",
  expectedErrors: /^Failed to load resource: (the server responded with a status of 500|net::ERR_CONNECTION_REFUSED)/,
});
let virtuoso: VirtuosoServer | undefined;
let proxy: { url: string; server: Server; authorizations: string[] };
let faults: { url: string; server: Server; mode: "ok" | "500" | "hang" | "malformed" | "rows" };

const cors = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "accept, authorization, content-type",
  "access-control-allow-methods": "GET, POST, OPTIONS",
};

async function listen(server: Server): Promise<string> {
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/sparql`;
}

function body(request: IncomingMessage): Promise<Buffer> {
  return new Promise((ok) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => ok(Buffer.concat(chunks)));
  });
}

/**
 * Virtuoso's endpoint sends no CORS headers by default, so a page on another origin cannot read its answers: this
 * proxy forwards requests unchanged and adds the headers (a deployment would configure the store or its web server).
 */
function corsProxy(target: string, authorizations: string[]): Server {
  return createServer((request, response: ServerResponse) => {
    void (async () => {
      if (request.method === "OPTIONS") {
        response.writeHead(204, cors).end();
        return;
      }
      const url = new URL(request.url ?? "/", target);
      const headers: Record<string, string> = {};
      for (const name of ["accept", "content-type", "authorization"]) if (request.headers[name]) headers[name] = String(request.headers[name]);
      if (headers.authorization) authorizations.push(headers.authorization);
      const forwarded = await fetch(new URL(url.pathname + url.search, target), {
        method: request.method,
        headers,
        body: request.method === "POST" ? new Uint8Array(await body(request)) : undefined,
      });
      response.writeHead(forwarded.status, { ...cors, "content-type": forwarded.headers.get("content-type") ?? "text/plain" });
      response.end(Buffer.from(await forwarded.arrayBuffer()));
    })().catch((error: unknown) => response.writeHead(502, cors).end(String(error)));
  });
}

beforeAll(async () => {
  const started = await startVirtuoso([...bundledDataFiles(), ENDPOINT_ONLY], { who: "tests/browser" });
  virtuoso = started;
  const authorizations: string[] = [];
  const proxyServer = corsProxy(started.endpoint, authorizations);
  proxy = { server: proxyServer, url: await listen(proxyServer), authorizations };
  const faultServer = createServer((request, response) => {
    if (request.method === "OPTIONS") {
      response.writeHead(204, cors).end();
      return;
    }
    const query = new URL(request.url ?? "/", "http://x").searchParams.get("query") ?? "";
    // The connection check (an ASK) always succeeds, so each test can then make the next query fail its own way.
    if (faults.mode === "ok" || /^ASK \{ \?s \?p \?o \}$/.test(query)) {
      response.writeHead(200, { ...cors, "content-type": "application/sparql-results+json" }).end('{"head":{},"boolean":true}');
    } else if (faults.mode === "500") {
      response.writeHead(500, { ...cors, "content-type": "text/plain" }).end("Virtuoso 42000 Error SR483: the store fell over");
    } else if (faults.mode === "malformed") {
      response.writeHead(200, { ...cors, "content-type": "application/sparql-results+json" }).end('{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","va');
    } else if (faults.mode === "rows") {
      // More solutions than the panel shows: it must say it cut them.
      const bindings = Array.from({ length: 1500 }, (_, i) => ({ n: { type: "literal", value: String(i) } }));
      response.writeHead(200, { ...cors, "content-type": "application/sparql-results+json" }).end(JSON.stringify({ head: { vars: ["n"] }, results: { bindings } }));
    }
    // "hang": never answers.
  });
  faults = { server: faultServer, url: await listen(faultServer), mode: "ok" };
}, 240_000);

afterAll(async () => {
  for (const server of [proxy?.server, faults?.server]) {
    if (!server) continue;
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  }
  await virtuoso?.stop();
});

async function connect(url: string, options: { timeout?: number; user?: string; password?: string; rows?: number } = {}): Promise<Page> {
  const { page } = await workbench.open();
  await connectToEndpoint(page, url, options);
  return page;
}

/** The view's nodes and edges, to compare before and after a failure. */
const snapshot = (page: Page) => page.evaluate(() => ({ nodes: window.workbench!.view.graph.nodes().sort(), edges: window.workbench!.view.graph.edges().sort() }));

describe("SPARQL endpoint mode (Chromium, Virtuoso behind a CORS proxy)", () => {
  it('searches "Huawei" on the endpoint; a hit only the endpoint has joins the view, selected, with its evidence', async () => {
    const page = await connect(proxy.url, { user: "reader", password: "s3cret-pw" });
    // The credentials go to the endpoint, and the password is nowhere in the page's storage, URL or fields.
    expect(proxy.authorizations.at(-1)).toBe(`Basic ${Buffer.from("reader:s3cret-pw").toString("base64")}`);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href + document.querySelector<HTMLInputElement>("#ep-password")!.value);
    expect(stored).not.toContain("s3cret-pw");
    await page.fill("#ep-search", "Huawei");
    await page.click("#ep-search-run");
    await page.waitForSelector("#ep-results .ep-hit");
    const hits = await page.$$eval("#ep-results .ep-hit", (buttons) => buttons.map((b) => ({ label: b.textContent, iri: (b as HTMLElement).dataset.iri })));
    expect(hits[0]).toEqual({ label: "Huawei", iri: `${KGR}huawei` });

    const newcomer = `${KGR}test-meridian-vision`;
    const before = await page.evaluate(() => window.workbench!.view.graph.order);
    const companies = page.locator('.legend-item[data-class="https://w3id.org/smartcity-kg/ontology#Company"] .count');
    const companiesBefore = Number(await companies.textContent());
    expect(await page.evaluate((iri) => window.workbench!.view.graph.hasNode(iri), newcomer)).toBe(false);
    await page.fill("#ep-search", "Meridian");
    await page.click("#ep-search-run");
    await page.click(`#ep-results .ep-hit[data-iri="${newcomer}"]`);
    await page.waitForFunction((iri) => {
      const state = window.workbench!.store.get();
      return state.selection.kind === "node" && state.selection.node === iri;
    }, newcomer);
    expect(await page.evaluate(() => window.workbench!.view.graph.order)).toBe(before + 1);
    // Drawn with its relation to Kenya, which the page already showed.
    expect(await page.evaluate((iri) => window.workbench!.view.graph.outNeighbors(iri), newcomer)).toEqual([`${KGR}kenya`]);
    expect(await page.textContent("#ep-status")).toMatch(/nodes fetched/);
    // The data now holds one more company: the legend counts it.
    expect(Number(await companies.textContent())).toBe(companiesBefore + 1);
    // Its details, from the joined data, show the relation with its quote, as for local data.
    await page.waitForSelector("#details .quote");
    expect(await page.textContent("#details")).toContain("Meridian Test Vision donated test cameras to Kenya");

    // The fetched triples are data of the session: a reload restores the view with the endpoint's company, selected,
    // without the endpoint; what the browser stored names the endpoint but holds no password.
    await page.evaluate(() => window.workbench!.session!.flush());
    await page.reload();
    await page.waitForFunction(() => !!window.workbench?.session);
    await page.evaluate(() => window.workbench!.ready);
    expect(await page.evaluate((iri) => window.workbench!.view.graph.hasNode(iri), newcomer)).toBe(true);
    expect(await page.evaluate(() => window.workbench!.store.get().selection)).toEqual({ kind: "node", node: newcomer });
    const autosave = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const req = indexedDB.open("smartcity-kg");
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const all = req.result.transaction("sessions").objectStore("sessions").getAll();
            all.onsuccess = () => resolve(JSON.stringify(all.result));
            all.onerror = () => reject(all.error);
          };
        }),
    );
    expect(autosave).toContain("answers.nt");
    expect(autosave).not.toContain("s3cret-pw");
  });

  it("finds the path Huawei → Kenya on the endpoint, with the quotes as evidence", async () => {
    const page = await connect(proxy.url);
    const state = await pathOnEndpoint(page, "Huawei", "Kenya");
    expect(state.status).toBe("done");
    const first = state.results[0];
    expect(first.nodes[0]).toBe(`${KGR}huawei`);
    expect(first.nodes[first.nodes.length - 1]).toBe(`${KGR}kenya`);
    // Every step is an edge of the view, with its evidence: a sentence quoted from the brief, or a cell of the
    // Carnegie index (its value, e.g. "Huawei", located by row and column), which states Huawei → Kenya directly.
    for (const step of first.steps) {
      expect(step.edge).toMatch(/^e\d+$/);
      expect(step.evidence.length).toBeGreaterThan(0);
      const evidence = step.evidence[0];
      if (/Carnegie/.test(evidence.sourceLabel)) {
        expect(evidence.locator).toMatch(/^row \d+ \(.+\), “.+”$/);
        expect(evidence.quote.length).toBeGreaterThan(0);
      } else expect(evidence.quote.length).toBeGreaterThan(10);
    }
    const inView = await page.evaluate((edges) => edges.every((e) => window.workbench!.view.graph.hasEdge(e)), first.steps.map((s) => s.edge));
    expect(inView).toBe(true);
    await page.click("#tab-path");
    const shown = await page.textContent("#path-results");
    expect(shown).toContain(first.nodeLabels.join(" → "));
    expect(shown).toContain(first.steps[0].evidence[0].locator);
  });

  it("says how far no path is known when the row budget set under Connect cuts the search, and finds the paths with the default", async () => {
    const page = await connect(proxy.url, { rows: 100 });
    // Six hops apart: 100 rows (the least the field takes) cover four of them.
    await page.fill("#ep-from", "Communist Party of China");
    await page.fill("#ep-to", "Lebanon");
    await page.click("#ep-path-run");
    await page.waitForFunction(() => /No path/.test(document.querySelector("#ep-status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    const status = await page.textContent("#ep-status");
    expect(status).toMatch(/^No path between “Communist Party of China” and “Lebanon” (of \d steps? or fewer|found) on the endpoint \(100 rows fetched; raise the row budget under Connect to endpoint… to look further\)\. The endpoint's answer was cut at the row budget/);
    expect(await page.evaluate(() => window.workbench!.store.get().path.results.length)).toBe(0);
    const again = await connect(proxy.url);
    expect(await again.inputValue("#ep-rows")).toBe("50000");
    const state = await pathOnEndpoint(again, "Communist Party of China", "Lebanon");
    expect(state.results.length).toBeGreaterThan(0);
    expect(await again.textContent("#ep-status")).not.toMatch(/row budget/);
  });

  it("avoids the relations excluded in the Path tab when finding paths on the endpoint", async () => {
    const page = await connect(proxy.url);
    const findPaths = async () => {
      await page.evaluate(() => (document.querySelector("#ep-status")!.textContent = ""));
      await page.click("#ep-path-run");
      await page.waitForFunction(() => /path(s)? found on the endpoint|No path/.test(document.querySelector("#ep-status")?.textContent ?? ""), undefined, { timeout: 60_000 });
      return page.evaluate(() => window.workbench!.store.get().path.results.map((r) => r.steps.map((s) => s.predicate)));
    };
    await page.fill("#ep-from", "Huawei");
    await page.fill("#ep-to", "Kenya");
    const before = await findPaths();
    const avoided = before[0][0];
    expect(before.flat()).toContain(avoided);
    await page.click("#tab-path");
    await page.click("details.exclusions summary");
    await page.selectOption("#path-exclude-predicates", avoided);
    expect(await page.evaluate(() => window.workbench!.store.get().path.options.excludePredicates)).toEqual([avoided]);
    const after = await findPaths();
    expect(after.length).toBeGreaterThan(0);
    expect(after.flat()).not.toContain(avoided);
  });
});

describe("the Path and Neighbourhood tabs' options on the endpoint (Chromium, Virtuoso)", () => {
  const KG = "https://w3id.org/smartcity-kg/ontology#";
  const lastAction = (page: Page) => page.evaluate(() => window.workbench!.session!.controller.history.entries.at(-1)!.action);

  it("explores with the Neighbourhood tab's direction and class filter: the loaded data's answer, and the company only the endpoint has", async () => {
    const page = await connect(proxy.url);
    await page.click("#tab-neighbourhood");
    await page.locator("details:has(#nb-classes) summary").click();
    await page.selectOption("#nb-classes", `${KG}Company`);
    await page.selectOption("#nb-direction", "in");
    // The loaded data's answer: companies with a relation to Kenya.
    await page.fill("#nb-centre", "Kenya");
    await page.locator("#nb-centre + .suggestions li.active").first().waitFor();
    await page.press("#nb-centre", "Enter");
    await page.click("#nb-run");
    await page.waitForFunction(() => window.workbench!.store.get().neighbourhood.status === "done");
    const nodesOf = () => page.evaluate(() => window.workbench!.store.get().neighbourhood.result!.nodes.map((n) => n.node).sort());
    const local = await nodesOf();
    expect(local.length).toBeGreaterThan(2);
    await page.fill("#ep-centre", "Kenya");
    await page.click("#ep-nb-run");
    await page.waitForFunction(() => /relations within depth 1 on the endpoint/.test(document.querySelector("#ep-status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    expect(await page.textContent("#ep-status")).toMatch(/as the Neighbourhood tab's direction and filters say \([\d,]+ rows fetched; see the Neighbourhood tab\)\.$/);
    // Before, the endpoint's answer ignored the tab (countries, policies, ... both ways) while the step recorded its filters.
    expect(await nodesOf()).toEqual([...local, `${KGR}test-meridian-vision`].sort());
    expect(await lastAction(page)).toMatchObject({ kind: "neighbourhood", params: { direction: "in", classes: [`${KG}Company`] } });
    // The tab shows the query that ran: the endpoint panel's depth, where it said the tab's own before.
    await page.selectOption("#ep-depth", "2");
    await page.click("#ep-nb-run");
    await page.waitForFunction(() => /relations within depth 2 on the endpoint/.test(document.querySelector("#ep-status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    expect(await page.inputValue("#nb-depth")).toBe("2");
    expect(await page.textContent("#nb-result .nb-summary")).toMatch(/within depth 2\.$/);
  });

  it("refuses the Path tab's dates rather than ignore them, and records the paths it finds by fewest hops", async () => {
    const page = await connect(proxy.url);
    await page.click("#tab-path");
    await page.click(".constraints summary");
    await page.fill("#path-from-date", "2020-03");
    await page.dispatchEvent("#path-from-date", "change");
    await page.fill("#ep-from", "Huawei");
    await page.fill("#ep-to", "Kenya");
    await page.click("#ep-path-run");
    await page.waitForSelector("#ep-status.sparql-error");
    expect(await page.textContent("#ep-status")).toBe("The Path tab keeps to dates, which a search on an endpoint cannot apply yet: clear that constraint in the Path tab, or find the path on the loaded data.");
    expect(await page.evaluate(() => window.workbench!.store.get().path.results.length)).toBe(0);
    await page.fill("#path-from-date", "");
    await page.dispatchEvent("#path-from-date", "change");
    // A new session orders paths most informative first; the endpoint's come by fewest hops, and say so.
    expect(await page.locator("#path-rank").inputValue()).toBe("informative");
    const state = await pathOnEndpoint(page, "Huawei", "Kenya");
    expect(state.results.length).toBeGreaterThan(0);
    expect(await page.textContent("#ep-status")).toContain("(by fewest hops: the most informative order weighs the whole graph)");
    expect(await lastAction(page)).toMatchObject({ kind: "path", params: { options: { rank: "shortest" } } });
    // The Path tab names the ends of the paths it lists, as after a local search.
    expect([await page.inputValue("#path-from"), await page.inputValue("#path-to")]).toEqual(["Huawei", "Kenya"]);
  });
});

describe("names typed in the endpoint panel (Chromium, Virtuoso)", () => {
  it("offers the entities an ambiguous name means and runs the path with the one chosen; an unknown name gets its nearest", async () => {
    const page = await connect(proxy.url);
    await page.fill("#ep-from", "Meridian Twin");
    await page.fill("#ep-to", "Kenya");
    await page.click("#ep-path-run");
    await page.waitForSelector("#ep-status.sparql-error");
    // Before, a line of IRIs prefixed "query/names:", and nothing to click.
    expect(await page.textContent("#ep-status")).toBe("“Meridian Twin” names 2 entities on the endpoint: choose one below.");
    const choices = await page.$$eval("#ep-results .ep-names li", (items) => items.map((li) => li.textContent));
    expect(choices).toEqual(["Meridian Twin kgr:test-meridian-twin-a", "Meridian Twin kgr:test-meridian-twin-b"]);
    await page.click("#ep-results .ep-names li:first-child button");
    await page.waitForFunction(() => /path(s)? found on the endpoint/.test(document.querySelector("#ep-status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    expect(await page.inputValue("#ep-from")).toBe("kgr:test-meridian-twin-a");
    const first = await page.evaluate(() => window.workbench!.store.get().path.results[0].nodes);
    expect(first).toEqual([`${KGR}test-meridian-twin-a`, `${KGR}huawei`, `${KGR}kenya`]);

    await page.fill("#ep-centre", "Kenia");
    await page.click("#ep-nb-run");
    await page.waitForFunction(() => /Nothing on the endpoint is named “Kenia”; did you mean one below\?/.test(document.querySelector("#ep-status")?.textContent ?? ""));
    await page.click('#ep-results .ep-names li:has-text("kgr:kenya") button');
    await page.waitForFunction(() => /relations within depth 1 on the endpoint/.test(document.querySelector("#ep-status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => window.workbench!.store.get().neighbourhood.centers)).toEqual([`${KGR}kenya`]);
  });
});

describe("SPARQL panel queries sent to the endpoint (Virtuoso)", () => {
  it("answers a SELECT and draws a CONSTRUCT from the endpoint", async () => {
    const page = await connect(proxy.url);
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>("#sparql-query")?.value ?? "").includes("PREFIX kg:"));
    const header = await page.$eval("#sparql-query", (el) => (el as HTMLTextAreaElement).value.split("\n").filter((l) => l.startsWith("PREFIX")).join("\n"));
    await page.fill("#sparql-query", `${header}\nSELECT DISTINCT ?company WHERE { ?company a kg:Company ; kg:suppliesTo ?x } ORDER BY ?company`);
    await page.click("#sparql-run");
    await page.waitForSelector("#sparql-row-count");
    const iris = await page.$$eval("#sparql-results button.sparql-iri", (buttons) => buttons.map((b) => (b as HTMLElement).dataset.iri));
    // The endpoint also holds the fixture company, which the page's own data lacks.
    expect(iris).toEqual([`${KGR}dahua`, `${KGR}huawei`, `${KGR}test-meridian-vision`]);
    const before = await page.evaluate(() => window.workbench!.view.graph.order);
    await page.fill("#sparql-query", `${header}\nCONSTRUCT { ?company kg:suppliesTo ?x } WHERE { ?company a kg:Company ; kg:suppliesTo ?x }`);
    await page.click("#sparql-run");
    await page.waitForSelector("#sparql-graph-summary");
    expect(await page.textContent("#sparql-graph-summary")).toMatch(/^\d+ triples/);
    expect(await page.evaluate((iri) => window.workbench!.view.graph.hasNode(iri), `${KGR}test-meridian-vision`)).toBe(true);
    expect(await page.evaluate(() => window.workbench!.view.graph.order)).toBe(before + 1);
  });
});

describe("SPARQL endpoint faults (Chromium, a fault server)", () => {
  it("shows an HTTP 500 and keeps the view as it was", async () => {
    faults.mode = "ok";
    const page = await connect(faults.url);
    const before = await snapshot(page);
    faults.mode = "500";
    await page.fill("#ep-from", "Huawei");
    await page.fill("#ep-to", "Kenya");
    await page.click("#ep-path-run");
    await page.waitForSelector("#ep-status.sparql-error");
    const message = await page.textContent("#ep-status");
    expect(message).toContain("answered HTTP 500");
    expect(message).toContain("the store fell over");
    expect(await snapshot(page)).toEqual(before);
    expect(await page.evaluate(() => window.workbench!.store.get().path.status)).toBe("idle");
  });

  it("says when the endpoint is down, or its answer is malformed or more than the panel shows", async () => {
    // Down: nothing listens on the port any more.
    const closed = createServer();
    const downUrl = await listen(closed);
    await new Promise<void>((ok) => closed.close(() => ok()));
    const { page } = await workbench.open();
    await page.click("#sparql-open");
    await page.click("#sparql-connect");
    await page.fill("#ep-url", downUrl);
    await page.click("#ep-connect");
    await page.waitForSelector("#ep-status.sparql-error");
    expect(await page.textContent("#ep-status")).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+\/sparql.*CORS/);
    expect(await page.isHidden("#ep-tools")).toBe(true);
    // Malformed: the panel's query, sent to the endpoint, fails with the reason and the start of the body.
    faults.mode = "ok";
    await page.fill("#ep-url", faults.url);
    await page.click("#ep-connect");
    await page.waitForSelector("#ep-tools", { state: "visible" });
    expect(await page.$eval("#sparql-target", (el) => (el as HTMLSelectElement).value)).toBe("endpoint");
    const before = await snapshot(page);
    faults.mode = "malformed";
    await page.fill("#sparql-query", "SELECT ?s WHERE { ?s ?p ?o }");
    await page.click("#sparql-run");
    await page.waitForSelector("#sparql-error:not([hidden])");
    expect(await page.textContent("#sparql-error")).toMatch(/malformed results from .*not JSON/);
    faults.mode = "rows";
    await page.click("#sparql-run");
    await page.waitForSelector("#sparql-row-count");
    expect(await page.textContent("#sparql-row-count")).toBe("1000 rows (cut at 1000: add LIMIT/OFFSET to page)");
    expect(await page.$$eval("#sparql-results tbody tr", (rows) => rows.length)).toBe(1000);
    expect(await snapshot(page)).toEqual(before);
  });

  it("says when the endpoint does not answer in time, keeps the view, and Cancel stops a query", async () => {
    faults.mode = "ok";
    const page = await connect(faults.url, { timeout: 2 });
    const before = await snapshot(page);
    faults.mode = "hang";
    await page.fill("#ep-search", "Huawei");
    await page.click("#ep-search-run");
    await page.waitForSelector("#ep-cancel", { state: "visible" });
    await page.waitForSelector("#ep-status.sparql-error", { timeout: 15_000 });
    expect(await page.textContent("#ep-status")).toMatch(/did not answer within 2 s \(timeout\)/);
    expect(await page.isHidden("#ep-cancel")).toBe(true);
    expect(await snapshot(page)).toEqual(before);
    // A query cancelled by hand says so, and changes nothing either.
    await page.fill("#ep-centre", "Huawei");
    await page.click("#ep-nb-run");
    await page.waitForSelector("#ep-cancel", { state: "visible" });
    await page.click("#ep-cancel");
    await page.waitForSelector("#ep-status.sparql-error");
    expect(await page.textContent("#ep-status")).toContain("Cancelled");
    expect(await snapshot(page)).toEqual(before);
  });
});
