// Informational messages go by themselves after a reading time, held while the pointer or the keyboard is on them.

/** Time to read a message: 4 s, plus 40 ms a character, at most 12 s. */
export function readingTime(message: string): number {
  return Math.min(12_000, 4_000 + 40 * message.length);
}

export interface AutoDismiss {
  /** (Re)starts the countdown: `hide` runs after `ms` unless the message is hovered or focused then. */
  start(ms: number): void;
  stop(): void;
  kill(): void;
}

/**
 * Hides `element` (by `hide`) `ms` after `start`. While the pointer is over it or focus is inside it the countdown
 * waits, and starts afresh when they leave: a reader is never cut short (WCAG 2.2.1, timing adjustable).
 */
export function autoDismiss(element: HTMLElement, hide: () => void): AutoDismiss {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let duration = 0;
  let held = 0;
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const arm = () => {
    stop();
    if (duration > 0 && held === 0) timer = setTimeout(() => ((duration = 0), hide()), duration);
  };
  const hold = () => ((held += 1), stop());
  const release = () => ((held = Math.max(0, held - 1)), arm());
  const events: [string, () => void][] = [["pointerenter", hold], ["pointerleave", release], ["focusin", hold], ["focusout", release]];
  for (const [name, listener] of events) element.addEventListener(name, listener);
  return {
    start(ms) {
      duration = ms;
      arm();
    },
    stop() {
      duration = 0;
      stop();
    },
    kill() {
      stop();
      for (const [name, listener] of events) element.removeEventListener(name, listener);
    },
  };
}
