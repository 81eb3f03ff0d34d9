// Builds the kg command for Node into dist/cli (npm run build:cli): one ES module to start from, code in chunks loaded on use.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  publicDir: false,
  logLevel: "warn",
  // n3's Store streams through readable-stream, Node's own streams under another name; Node has them built in,
  // and the bundle must not import a package that is only n3's dependency.
  resolve: { alias: { "readable-stream": "node:stream" } },
  build: {
    ssr: true,
    outDir: "dist/cli",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      // The SPARQL engine's thread is a module of its own: a worker starts from a file (sparql-runner.ts).
      input: { main: "src/cli/main.ts", "sparql-thread": "src/cli/sparql-thread.ts" },
      output: {
        format: "es",
        // Flat, like src/cli: load.ts finds the bundled data two folders up from whichever file holds it.
        entryFileNames: "[name].js",
        chunkFileNames: "[name]-[hash].js",
      },
      onLog(level, log, handler) {
        // Modules main.ts already imports are also imported lazily by some commands (right when run from source); harmless.
        if (log.code === "INEFFECTIVE_DYNAMIC_IMPORT") return;
        handler(level, log);
      },
    },
  },
  // n3 is bundled so start-up parses only the parts used (its package entry loads all of it, streams included);
  // shacl-engine, oxigraph and the rest stay in node_modules, loaded by the commands that need them.
  ssr: { target: "node", noExternal: ["n3"] },
});
