// How much data the workbench's worker takes in one browser tab, and the clear refusal of a load that would pass it before the tab runs out of memory.

/*
 * Why a limit at all: the data worker shares the tab's V8 heap (4 GiB in Chrome, jsHeapSizeLimit) and a worker
 * that runs out of it takes the whole tab down (measured: no error event, the page crashes). The graph loaded
 * before stays in memory until the new one is ready, so that a failed load loses nothing: both count.
 * The numbers, measured with bench:browser on generated data (docs/scale.md): 20M triples (906 MB of Turtle)
 * load in a tab with the worker's heap peaking under 2 GiB. The limits keep a margin of half again over that.
 */

export interface LoadLimits {
  /** Triples held now plus triples read in this load (duplicates included, as parsed). */
  triples: number;
  /** Bytes of text held now (the files loaded) plus bytes of the files being loaded. */
  bytes: number;
}

export const LOAD_LIMITS: LoadLimits = { triples: 30_000_000, bytes: 1_500_000_000 };

/** Thrown while reading: the load stops, the graph before stays. */
export class LoadLimitExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LoadLimitExceeded";
  }
}

const n = (x: number) => x.toLocaleString("en");
const WHERE = "For larger graphs use kg, the command line, or a SPARQL endpoint (docs/scale.md).";

/**
 * Watches one load against the limits. `held` is what the worker holds now; `incomingBytes` the files' sizes,
 * refused at once when they alone would pass the byte limit.
 */
export class LoadGuard {
  private triples = 0;

  constructor(
    private readonly held: { triples: number; bytes: number },
    incomingBytes: number,
    private readonly limits: LoadLimits = LOAD_LIMITS,
  ) {
    if (held.bytes + incomingBytes > limits.bytes) {
      throw new LoadLimitExceeded(
        `workbench/data: the workbench holds at most ${n(limits.bytes)} bytes of RDF text in a browser tab; ` +
          `these files have ${n(incomingBytes)}${this.heldText("bytes", held.bytes)}. Nothing was loaded. ${WHERE}`,
      );
    }
  }

  /** Triples read so far in this load (all files). */
  read(triples: number): void {
    this.triples = triples;
  }

  /** Throws once the triples held and read pass the limit. */
  check(file: string): void {
    if (this.held.triples + this.triples <= this.limits.triples) return;
    throw new LoadLimitExceeded(
      `workbench/data: ${file}: stopped after ${n(this.triples)} triples: the workbench holds at most ` +
        `${n(this.limits.triples)} triples in a browser tab${this.heldText("triples", this.held.triples)}. ` +
        `Nothing was loaded; the graph before is unchanged. ${WHERE}`,
    );
  }

  private heldText(unit: string, held: number): string {
    return held > 0 ? `, counting the ${n(held)} ${unit} loaded now, which stay until new data is ready` : "";
  }
}

/** Lower limits from the page's address (`?maxTriples=N&maxBytes=N`), for trying the refusal on small files; never higher. */
export function loadLimitsFrom(search: string): LoadLimits {
  const params = new URLSearchParams(search);
  const lower = (name: string, limit: number) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 ? Math.min(value, limit) : limit;
  };
  return { triples: lower("maxTriples", LOAD_LIMITS.triples), bytes: lower("maxBytes", LOAD_LIMITS.bytes) };
}
