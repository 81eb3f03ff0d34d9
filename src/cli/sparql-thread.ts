// The embedded SPARQL engine's own thread: kg sends it the data once and then queries; the main thread can end it at any time.
import { parentPort } from "node:worker_threads";
import { createEngineHandler, type EngineRequest } from "../sparql/sparql-engine-runner.ts";

const handle = createEngineHandler();
parentPort?.on("message", (request: EngineRequest) => void handle(request).then((reply) => parentPort?.postMessage(reply)));
