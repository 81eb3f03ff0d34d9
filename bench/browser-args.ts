// bench:browser's command line: sizes or files to open, the generator's seed, runs per row, and whether only the load is measured.
import { parseSize } from "./dataset-cache.ts";

export interface BrowserBenchArgs {
  /** Generated files to open, in triples (default 100k and 1M). */
  sizes: number[];
  /** Files given by path, opened as they are. */
  files: string[];
  seed: number;
  repeats: number;
  /** Only the bundled start and the file's load (time to first view, long tasks, memory): no layout run, no reload, no FA2 comparison. */
  loadOnly: boolean;
  /** Whether bench/out/browser.json is rewritten (not for load-only runs unless asked). */
  writeResults: boolean;
  /** Only the ForceAtlas2 Node-vs-worker comparison. */
  fa2Only: boolean;
}

const USAGE = "use sizes (100k 1M), --file PATH, --seed N, --repeats N, --load-only, --[no-]write-results, or fa2 alone";

export function parseBrowserBenchArgs(argv: readonly string[]): BrowserBenchArgs {
  const args: BrowserBenchArgs = { sizes: [], files: [], seed: 1, repeats: 3, loadOnly: false, writeResults: true, fa2Only: false };
  let write: boolean | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`bench:browser: ${arg} needs a value (${USAGE})`);
      return next;
    };
    const whole = (text: string) => {
      if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`bench:browser: ${arg} needs a whole number, not "${text}"`);
      return Number(text);
    };
    if (arg === "fa2") args.fa2Only = true;
    else if (arg === "--file") args.files.push(value());
    else if (arg === "--seed") args.seed = whole(value());
    else if (arg === "--repeats") args.repeats = whole(value());
    else if (arg === "--load-only") args.loadOnly = true;
    else if (arg === "--write-results") write = true;
    else if (arg === "--no-write-results") write = false;
    else if (arg === "--") continue;
    else if (/^\d/.test(arg)) args.sizes.push(...arg.split(",").map(parseSize));
    else throw new Error(`bench:browser: unknown argument "${arg}" (${USAGE})`);
  }
  if (args.fa2Only && (args.sizes.length || args.files.length)) throw new Error(`bench:browser: fa2 runs alone (${USAGE})`);
  if (!args.sizes.length && !args.files.length) args.sizes = [100_000, 1_000_000];
  // A load-only run has no layout or reload columns, so it would blank them in browser.json.
  args.writeResults = write ?? !args.loadOnly;
  return args;
}
