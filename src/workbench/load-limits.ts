// How much data the workbench's worker takes in one browser tab, and the clear refusal of a load that would pass it before the tab runs out of memory.

/*
 * Why limits at all: the data worker shares the tab's V8 heap (4 GiB in Chrome, jsHeapSizeLimit) and a worker
 * that runs out of it takes the whole tab down (measured: no error event, the page crashes). The graph loaded
 * before stays in memory until the new one is ready, so that a failed load loses nothing: both count.
 * What the heap keeps is mostly the text of the distinct terms (IRIs, literals), 1 or 2 bytes a character; the
 * Dataset's quads and indexes are typed arrays outside it, but still the tab's memory. Measured with bench:browser
 * on generated data (docs/scale.md): 20M triples (906 MB of Turtle, about 0.38 G characters of terms) load with the
 * worker's heap peaking at 0.76 GiB and the tab at 3.9 GiB resident. The triple limit keeps half again over that;
 * the characters limit keeps the terms' text (up to 2 GiB) and the rest inside the 4 GiB heap, whatever the data.
 */

export interface LoadLimits {
  /** Triples held now plus triples read in this load (duplicates included, as parsed). */
  triples: number;
  /** Characters of the distinct terms (IRIs, literals) held now and read in this load. */
  termChars: number;
}

export const LOAD_LIMITS: LoadLimits = { triples: 30_000_000, termChars: 1_000_000_000 };

/** Thrown while reading: the load stops, the graph before stays. */
export class LoadLimitExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LoadLimitExceeded";
  }
}

const n = (x: number) => x.toLocaleString("en");
const AFTER = "Nothing was loaded; the graph before is unchanged. For larger graphs use kg, the command line, or a SPARQL endpoint (docs/scale.md).";

/** Watches one load against the limits; `held` is what the worker keeps meanwhile (terms: only when not in the new dataset's own count). */
export class LoadGuard {
  private triples = 0;
  private termChars = 0;

  constructor(
    private readonly held: { triples: number; termChars: number },
    private readonly limits: LoadLimits = LOAD_LIMITS,
  ) {}

  /** Triples read so far in this load (all files), and the characters of the new dataset's terms. */
  read(triples: number, termChars: number): void {
    this.triples = triples;
    this.termChars = termChars;
  }

  /** Throws once what is held and read passes a limit. */
  check(file: string): void {
    const { held, limits } = this;
    const stopped = `workbench/data: ${file}: stopped after ${n(this.triples)} triples: the workbench holds at most`;
    if (held.triples + this.triples > limits.triples) {
      throw new LoadLimitExceeded(`${stopped} ${n(limits.triples)} triples in a browser tab${heldText(held.triples, "triples")}. ${AFTER}`);
    }
    if (held.termChars + this.termChars > limits.termChars) {
      throw new LoadLimitExceeded(
        `${stopped} ${n(limits.termChars)} characters of distinct IRIs and literals in a browser tab (its memory for text)${heldText(held.termChars, "characters")}. ${AFTER}`,
      );
    }
  }
}

function heldText(held: number, unit: string): string {
  return held > 0 ? `, counting the ${n(held)} ${unit} loaded now, which stay until new data is ready` : "";
}

/** Lower limits from the page's address (`?maxTriples=N&maxTermChars=N`), for trying the refusal on small files; never higher. */
export function loadLimitsFrom(search: string): LoadLimits {
  const params = new URLSearchParams(search);
  const lower = (name: string, limit: number) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 ? Math.min(value, limit) : limit;
  };
  return { triples: lower("maxTriples", LOAD_LIMITS.triples), termChars: lower("maxTermChars", LOAD_LIMITS.termChars) };
}
