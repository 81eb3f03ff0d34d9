// The progress line while kg works with its local Virtuoso store: the step and its seconds, how far Virtuoso has read the file it loads, the checkpoint.
import { Progress } from "./progress.ts";
import type { OpenOptions } from "./virtuoso-store.ts";

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(0);

export class StoreProgress {
  readonly progress = new Progress();
  private step: string;
  private loading = "";
  private fileStarted = Date.now();
  private ticker: ReturnType<typeof setInterval> | undefined;

  /** `who` begins each line ("kg sparql", "kg store"). */
  constructor(private readonly who: string, step: string) {
    this.step = step;
  }

  /** Shows the step (or a new one) with the seconds since the first start, until stop(). */
  start(step?: string): void {
    if (step) this.step = step;
    this.ticker ??= setInterval(() => this.progress.update(`${this.who}: ${this.step}: ${this.progress.elapsedSeconds.toFixed(0)} s…`), 250);
  }

  stop(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  /** openStore's callbacks that move the step along while Virtuoso loads. */
  readonly loadSteps: Pick<OpenOptions, "onFile" | "onRead" | "onCheckpoint"> = {
    onFile: (file) => {
      this.step = this.loading = `Virtuoso is loading ${file}`;
      this.fileStarted = Date.now();
    },
    onRead: (read, bytes) => {
      const rate = read / 1e6 / Math.max(0.001, (Date.now() - this.fileStarted) / 1000);
      this.step = `${this.loading}: ${megabytes(read)} of ${megabytes(bytes)} MB read (${Math.floor((100 * read) / bytes)} %, ${rate.toFixed(1)} MB/s)`;
    },
    onCheckpoint: () => (this.step = "Virtuoso is writing the loaded store to disk"),
  };
}
