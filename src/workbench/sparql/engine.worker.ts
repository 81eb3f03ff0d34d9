// The embedded SPARQL engine's own web worker, started by the data worker: a runaway query is ended by terminating it, and the data worker keeps answering meanwhile.
import { createEngineHandler, type EngineRequest } from "../../sparql/sparql-engine-runner.ts";

const handle = createEngineHandler();
self.addEventListener("message", (event: MessageEvent<EngineRequest>) => {
  void handle(event.data).then((reply) => (self as unknown as Worker).postMessage(reply));
});
