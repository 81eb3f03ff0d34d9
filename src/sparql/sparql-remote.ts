// Search, neighbourhoods and paths on a SPARQL endpoint (bounded, paged fetches into a local Dataset, then the core's queries): the entry points.
export { foldedPattern, type RemoteOptions } from "./sparql-remote-common.ts";
export { expandName, remoteTermIds, resolveRemoteNode, resolveRemoteTerms } from "./sparql-remote-names.ts";
export { RemoteSubgraph } from "./sparql-remote-subgraph.ts";
export { remoteSearch, type RemoteSearchHit, type RemoteSearchOptions } from "./sparql-remote-search.ts";
export { remoteNeighbourhood, type RemoteNeighbourhood, type RemoteNeighbourhoodOptions } from "./sparql-remote-neighbourhood.ts";
export { remotePaths, type RemotePathOptions, type RemotePaths } from "./sparql-remote-paths.ts";
export { remotePathScores } from "./sparql-remote-score.ts";
