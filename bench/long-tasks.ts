// The longest main-thread task of a page, as the browser benches record it (one definition for bench:browser and sigma-compare).
import type { Page } from "playwright-core";

/** An init script recording the longest main-thread task from before the page's first script on (so the first view's tasks count too). */
export const OBSERVE_LONG_TASKS = `
  window.longest = 0;
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.longest = Math.max(window.longest, entry.duration);
      window.longTasks.push(entry.duration);
    }
  }).observe({ type: "longtask", buffered: true });
`;

/** The longest task recorded so far, in whole milliseconds. */
export const longest = (page: Page): Promise<number> =>
  page.evaluate(() => Math.round((window as unknown as { longest: number }).longest));

/** Every task over 50 ms since the list was last emptied (in order, whole milliseconds), and empties it. */
export const takeLongTasks = (page: Page): Promise<number[]> =>
  page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    const tasks = w.longTasks.map(Math.round);
    w.longTasks = [];
    return tasks;
  });
