// Keeps the data's authored.ttl equal to the additions the session's step lists: rebuilt on an addition, undo, redo and travel.
import { allEntries, type History } from "../session/history.ts";
import type { AuthoredRef } from "../session/authored.ts";
import { describeHashedSource, type SessionSource } from "../session/format.ts";
import { sha256Hex } from "../session/sha256.ts";
import type { SessionState, SessionStore } from "../session/index.ts";
import type { DataSources } from "./data-sources.ts";

/** The one data file that holds the analyst's additions. */
export const MERGED_FILE = "authored.ttl";

export interface AuthoredDataHost {
  store: SessionStore;
  dataSources: DataSources;
  /** The additions' Turtle texts as one Turtle text (the data worker merges them). */
  merge(texts: string[]): Promise<string>;
  /** Replaces the data with these sources (bundled, then files), as opening a session does. */
  loadSources(sources: readonly SessionSource[], kept?: ReadonlyMap<string, Blob>): Promise<void>;
  /** The session's History (with each addition's Turtle in its step), once the session is attached. */
  history(): History | null;
}

/** What a loaded authored.ttl holds: additions by hash, after a file from before additions were steps (`base`). */
interface Composition {
  base?: string;
  refs: string[];
}

/**
 * Why a full reload and not adding or dropping triples: edge keys (`e<id>`) number the data's edges subject by subject,
 * so the same sources loaded the same way give the same keys; the snapshots undo returns to name edges by those keys.
 */
export class AuthoredData {
  /** Each addition's Turtle by SHA-256, as made or read in this page. */
  private readonly texts = new Map<string, string>();
  private readonly compositions = new Map<string, Composition>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: AuthoredDataHost) {}

  remember(sha256: string, turtle: string): void {
    this.texts.set(sha256, turtle);
  }

  /**
   * Makes the data hold exactly these additions (a reload when it does not yet); one change at a time. `shown`: the
   * additions of the state the data was loaded for, when this page did not build its authored.ttl (a session opened).
   */
  setAdditions(target: readonly AuthoredRef[], shown: readonly AuthoredRef[] = this.host.store.get().authored ?? []): Promise<boolean> {
    const run = this.queue.then(() => this.apply(target.map((a) => a.sha256), shown.map((a) => a.sha256)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Before a step's snapshot is drawn (undo, redo, a step clicked in History): the data gets that step's additions,
   * and the store that step's state (a reload resets the query results the step shows).
   */
  async sync(state: SessionState): Promise<void> {
    // A session just opened was loaded for the state it shows.
    if (await this.setAdditions(state.authored ?? [], state.authored ?? [])) this.host.store.apply(() => state);
  }

  private textOf(sha256: string): string | undefined {
    const known = this.texts.get(sha256);
    if (known !== undefined) return known;
    const history = this.host.history();
    for (const entry of history ? allEntries(history) : []) {
      const turtle = entry.action.kind === "author" && entry.action.params.sha256 === sha256 ? entry.recorded?.turtle : undefined;
      // A session file's Turtle is taken only when it is the text the step names.
      if (turtle !== undefined && sha256Hex(turtle) === sha256) {
        this.texts.set(sha256, turtle);
        return turtle;
      }
    }
    return undefined;
  }

  private async apply(target: string[], shown: string[]): Promise<boolean> {
    const { dataSources } = this.host;
    const current = dataSources.list();
    const at = current.findIndex((s) => s.kind === "file" && s.name === MERGED_FILE);
    const managed = at >= 0 ? current[at] : undefined;
    let now = managed ? this.compositions.get(managed.sha256) : { refs: [] };
    if (!now) {
      // Loaded from a session file or an autosave, for the step shown: it holds that step's additions; a file from
      // before additions were steps holds them without naming them (kept as they are, as its base).
      now = shown.length ? { refs: shown } : { base: managed!.sha256, refs: [] };
      this.compositions.set(managed!.sha256, now);
    }
    if (now.refs.length === target.length && now.refs.every((sha, i) => sha === target[i])) return false;
    const texts: string[] = [];
    if (now.base) texts.push(await this.baseText(now.base));
    for (const sha of target) {
      const text = this.textOf(sha);
      if (text === undefined) throw new Error(`The Turtle of an addition (SHA-256 ${sha.slice(0, 12)}…) is not in this session, so it cannot be put back.`);
      texts.push(text);
    }
    const sources = current.filter((s) => s !== managed);
    const kept = new Map<string, Blob>();
    if (texts.length) {
      const merged = await this.host.merge(texts);
      const sha256 = sha256Hex(merged);
      kept.set(sha256, new Blob([merged], { type: "text/turtle;charset=utf-8" }));
      this.compositions.set(sha256, { base: now.base, refs: target });
      // In the same place, so the other files load in the same order as before.
      sources.splice(at >= 0 ? at : sources.length, 0, describeHashedSource(MERGED_FILE, sha256, "file", undefined, "turtle"));
    }
    await this.host.loadSources(sources, kept);
    return true;
  }

  private async baseText(sha256: string): Promise<string> {
    const blob = this.host.dataSources.fileOf(sha256);
    if (!blob) throw new Error(`The text of ${MERGED_FILE} (SHA-256 ${sha256.slice(0, 12)}…) is not at hand; open the session file again.`);
    return blob.text();
  }
}
