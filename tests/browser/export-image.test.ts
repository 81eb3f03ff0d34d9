// Images of the view in the built workbench (issue 14): SVG (every shown node, its colour, the labels sigma shows, as
// text) and a PNG at three times the screen's resolution with the same picture. In Debian's Chromium.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useWorkbenchSite } from "./harness.ts";
import { HUAWEI, loadOwnFile, ready } from "./session-helpers.ts";

const workbench = useWorkbenchSite({ screenshotPrefix: "export-image-" });

async function open(): Promise<Page> {
  const { page } = await workbench.open();
  await ready(page);
  // The first layout settled: nothing moves between the picture and the checks.
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("smartcity-kg:positions:")), undefined, { timeout: 30_000 });
  await page.waitForFunction(() => !window.workbench!.view.sigma.getCamera().isAnimated());
  return page;
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  await page.click("#export");
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** Width, height and the share of pixels that are not white, decoded by the browser. */
function inkOf(page: Page, png: Buffer) {
  return page.evaluate(async (base64) => {
    const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
    const canvas = new OffscreenCanvas(image.width, image.height);
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(image, 0, 0);
    const data = ctx.getImageData(0, 0, image.width, image.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
    return { width: image.width, height: image.height, ink: ink / (image.width * image.height) };
  }, png.toString("base64"));
}

describe("image export (built site in Chromium)", () => {
  it("SVG: a circle per shown node in its drawn colour, an edge per shown relation, the labels sigma shows; a markup label stays text", async () => {
    const page = await open();
    const hostile = `<script>alert("svg")</script> & <b>Acme</b>`;
    await loadOwnFile(page, "export-svg", `@prefix kg: <https://w3id.org/smartcity-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.org/acme> a kg:Company ; skos:prefLabel ${JSON.stringify(hostile)}@en ; kg:suppliesTo <${HUAWEI}> .
`);
    await page.waitForFunction(() => window.workbench!.view.graph.hasNode("https://example.org/acme"));
    // Selected, its label is drawn (forced), so the SVG must carry it.
    await page.evaluate(() => window.workbench!.store.apply((s) => ({ ...s, selection: { kind: "node", node: "https://example.org/acme" } })));
    await page.waitForFunction(() => window.workbench!.view.sigma.getNodeDisplayedLabels().has("https://example.org/acme"), undefined, { timeout: 10_000 });
    await page.waitForFunction(() => !window.workbench!.view.sigma.getCamera().isAnimated());
    const { name, bytes } = await download(page, "#export-svg");
    expect(name).toBe("smartcity-kg-view.svg");
    const text = bytes.toString("utf8");
    expect(text).not.toContain("<script>");
    expect(text).toContain("&lt;script&gt;");
    const check = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
      const { view } = window.workbench!;
      const shown = view.visible();
      const circles = [...doc.querySelectorAll("circle")];
      const colourOf = Object.fromEntries(circles.map((c) => [c.getAttribute("data-node"), c.getAttribute("fill")]));
      const labels = [...doc.querySelectorAll("text")].map((t) => t.textContent);
      const displayed = [...view.sigma.getNodeDisplayedLabels()].map((k) => view.sigma.getNodeDisplayData(k)!.label);
      return {
        parseError: doc.querySelector("parsererror") !== null,
        scripts: doc.getElementsByTagName("script").length,
        circles: circles.length,
        shownNodes: shown.nodes.length,
        paths: doc.querySelectorAll("g.edges path").length,
        // A selected node's neighbourhood stands out: the other relations are not drawn, in sigma or in the SVG.
        shownEdges: shown.edges.filter((e) => !view.sigma.getEdgeDisplayData(e)!.hidden).length,
        sameColours: shown.nodes.every((k) => colourOf[k] === view.sigma.getNodeDisplayData(k)!.color),
        labels: labels.sort(),
        displayed: displayed.sort(),
        width: Number(doc.documentElement.getAttribute("width")),
        graphWidth: view.sigma.getDimensions().width,
      };
    }, text);
    expect(check.parseError).toBe(false);
    expect(check.scripts).toBe(0);
    expect(check.circles).toBe(check.shownNodes);
    expect(check.paths).toBe(check.shownEdges);
    expect(check.paths).toBeGreaterThan(0);
    expect(check.sameColours).toBe(true);
    expect(check.labels).toEqual(check.displayed);
    expect(check.labels).toContain(hostile);
    expect(check.width).toBe(check.graphWidth);
  });

  it("PNG at 3×: three times the width and height of the view's PNG, the same picture (ink in the same share of the image)", async () => {
    const page = await open();
    const normal = await download(page, "#export-png");
    const big = await download(page, "#export-png-3x");
    expect(big.name).toBe("smartcity-kg-view@3x.png");
    const a = await inkOf(page, normal.bytes);
    const b = await inkOf(page, big.bytes);
    expect(b.width).toBe(a.width * 3);
    expect(b.height).toBe(a.height * 3);
    // Nodes, edges and labels scaled with the image: the share of inked pixels stays about the same (a PNG drawn at
    // 3× without scaling them would have about a third as much).
    expect(a.ink).toBeGreaterThan(0.01);
    expect(b.ink / a.ink).toBeGreaterThan(0.6);
    expect(b.ink / a.ink).toBeLessThan(1.6);
  });
});
