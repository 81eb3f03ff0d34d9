// Entry point of the workbench page: starts it in #app and exposes a read-only handle for tests and the console.
import "./styles.css";
import { startWorkbench, type WorkbenchHandle } from "./app.ts";
import { webglRenderer } from "./uninstanced.ts";

declare global {
  interface Window {
    /** The running workbench (graph, session); for debugging and the browser tests. */
    workbench?: WorkbenchHandle;
  }
}

const root = document.getElementById("app");
if (!root) throw new Error("workbench: index.html has no #app element.");
// Build the page in a task of its own, after asking WebGL which renderer it has (a throwaway context): on a
// software renderer, evaluating the bundle, that probe and building the page (WebGL contexts, shaders) would
// together pass the 200 ms a main-thread task may take.
webglRenderer();
await new Promise((resolve) => setTimeout(resolve, 0));
window.workbench = await startWorkbench(root);
// A page kept in the back/forward cache comes back as it was; only a page really going away is torn down.
window.addEventListener("pagehide", (event) => {
  if (!event.persisted) window.workbench?.kill();
});
