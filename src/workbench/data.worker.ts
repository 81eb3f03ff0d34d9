// The data worker: parses and indexes RDF off the main thread and answers the workbench's requests by message.
import { DataService, describeFailure, type LoadSource } from "./data-service.ts";
import { sha256HexOf } from "./digest.ts";
import { streamBlob, textSource } from "./file-stream.ts";
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

/** Set by a cancelLoad request (answered out of turn); the load under way stops at its next piece. */
let cancelRequested = false;

interface ReadSources {
  sources: LoadSource[];
  /** Each file's SHA-256 (streamed files: once read), checked against what a session file says. */
  digests(): LoadedFile[];
}

/**
 * The files as sources to stream: a picked file through Blob.stream() (never one string: V8 caps a string near
 * 12M triples of Turtle), hashed as it passes; a text (the bundled graph) as one piece, hashed first.
 */
async function readIncoming(files: readonly IncomingFile[], baseIRI: string | undefined): Promise<ReadSources> {
  const read = await Promise.all(files.map(async (f) => {
    if (f.file) {
      const stream = streamBlob(f.file, f.name, () => cancelRequested);
      return { source: { name: f.name, format: f.format, baseIRI, size: f.file.size, chunks: stream.chunks, read: stream.bytesRead }, sha256: () => stream.sha256() };
    }
    const text = f.text ?? "";
    const sha256 = await sha256HexOf(text);
    return { source: textSource(f.name, text, f.format, baseIRI), sha256: () => sha256 };
  }));
  return {
    sources: read.map((r) => r.source),
    digests: () => read.map((r, i) => {
      const sha256 = r.sha256();
      const expect = files[i]?.expect;
      if (expect && expect.sha256 !== sha256) {
        throw new Error(`session: ${expect.at}.sha256: does not match the content of ${JSON.stringify(files[i].name)} (the file was changed or damaged)`);
      }
      return { name: files[i].name, sha256 };
    }),
  };
}

const post = (message: ReplyMessage) => (self as unknown as Worker).postMessage(message);

async function answer(message: RequestMessage): Promise<unknown> {
  const { id } = message;
  switch (message.type) {
    case "load": {
      const args = message.args as Requests["load"]["args"];
      cancelRequested = false;
      if (args.files.length === 0) {
        const bundled = bundledFiles().map((f) => textSource(f.name, f.text, f.format, args.baseIRI));
        const summary = await service.load(bundled, args.replace, (progress) => post({ id, progress }));
        return { ...summary, loaded: await Promise.all(bundledFiles().map(async (f) => ({ name: f.name, sha256: await sha256HexOf(f.text) }))) };
      }
      const { sources, digests } = await readIncoming(args.files, args.baseIRI);
      let loaded: LoadedFile[] = [];
      // A changed or damaged session file is refused before the new data replaces the old.
      const summary = await service.load(sources, args.replace, (progress) => post({ id, progress }), () => void (loaded = digests()), args.limits);
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
  if (message.type === "cancelLoad") {
    // Out of turn: the load it stops is the request the queue is busy with.
    cancelRequested = true;
    void settle(Promise.resolve(true));
    return;
  }
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
