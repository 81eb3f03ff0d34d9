// The analyst's tools beside the panels (issue 14): the context menu with layouts on demand, the Table tab, the legend docked under the graph and following the appearance.
import type { SessionStore } from "../session/index.ts";
import { Arranger } from "./arrange.ts";
import { ContextMenu } from "./context-menu.ts";
import type { DataClient } from "./data-client.ts";
import { DataTable } from "./data-table.ts";
import type { GraphView } from "./graph-view.ts";
import type { LayoutController } from "./layout.ts";
import { dockLegend } from "./legend-dock.ts";
import type { Panels } from "./panels.ts";
import type { DatasetSummary } from "./protocol.ts";
import type { Revealer } from "./reveal.ts";
import type { SessionHandle } from "./session-wiring.ts";
import type { Shell } from "./shell.ts";

export interface AnalystToolsHost {
  store: SessionStore;
  client: DataClient;
  view: GraphView;
  shell: Shell;
  layout: LayoutController;
  revealer: Revealer;
  panels: Panels;
  labelOf(iri: string): string;
  summary(): DatasetSummary | null;
  session(): SessionHandle | null;
  download(name: string, blob: Blob): void;
  showError(error: unknown): void;
}

export interface AnalystTools {
  /** The legend follows the session's appearance (colour by class or group: a choice, an undo, a session opened). */
  followAppearance(session: SessionHandle): () => void;
  kill(): void;
}

export function attachAnalystTools(host: AnalystToolsHost): AnalystTools {
  const { store, client, view, shell, layout, revealer, panels, labelOf } = host;
  const contextMenu = new ContextMenu({
    store,
    view,
    client,
    container: shell.centre,
    expand: (node, predicates) => revealer.expand(node, predicates),
    isPinned: (node) => host.session()?.controller.pinned.includes(node) ?? false,
    labelOf,
    pathFrom: (iri, label) => (panels.paths.setFrom(iri, label), shell.showTab("Path")),
    pathTo: (iri, label) => (panels.paths.setTo(iri, label), shell.showTab("Path")),
    neighbourhood: (iri) => (panels.neighbourhoods.setCentres([iri]), shell.showTab("Neighbourhood"), void panels.neighbourhoods.run()),
    arrange: new Arranger(view, layout, () => host.session()?.controller ?? null, labelOf),
    showInfo: (m) => shell.showInfo(m),
    showError: host.showError,
  });
  const dataTable = new DataTable({
    store,
    view,
    element: shell.tab("Table"),
    classLabel: (iri) => host.summary()?.classes.find((c) => c.iri === iri)?.label ?? labelOf(iri),
    download: host.download,
  });
  const undock = dockLegend(shell.legend, shell.graphContainer, () => view.refresh());
  return {
    followAppearance(session) {
      let legendKey = "";
      return session.controller.onChange(() => {
        const { colourBy, colours } = session.controller.appearance;
        const key = JSON.stringify([colourBy, colours]);
        if (key !== legendKey) panels.filters.renderLegend();
        legendKey = key;
      });
    },
    kill() {
      contextMenu.kill();
      dataTable.kill();
      undock();
    },
  };
}
