// A load's progress as the page shows it: the file, triples and their rate, the share read, and a Cancel button beside the bar.
import { h } from "./dom.ts";
import type { LoadProgress } from "./protocol.ts";

/** "Parsing big.ttl… 1,234,567 triples (210,000/s) · 45%"; "Indexing…" once every file is read. */
export function loadProgressText(p: LoadProgress): string {
  if (!p.file) return "Indexing…";
  const share = `${Math.round((100 * p.done) / p.total)}%`;
  if (p.quads === undefined) return `Parsing ${p.file}… ${share}`;
  const rate = p.rate ? ` (${p.rate.toLocaleString("en")}/s)` : "";
  return `Parsing ${p.file}… ${p.quads.toLocaleString("en")} triples${rate} · ${share}`;
}

/**
 * Puts a Cancel button in the progress area (the shell's #progress) while a load runs; the returned function
 * removes it. The button only asks: the worker stops at its next piece and the graph before stays.
 */
export function showLoadCancel(onCancel: () => void): () => void {
  const area = document.getElementById("progress");
  if (!area) return () => undefined;
  const button = h("button", { class: "progress-cancel", attrs: { type: "button", "aria-label": "Cancel the load" } }, "Cancel");
  button.addEventListener("click", () => {
    button.disabled = true;
    button.textContent = "Cancelling…";
    onCancel();
  });
  area.append(button);
  return () => button.remove();
}
