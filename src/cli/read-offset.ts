// How far another process has read into a file, from Linux's /proc: progress for work kg hands to a server (Virtuoso's load).
import { readdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs";

/**
 * The read offset of the first descriptor process `pid` holds open on `file`, or undefined when it holds none (not
 * yet opened, closed again) or the system has no /proc (macOS, Windows): callers then show elapsed time only.
 */
export function fileReadOffset(pid: number, file: string): number | undefined {
  try {
    const target = realpathSync(file);
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      let link: string;
      try {
        link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue; // closed while the folder was read
      }
      if (link !== target) continue;
      const pos = /^pos:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, "utf8"))?.[1];
      if (pos !== undefined) return Number(pos);
    }
  } catch {
    return undefined;
  }
  return undefined;
}
