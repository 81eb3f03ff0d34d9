// The session report: one self-contained HTML file with the view's picture, every query with its evidence, the notes and the Turtle.
import { toBlob } from "@sigma/export-image";
import { renderReportParts } from "../session/report.ts";
import type { GraphView } from "./graph-view.ts";
import { fileSafe, type SessionPage } from "./session-host.ts";

/** Builds the report of the open session and hands it to the host's download. */
export async function exportReport(page: SessionPage): Promise<void> {
  const { host } = page;
  try {
    const [png, turtle] = await Promise.all([viewPng(host.view), host.resultTurtle()]);
    // A Blob of the report's pieces: the Turtle it embeds, escaped piece by piece, is never one string.
    const parts = [...renderReportParts(page.currentFile(), { imagePng: png, turtle })];
    host.download(`${fileSafe(page.open.name)}.report.html`, new Blob(parts, { type: "text/html" }));
  } catch (error) {
    host.showError(error);
  }
}

async function viewPng(view: GraphView): Promise<string | undefined> {
  try {
    const blob = await toBlob(view.sigma as unknown as Parameters<typeof toBlob>[0], { format: "png", backgroundColor: "#ffffff" });
    return await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error("workbench/report: cannot read the view image."));
      reader.readAsDataURL(blob);
    });
  } catch {
    // A report without the picture still has every query, quote and note.
    return undefined;
  }
}
