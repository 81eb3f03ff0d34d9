// The panels that show and query the data (path, neighbourhood, filters, selection details), wired to each other and to the session store.
import { actions } from "../session/named-actions.ts";
import { addToSelection, choosePath, selectNode, type SessionState, type SessionStore } from "../session/index.ts";
import type { DataClient } from "./data-client.ts";
import { renderGroupLegend } from "./appearance-controls.ts";
import type { DetailsActions } from "./details.ts";
import { downloadBlob } from "./export-menu.ts";
import { FiltersPanel } from "./filters-panel.ts";
import type { GraphView } from "./graph-view.ts";
import { Marquee } from "./marquee.ts";
import { NeighbourhoodPanel } from "./neighbourhood-panel.ts";
import { PathPanel } from "./path-panel.ts";
import type { DatasetSummary } from "./protocol.ts";
import type { Revealer } from "./reveal.ts";
import { SelectionPanel } from "./selection-panel.ts";
import { TimePanel } from "./time-panel.ts";
import type { SessionHandle } from "./session-wiring.ts";
import type { Shell } from "./shell.ts";
import type { SourceViewer } from "./source-viewer.ts";

export interface PanelsHost {
  store: SessionStore;
  client: DataClient;
  view: GraphView;
  shell: Shell;
  viewer: SourceViewer;
  revealer: Revealer;
  neighbourhoodLimit: number;
  summary(): DatasetSummary | null;
  session(): SessionHandle | null;
  labelOf(iri: string): string;
  rebuildView(): Promise<void>;
  /** ForceAtlas2's settings for the Filters tab. */
  layoutControls?: () => HTMLElement;
  viewChanged(): void;
}

export class Panels {
  readonly selection: SelectionPanel;
  readonly filters: FiltersPanel;
  readonly paths: PathPanel;
  readonly neighbourhoods: NeighbourhoodPanel;
  readonly time: TimePanel;
  private readonly marquee: Marquee;
  private readonly unsubscribe: () => void;
  private readonly store: SessionStore;

  constructor(host: PanelsHost) {
    const { store, client, view, shell, viewer, revealer, labelOf } = host;
    this.store = store;
    const showTab = (tab: string) => shell.showTab(tab);
    const details: DetailsActions = {
      selectNode: (iri, via) => void revealer.revealAndSelect(iri, via),
      selectEdge: (edge) => void revealer.selectEdge(edge),
      openEvidence: (evidence) => viewer.open(evidence),
      hideNode: (iri) => store.dispatch(actions.hideNodes([iri])),
      selectWithNeighbours: (iri) => {
        store.apply(selectNode(iri));
        this.selection.selectNeighbours();
      },
      exploreAround: (iri) => {
        this.neighbourhoods.addCentres([iri]);
        showTab("Neighbourhood");
      },
      pathFrom: (iri, label) => {
        this.paths.setFrom(iri, label);
        showTab("Path");
      },
      pathTo: (iri, label) => {
        this.paths.setTo(iri, label);
        showTab("Path");
      },
    };
    this.selection = new SelectionPanel({
      store,
      view,
      client,
      panel: shell.detailsPanel,
      actions: details,
      classLabel: (iri) => host.summary()?.classes.find((c) => c.iri === iri)?.label ?? labelOf(iri),
      decorate: (panel, state) => host.session()?.decorateDetails(panel, state),
      exploreAround: (nodes) => {
        this.neighbourhoods.setCentres(nodes);
        showTab("Neighbourhood");
      },
      focusNode: (iri) => requestAnimationFrame(() => view.focusNode(iri)),
      download: downloadBlob,
      showError: (e) => shell.showError(e),
      showInfo: (m) => shell.showInfo(m),
    });
    this.time = new TimePanel(store, () => host.session()?.controller ?? null);
    this.filters = new FiltersPanel({
      store,
      view,
      legend: shell.legend,
      element: shell.tab("Filters"),
      summary: host.summary,
      selection: this.selection,
      setClassColour: (cls, label, colour) => host.session()?.setClassColour(cls, label, colour),
      appearanceControls: () => host.session()?.appearanceControls() ?? null,
      timeControls: () => this.time.element,
      layoutControls: host.layoutControls,
      sourceControls: () => view.sourceFilter.controls(),
      groupLegend: (legend, summary) => {
        const appearance = host.session()?.controller.appearance;
        if (appearance?.colourBy !== "group" || !summary.groups?.length) return false;
        renderGroupLegend(
          legend,
          summary.groups,
          appearance,
          new Set(store.get().filters.hiddenClasses),
          (iri, label, colour) => host.session()?.setClassColour(iri, label, colour),
          (group) => store.dispatch(actions.toggleClassGroup(group.iri, group.label, group.classes)),
        );
        return true;
      },
      rebuildView: host.rebuildView,
    });
    this.marquee = new Marquee(view, (nodes) => store.apply(addToSelection(nodes)));
    const search = (text: string) => client.request("search", { text, limit: 10 });
    this.paths = new PathPanel({ element: shell.tab("Path"), store, client, view, search, openEvidence: (e) => viewer.open(e), labelOf, viewChanged: host.viewChanged });
    this.neighbourhoods = new NeighbourhoodPanel({
      element: shell.tab("Neighbourhood"),
      store,
      client,
      view,
      search,
      limit: host.neighbourhoodLimit,
      reveal: (iri) => void revealer.revealAndSelect(iri),
      viewChanged: host.viewChanged,
    });
    this.unsubscribe = store.subscribe((state, previous) => {
      if (state.selection !== previous.selection) void this.selection.render(state);
      if (state.path.from !== previous.path.from || state.path.to !== previous.path.to) this.paths.syncEnds(state);
      if (state.path !== previous.path || state.focus !== previous.focus) this.paths.render(state);
      // Synced, not only rendered: a query run elsewhere (an endpoint's Explore) sets the tab's centres and depth.
      if (state.neighbourhood !== previous.neighbourhood) this.neighbourhoods.sync(state);
      this.filters.update(state, previous);
    });
  }

  /** The data's classes and predicates changed: legend, filters and the query panels' choices follow. */
  setData(summary: DatasetSummary): void {
    this.time.setData(summary.timeline);
    this.filters.renderLegend();
    this.filters.render();
    this.paths.setData(summary);
    this.neighbourhoods.setData(summary);
  }

  /** Every widget mirroring the state shows `state` (a step travelled to, a session opened). */
  sync(state: SessionState): void {
    this.paths.sync(state);
    this.neighbourhoods.sync(state);
    this.filters.renderLegend();
    this.filters.render();
    void this.selection.render(state);
  }

  /** Re-runs the path and neighbourhood queries a share link names (it carries questions, not answers). */
  async rerunQueries(state: SessionState, chosenPath: number, focus: SessionState["focus"]): Promise<void> {
    if (state.path.terminals?.length && (focus === "path" || chosenPath >= 0)) await this.paths.runConnect();
    else if (state.path.from && state.path.to && (focus === "path" || chosenPath >= 0)) {
      await this.paths.run();
      if (chosenPath > 0) this.store.apply(choosePath(chosenPath));
    }
    if (focus === "neighbourhood" && state.neighbourhood.centers.length) await this.neighbourhoods.run();
  }

  kill(): void {
    this.unsubscribe();
    this.time.kill();
    this.marquee.kill();
    this.paths.kill();
    this.neighbourhoods.kill();
  }
}
