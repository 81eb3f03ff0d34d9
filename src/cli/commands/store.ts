// kg store: serve kg's local Virtuoso store as a SPARQL endpoint for the workbench and kg --endpoint, list the stores, remove them.
import type { Command } from "../command.ts";
import { print, warn } from "../command.ts";
import { UsageError, flag, stringOption, type ParsedCommand } from "../args.ts";

const actions = ["serve", "list", "remove"] as const;

/** Origins the workbench is served from by npm start (Vite) and npm run preview, allowed by default. */
const workbenchOrigins = ["http://localhost:5173", "http://127.0.0.1:5173", "http://localhost:4173", "http://127.0.0.1:4173"];

export const storeCommand: Command = {
  spec: {
    name: "store",
    summary: "serve kg's local Virtuoso store of the data as a SPARQL endpoint, list the stores, remove them",
    arguments: "<serve|list|remove>",
    minPositionals: 1,
    maxPositionals: 1,
    details: `kg keeps a local Virtuoso store of a set of data files (kg sparql --engine virtuoso; docs/scale.md):
loaded once, found again by the files' bytes, in ~/.cache/smartcity-kg/virtuoso ($KG_CACHE_DIR moves it).

kg store serve opens the store of the loaded data (the bundled graph, or --data files; loading them first if no
store holds them) and keeps its SPARQL endpoint running on 127.0.0.1 until Ctrl-C. It prints the endpoint's URL,
for kg --endpoint URL (find, path, neighbours, sparql) and for the workbench's SPARQL… › Connect to endpoint…,
which the endpoint allows (CORS) from the workbench's own addresses (npm start, npm run preview) and --origin.
kg store list prints each store: its files, their size, the store's size on disk and when it was last used.
kg store remove removes the store of the loaded data; --all removes every store.

Examples:
  kg --data big.ttl store serve
  kg --endpoint 'http://127.0.0.1:PORT/sparql?default-graph-uri=urn%3Ax-smartcity-kg%3Adata' path Huawei Kenya
  kg store list
  kg --data big.ttl store remove`,
    options: {
      origin: { type: "string", value: "URL", help: "serve: also allow the workbench served from this origin (e.g. https://kg.example.org)" },
      all: { type: "boolean", help: "remove: every store, not only the loaded data's" },
    },
  },

  async run(parsed, context) {
    const action = parsed.positionals[0];
    if (!(actions as readonly string[]).includes(action)) throw new UsageError(`kg store: unknown action ${JSON.stringify(action)}; expected serve, list or remove`, "store");
    if (action !== "serve" && stringOption(parsed, "origin") !== undefined) throw new UsageError("kg store: --origin is for serve", "store");
    if (action !== "remove" && flag(parsed, "all")) throw new UsageError("kg store: --all is for remove", "store");
    if (action === "list") return await list();
    if (action === "remove") return await remove(parsed, context.dataFiles, context.baseIRI);
    return await serve(parsed, context.dataFiles, context.baseIRI);
  },
};

async function list(): Promise<number> {
  const { listStores, storeRoot } = await import("../virtuoso-store.ts");
  const stores = listStores(storeRoot());
  if (stores.length === 0) {
    print(`No local Virtuoso stores in ${storeRoot()}.`);
    return 0;
  }
  for (const store of stores) {
    const files = store.record.files.length === 1 ? store.record.files[0] : `${store.record.files.length} files (${store.record.files[0]}, …)`;
    print(`${store.folder}\n  ${files}: ${(store.record.bytes / 1e6).toFixed(0)} MB of data, ${(store.diskBytes / 1e6).toFixed(0)} MB on disk, loaded in ${store.record.loadSeconds.toFixed(1)} s, last used ${store.lastUsed.toISOString().slice(0, 16).replace("T", " ")} UTC`);
  }
  return 0;
}

