// Progress of kg's long steps (load, export, SPARQL engine load) on stderr: counts and rate, on a terminal or with --progress.
import { thousands } from "./format.ts";

let forced = false;

/** --progress: show progress also when stderr is not a terminal (a log, a pipe); set by each run of kg. */
export function setProgressForced(on: boolean): void {
  forced = on;
}

/**
 * Whether the stream is a terminal. kg sparql's stderr reaches the terminal through the process that watches it
 * (supervise.ts), which says so in KG_STDERR_TTY, so progress is drawn in place there too.
 */
function isTerminal(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true || (stream === process.stderr && process.env.KG_STDERR_TTY === "1");
}

/** Whether progress lines are written: stderr is a terminal, or --progress was given. */
export function showProgress(stream: NodeJS.WriteStream = process.stderr): boolean {
  return forced || isTerminal(stream);
}

/** Shows progress on stderr for a step that takes over a second, updated in place on a terminal. */
export class Progress {
  private readonly started = Date.now();
  private readonly enabled: boolean;
  private shown = false;
  private lastLine = "";
  private lastWrite = 0;

  // KG_PROGRESS_DELAY_MS lowers the one-second threshold (0 shows progress for any step, as the tests do).
  constructor(private readonly stream: NodeJS.WriteStream = process.stderr, private readonly delayMs = progressDelayMs()) {
    this.enabled = showProgress(stream);
  }

  update(line: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < this.delayMs || line === this.lastLine) return;
    // In place on a terminal, a few times a second; in a log, a line a second at most.
    if (now - this.lastWrite < (isTerminal(this.stream) ? 100 : 1000)) return;
    this.shown = true;
    this.lastLine = line;
    this.lastWrite = now;
    if (isTerminal(this.stream)) this.stream.write(`\r\x1b[K${line}`);
    else this.stream.write(`${line}\n`);
  }

  /** Ends the progress line with a summary, when progress was shown at all. */
  done(summary: string): void {
    if (!this.shown) return;
    if (isTerminal(this.stream)) this.stream.write(`\r\x1b[K${summary}\n`);
    else this.stream.write(`${summary}\n`);
  }

  /** " (12,345 quads/s)" since the start, or "" in the first tenth of a second. */
  rate(count: number, unit: string): string {
    const seconds = this.elapsedSeconds;
    return seconds < 0.1 ? "" : ` (${thousands(Math.round(count / seconds))} ${unit}/s)`;
  }

  get elapsedSeconds(): number {
    return (Date.now() - this.started) / 1000;
  }
}

function progressDelayMs(): number {
  const delay = Number(process.env.KG_PROGRESS_DELAY_MS ?? 1000);
  return Number.isFinite(delay) ? delay : 1000;
}
