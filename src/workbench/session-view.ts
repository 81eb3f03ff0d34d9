// The session on the drawn graph: puts a step's snapshot on screen, and turns drags and the analyst's layout runs into steps.
import type { SessionSnapshot } from "../session/history.ts";
import type { Camera } from "../session/layout.ts";
import type { SessionPage } from "./session-host.ts";

/** Binds `page.showSnapshot` and `page.placeCamera`, and records moves and layout runs. */
export function attachSessionView(page: SessionPage): void {
  const { host, controller } = page;
  const { view, layout, store } = host;

  // Quick Ctrl+Z presses overlap: only the latest step is put on screen once the graph is in place.
  let shown = 0;
  page.showSnapshot = async (snapshot: SessionSnapshot, camera = true): Promise<void> => {
    const generation = ++shown;
    await host.syncGraph(snapshot.state);
    if (generation !== shown) return;
    const positions = snapshot.layout.positions;
    view.graph.forEachNode((node) => {
      if (Object.hasOwn(positions, node)) view.graph.mergeNodeAttributes(node, { x: positions[node][0], y: positions[node][1] });
    });
    layout.reset();
    controller.positionsChanged();
    host.syncWidgets(store.get());
    view.refresh();
    if (camera) await page.placeCamera(snapshot.layout.camera);
  };

  /** Sets the camera, cancelling any fit animation still running (a new animation replaces the old one). */
  page.placeCamera = async (state: Camera): Promise<void> => {
    // Fits are started in the next frame after queries finish: let them start, then replace them.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await view.sigma.getCamera().animate(state, { duration: 30 });
  };

  view.onNodeMoved = (node) => {
    layout.save();
    controller.moved([node]);
  };
  page.cleanups.push(
    layout.onChange((running) => {
      if (running && layout.runByUser && !page.restoring) controller.layoutStarted();
      if (!running) {
        controller.positionsChanged();
        page.scheduleSave();
      }
    }),
    // The analyst's run is a step once its positions are final; the app's own runs ride along in the next step.
    layout.onRunEnd((byUser) => {
      if (byUser && !page.restoring) controller.layoutFinished();
      else controller.positionsChanged();
    }),
  );
  const onCamera = () => page.scheduleSave();
  view.sigma.getCamera().on("updated", onCamera);
  page.cleanups.push(() => view.sigma.getCamera().removeListener("updated", onCamera));
}