async function remove(parsed: ParsedCommand, dataFiles: readonly string[] | undefined, baseIRI: string | undefined): Promise<number> {
  const [{ rmSync }, store, { bundledDataFiles, documentBase }] = await Promise.all([import("node:fs"), import("../virtuoso-store.ts"), import("../load.ts")]);
  const root = store.storeRoot();
  let folders: string[];
  if (flag(parsed, "all")) folders = store.listStores(root).map((listed) => listed.folder);
  else {
    const files = dataFiles ? [...dataFiles] : bundledDataFiles();
    const found = store.findStore(root, await store.storeKey(files, files.map((file) => documentBase(file, baseIRI))));
    if (!found) {
      warn(`kg store: no store holds ${dataFiles ? "these files" : "the bundled graph"} (kg store list shows the stores)`);
      return 1;
    }
    folders = [found];
  }
  for (const folder of folders) store.checkNotInUse(folder);
  for (const folder of folders) {
    rmSync(folder, { recursive: true, force: true });
    print(`removed ${folder}`);
  }
  return 0;
}

async function serve(parsed: ParsedCommand, dataFiles: readonly string[] | undefined, baseIRI: string | undefined): Promise<number> {
  const origins = [...workbenchOrigins, ...(stringOption(parsed, "origin") ?? "").split(/[\s,]+/).filter(Boolean)];
  for (const origin of origins) {
    // The list goes into Virtuoso's SQL and the CORS header: an origin is a scheme, a host and perhaps a port, nothing else.
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin)) throw new UsageError(`kg store serve: --origin must be an origin like https://kg.example.org, got ${JSON.stringify(origin)}`, "store");
  }
  const [{ LoadInterrupted, openStore, sqlString, STORE_GRAPH }, { bundledDataFiles, documentBase }, { StoreProgress }] = await Promise.all([import("../virtuoso-store.ts"), import("../load.ts"), import("../store-progress.ts")]);
  const files = dataFiles ? [...dataFiles] : bundledDataFiles();
  // Ctrl-C while the store loads stops the load (nothing of it kept); once served, it stops the server.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const shown = new StoreProgress("kg store", "starting the local Virtuoso store");
  shown.start();
  try {
    const store = await openStore({ files, bases: files.map((file) => documentBase(file, baseIRI)), signal: stop.signal, onStep: (step) => warn(`kg store: ${step}`), ...shown.loadSteps })
      .catch((error: unknown) => {
        if (error instanceof LoadInterrupted) return undefined;
        throw error;
      })
      .finally(() => shown.stop());
    if (!store) {
      warn("kg store: stopped while opening the store; nothing of a store being loaded was kept");
      return 130;
    }
    shown.progress.done(`kg store: ${store.loadedNow ? "loaded and started" : "started"} the local Virtuoso store in ${shown.progress.elapsedSeconds.toFixed(1)} s`);
    try {
      await store.sql(`DB.DBA.VHOST_REMOVE(lpath=>'/sparql'); DB.DBA.VHOST_DEFINE(lpath=>'/sparql', ppath=>'/!sparql/', is_dav=>1, vsp_user=>'dba', opts=>vector('cors', ${sqlString(origins.join(" "))}, 'browse_sheet', '', 'noinherit', 'yes'));`, 60_000);
      const url = `${store.endpoint}?default-graph-uri=${encodeURIComponent(STORE_GRAPH)}`;
      print(url);
      warn(`kg store: serving the local Virtuoso store of ${files.length} file${files.length === 1 ? "" : "s"} (${(store.record.bytes / 1e6).toFixed(0)} MB) at the URL above, on 127.0.0.1 only.
Ask it with kg --endpoint '${url}' path|neighbours|find|sparql …, or in the workbench with SPARQL… › Connect to endpoint… (allowed from ${origins.join(", ")}).
Ctrl-C stops it.`);
      if (!stop.signal.aborted) await new Promise((resolve) => stop.signal.addEventListener("abort", resolve, { once: true }));
      warn("kg store: stopping the server");
      return 0;
    } finally {
      await store.stop();
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
