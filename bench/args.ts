// The command-line arguments the benchmarks share: --sizes, --quick, --seed, --[no-]write-results.
import { parseSize, sizeLabel } from "./dataset-cache.ts";

export interface BenchArgs {
  sizes: number[];
  quick: boolean;
  seed: number;
  /** Whether to rewrite the committed results table (not for quick runs, which would replace the full table). */
  writeResults: boolean;
}

export interface BenchDefaults {
  /** Prefixes every message, e.g. "bench/sparql". */
  name: string;
  /** Dataset sizes in triples for a full run and for --quick. */
  sizes: readonly number[];
  quickSizes: readonly number[];
}

export function parseBenchArgs(argv: readonly string[], defaults: BenchDefaults): BenchArgs {
  const { name } = defaults;
  const quick = argv.includes("--quick");
  let sizes = [...(quick ? defaults.quickSizes : defaults.sizes)];
  let seed = 42;
  let writeResults = !quick;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${name}: ${arg} needs a value`);
      return next;
    };
    if (arg === "--sizes") sizes = value().split(",").map(parseSize);
    else if (arg.startsWith("--sizes=")) sizes = arg.slice(8).split(",").map(parseSize);
    else if (arg === "--seed") seed = Number(value());
    else if (arg === "--write-results") writeResults = true;
    else if (arg === "--no-write-results") writeResults = false;
    else if (arg === "--quick" || arg === "--") continue;
    else {
      const example = defaults.sizes.map(sizeLabel).join(",");
      throw new Error(`${name}: unknown argument "${arg}" (use --sizes ${example}, --quick, --seed N, --[no-]write-results)`);
    }
  }
  return { sizes, quick, seed, writeResults };
}
