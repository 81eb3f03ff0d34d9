// What the endpoint panel needs of the workbench around it, and what it hands back when an answer joins the data.
import type { SessionStore } from "../../session/index.ts";
import type { DataClient } from "../data-client.ts";
import type { GraphView } from "../graph-view.ts";
import type { DatasetSummary } from "../protocol.ts";

export interface EndpointModeHost {
  client: DataClient;
  store: SessionStore;
  view: GraphView;
  viewChanged: () => void;
  /**
   * The data gained the fetched triples (`joined`: their N-Triples, to keep with the session, whose restore needs
   * them): the page's sources, legend, filters and counts follow.
   */
  dataChanged: (summary: DatasetSummary, joined: JoinedTriples | null) => void;
  prefixes: () => Readonly<Record<string, string>>;
  onConnection: (url: string | null) => void;
  reveal: (iri: string) => Promise<void>;
}

/** Triples an endpoint answer added to the data: the endpoint's address (without credentials) and the N-Triples. */
export interface JoinedTriples {
  endpoint: string;
  ntriples: string;
}
