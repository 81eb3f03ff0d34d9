#!/usr/bin/env node
// The `kg` command: runs the compiled CLI in dist/cli, which `npm install` (prepare) and `npm run build` make from src/.
import { fileURLToPath } from "node:url";

let main, superviseQueries;
try {
  ({ main, superviseQueries } = await import("../../dist/cli/main.js"));
} catch (error) {
  // Only a missing build gets the hint; any other failure to load is a bug to show in full.
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !/[/\\]dist[/\\]cli[/\\]/.test(String(error.message))) throw error;
  process.stderr.write(`kg: the compiled command is missing or incomplete (${error.message.split("\n")[0]}).\nBuild it with: npm run build:cli\n`);
  process.exit(1);
}
// Queries run in a child kg that this one watches (cli/supervise.ts); everything else runs here.
const argv = process.argv.slice(2);
process.exitCode = (await superviseQueries(argv, fileURLToPath(import.meta.url))) ?? (await main(argv));
