// The data worker: parses and indexes RDF off the main thread and answers the workbench's requests by message.
import { DataService, describeFailure } from "./data-service.ts";
import { sha256HexOf } from "./digest.ts";
import { decodeUtf8Strictly } from "../rdf/utf8-check.ts";
import type { IncomingFile, LoadedFile, ReplyMessage, RequestMessage, Requests, SourceFile } from "./protocol.ts";

const service = new DataService();

/** The bundled ontology and graph data, inlined at build time so the site works offline. */
export function bundledFiles(): SourceFile[] {
  const ontology = import.meta.glob("/ontology/*.ttl", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
  const data = import.meta.glob("/graph-data/*.ttl", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
  // Shapes describe the data; they are not part of the graph an analyst explores.
  const files = Object.entries({ ...ontology, ...data }).filter(([path]) => !/shapes\.ttl$/.test(path));
  return files.sort(([a], [b]) => a.localeCompare(b)).map(([path, text]) => ({ name: path.replace(/^\//, ""), text, format: "turtle" }));
}

/** The picked files' texts; bytes that are not UTF-8 are refused at their place (Blob.text() would replace them, merging IRIs). */
async function readIncoming(files: readonly IncomingFile[]): Promise<SourceFile[]> {
  return Promise.all(files.map(async (f) => ({
    name: f.name,
    format: f.format,
    text: f.text ?? (f.file ? decodeUtf8Strictly(new Uint8Array(await f.file.arrayBuffer()), f.name) : ""),
  })));
}

/**
 * The SHA-256 of each text (the session names files by it), checked against what a session file says, before any
 * parsing: a changed or damaged text is refused with the message the session format gives it.
 */
async function digests(files: readonly SourceFile[], incoming: readonly IncomingFile[]): Promise<LoadedFile[]> {
  return Promise.all(
    files.map(async (file, i) => {
      const sha256 = await sha256HexOf(file.text);
      const expect = incoming[i]?.expect;
      if (expect && expect.sha256 !== sha256) {
        throw new Error(`session: ${expect.at}.sha256: does not match the content of ${JSON.stringify(file.name)} (the file was changed or damaged)`);
      }
      return { name: file.name, sha256 };
    }),
  );
}

const post = (message: ReplyMessage) => (self as unknown as Worker).postMessage(message);

async function answer(message: RequestMessage): Promise<unknown> {
  const { id } = message;
  switch (message.type) {
    case "load": {
      const args = message.args as Requests["load"]["args"];
      const files = (args.files.length ? await readIncoming(args.files) : bundledFiles()).map((file) => ({ ...file, baseIRI: args.baseIRI }));
      const loaded = await digests(files, args.files);
      const summary = await service.load(files, args.replace, (progress) => post({ id, progress }));
      return { ...summary, loaded };
    }
    case "overview": {
      const args = message.args as Requests["overview"]["args"];
      return service.overview(args.cap, args.includeSchema, args.layout);
    }
    case "search": {
      const args = message.args as Requests["search"]["args"];
      return service.searchLabels(args.text, args.limit);
    }
    case "details": {
      const args = message.args as Requests["details"]["args"];
      return service.details(args.node, args.edge);
    }
    case "subgraph": {
      const args = message.args as Requests["subgraph"]["args"];
      return service.subgraph(args.nodes, args.edges, args.induce);
    }
    case "path": {
      const args = message.args as Requests["path"]["args"];
      return service.path(args.from, args.to, args.options);
    }
    case "eventKinds":
      return service.eventKinds();
    case "connect": {
      const args = message.args as Requests["connect"]["args"];
      return service.connect(args.terminals, args.options);
    }
    case "neighbourhood":
      return service.neighbourhood(message.args as Requests["neighbourhood"]["args"]);
    case "expand": {
      const args = message.args as Requests["expand"]["args"];
      return service.expand(args.node, args.limit, args.predicates);
    }
    case "export": {
      const args = message.args as Requests["export"]["args"];
      return service.exportTurtle(args.nodes, args.edges);
    }
    case "sparql": {
      // Oxigraph (WASM) is fetched only when the SPARQL panel first asks.
      const { handleSparql } = await import("./sparql/worker-side.ts");
      return handleSparql(service, message.args as Requests["sparql"]["args"]);
    }
    case "author": {
      const { handleAuthor } = await import("./authoring-worker.ts");
      return handleAuthor(service, message.args as Requests["author"]["args"]);
    }
    default:
      throw new Error(`workbench/data: unknown request "${String((message as { type: unknown }).type)}".`);
  }
}

// Requests are answered in order, so a query sent during a load sees the loaded data, never half of it.
let queue: Promise<unknown> = Promise.resolve();

self.addEventListener("message", (event: MessageEvent<RequestMessage>) => {
  const message = event.data;
  const settle = (result: Promise<unknown>) => result.then(
    (value) => post({ id: message.id, ok: true, value }),
    (error: unknown) => post({ id: message.id, ok: false, error: describeFailure(error) }),
  );
  queue = queue.then(async () => {
    const sparql = message.type === "sparql" ? (message.args as Requests["sparql"]["args"]) : null;
    if (sparql?.op === "query") {
      // A SPARQL query may run for minutes in its own worker: it takes the data it runs on now, and the requests
      // after it (a search, a cancel) are answered meanwhile.
      const { runQuery } = await import("./sparql/worker-side.ts");
      void settle(runQuery(service, sparql.query, sparql.maxRows));
      return;
    }
    await settle(answer(message));
  });
});
