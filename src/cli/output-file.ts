// Writes a command's -o file all or nothing (a temporary file renamed over it), and says in one line why it could not.
import { randomBytes } from "node:crypto";
import { chmod, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { warn } from "./command.ts";

/** Why a write failed, by the system's error code; the exit code is 2 for a path to fix, 1 for the machine. */
const reasons: Record<string, [string, number]> = {
  EISDIR: ["it is a folder", 2],
  ENOENT: ["its folder does not exist", 2],
  ENOTDIR: ["a part of the path is not a folder", 2],
  EACCES: ["permission denied", 2],
  EPERM: ["permission denied", 2],
  EROFS: ["the file system is read-only", 2],
  ENAMETOOLONG: ["the name is too long", 2],
  ENOSPC: ["no space left on the device", 1],
  EDQUOT: ["the disk quota is used up", 1],
  EFBIG: ["the file would be larger than this process may write", 1],
  EIO: ["an input/output error", 1],
};

/**
 * Writes `text` (whole, or in pieces: written as they come) to `path`: into a temporary file beside it, then renamed over it, so a failed write leaves an
 * existing file as it was. Something that exists but is not a regular file (/dev/stdout, a pipe) is written
 * directly. Returns 0, or prints `who: cannot write "path": reason` and returns the exit code.
 */
export async function writeOutput(path: string, text: string | Iterable<string> | AsyncIterable<string>, who: string): Promise<number> {
  let target = path;
  let existing: Awaited<ReturnType<typeof stat>> | undefined;
  let temporary: string | undefined;
  try {
    existing = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (existing?.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    if (existing !== undefined && !existing.isFile()) {
      await writeFile(path, text);
      return 0;
    }
    // Through a symbolic link to the file it names, so the link stays a link.
    if (existing !== undefined) target = await realpath(path);
    temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      await writeFile(temporary, text, { flag: "wx", mode: existing ? existing.mode & 0o7777 : 0o666 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (existing === undefined || (code !== "EACCES" && code !== "EPERM")) throw error;
      // A folder only the file in it may be written to: in place, as the only way left.
      temporary = undefined;
      await writeFile(target, text);
      return 0;
    }
    if (existing !== undefined) await chmod(temporary, existing.mode & 0o7777);
    await rename(temporary, target);
    temporary = undefined;
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    // Not the file system's: the text itself failed (a writer refusing a term); the caller reports that.
    if (code === "") throw error;
    const [reason, exitCode] = reasons[code] ?? [`${(error as Error).message}`, 1];
    const kept = existing?.isFile() ? `; ${JSON.stringify(path)} is unchanged` : "";
    warn(`${who}: cannot write ${JSON.stringify(path)}: ${reason}${code && reasons[code] ? ` (${code})` : ""}${kept}`);
    return exitCode;
  } finally {
    if (temporary !== undefined) await rm(temporary, { force: true }).catch(() => undefined);
  }
}
