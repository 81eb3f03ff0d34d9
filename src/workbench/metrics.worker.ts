// A worker that computes node metrics (betweenness, PageRank) of the graph shown: betweenness of the 2,000-node overview takes seconds.
import { metricValues } from "./appearance.ts";
import type { MetricRequest, MetricReply } from "./metric-sizer.ts";

self.onmessage = (event: MessageEvent<MetricRequest>) => {
  const { id, nodes, edges, metric } = event.data;
  let reply: MetricReply;
  try {
    reply = { id, values: [...metricValues(nodes, edges, metric)] };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
