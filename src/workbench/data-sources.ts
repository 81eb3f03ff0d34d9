// The data now loaded as the session lists it (bundled files, the analyst's files, endpoint answers), with the files behind it.
import { describeHashedSource, type SessionSource } from "../session/format.ts";
import { sha256Hex } from "../session/sha256.ts";
import type { IncomingFile, LoadedFile } from "./protocol.ts";

/**
 * The session's sources for the data the worker holds, by SHA-256 and without their text, and the analyst's files
 * behind them as Blobs (the picked File, the copy IndexedDB keeps, or text a session file or an endpoint brought):
 * saves store the Blobs, session files read them, a restore hands them back to the worker. The page never holds a
 * loaded file's text. Blobs are kept for every file loaded in this page, not only the current ones, since opening a
 * session may have to put the previous data back.
 */
export class DataSources {
  private current: SessionSource[] = [];
  private readonly files = new Map<string, Blob>();
  /** Per endpoint source name, the N-Triples fetched so far in this page and their SHA-256. */
  private readonly endpointAnswers = new Map<string, { text: string; sha256: string }>();

  /** The sources of the data now loaded, in load order. */
  list(): SessionSource[] {
    return this.current;
  }

  /** A file loaded in this page, by the SHA-256 of its text. */
  fileOf(sha256: string): Blob | undefined {
    return this.files.get(sha256);
  }

  /**
   * The worker loaded `files` (hashed as `loaded`, in the same order), or the bundled data when `files` is empty;
   * with `replace` they replace the sources, else they are added.
   */
  loaded(loaded: readonly LoadedFile[], files: readonly IncomingFile[], replace: boolean): void {
    if (files.length === 0) {
      this.current = loaded.map((f) => describeHashedSource(f.name, f.sha256, "bundled", undefined, "turtle"));
      return;
    }
    const added = loaded.map((f, i) => {
      const file = files[i];
      if (!this.files.has(f.sha256)) this.files.set(f.sha256, file.file ?? new Blob([file.text ?? ""], { type: "text/plain;charset=utf-8" }));
      return describeHashedSource(f.name, f.sha256, "file", undefined, file.format);
    });
    this.current = replace ? added : [...this.current, ...added];
  }

  /**
   * Triples an endpoint answer added to the data. Why a source: the view holds their nodes, so a session restored
   * without them would lack its own nodes. One growing N-Triples source per endpoint, not one per answer, keeps
   * within a session's 32 sources; answers are bounded subgraphs (kilobytes), so the page holds and hashes them.
   */
  endpointAnswered(endpoint: string, ntriples: string): void {
    const name = `${endpoint} answers.nt`;
    // Earlier answers count only while their source is still part of the data (not after a load replaced it).
    const kept = this.endpointAnswers.get(name);
    const previous = kept && this.current.some((s) => s.sha256 === kept.sha256 && s.name === name) ? kept : undefined;
    const text = (previous?.text ?? "") + ntriples;
    const sha256 = sha256Hex(text);
    this.endpointAnswers.set(name, { text, sha256 });
    this.files.set(sha256, new Blob([text], { type: "application/n-triples" }));
    const source = describeHashedSource(name, sha256, "file", undefined, "ntriples");
    this.current = [...this.current.filter((s) => !(previous && s.sha256 === previous.sha256 && s.name === name)), source];
  }

  /**
   * What the worker is sent to load these sources' files (bundled ones aside): the carried text, else the Blob from
   * `kept` or this page. Each names the session's hash, which the worker checks as it parses.
   */
  incoming(sources: readonly SessionSource[], kept?: ReadonlyMap<string, Blob>): IncomingFile[] {
    return sources.flatMap((s, i): IncomingFile[] => {
      if (s.kind !== "file") return [];
      const expect = { sha256: s.sha256, at: `sources[${i}]` };
      if (s.content !== undefined) return [{ name: s.name, text: s.content, format: s.format, expect }];
      const file = kept?.get(s.sha256) ?? this.files.get(s.sha256);
      if (!file) throw new Error(`workbench: sources[${i}]: "${s.name}" has neither its text nor a kept copy.`);
      return [{ name: s.name, file, format: s.format, expect }];
    });
  }
}
