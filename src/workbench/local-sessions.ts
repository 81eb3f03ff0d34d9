// Named sessions kept in the browser (IndexedDB): each a serialized session file, which one is current, and the loaded files, once each.

const DB_NAME = "smartcity-kg";
/** 1: sessions and meta. 2: adds `sources` (the upgrade keeps both stores and their data). */
const DB_VERSION = 2;
const SESSIONS = "sessions";
const META = "meta";
/**
 * SHA-256 (hex) → a file the analyst loaded, kept once however many sessions and saves use it: a Blob (older saves
 * hold its text as a string). Why a Blob: the page hands IndexedDB a handle, not megabytes of string to copy.
 */
const SOURCES = "sources";
const CURRENT_KEY = "current";

/**
 * One saved session: its id, the name the analyst gave it, when it was saved, and the session file's text. Since
 * version 2 that text leaves out the content of loaded files; `sources` lists their SHA-256, under which `SOURCES`
 * keeps them. Sessions saved by version 1 carry their content inline and have no `sources`.
 */
export interface StoredSession {
  id: string;
  name: string;
  savedAt: string;
  text: string;
  sources?: string[];
}

export type StoredSessionInfo = Omit<StoredSession, "text" | "sources">;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("workbench/sessions: IndexedDB request failed."));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error("workbench/sessions: IndexedDB transaction failed."));
    tx.onabort = () => reject(tx.error ?? new Error("workbench/sessions: IndexedDB transaction aborted."));
  });
}

/** The sessions database; every write is one transaction, so a crash leaves the last completed autosave. */
export class LocalSessions {
  private db: Promise<IDBDatabase> | null = null;

  private open(): Promise<IDBDatabase> {
    if (!this.db) {
      this.db = new Promise((resolve, reject) => {
        if (typeof indexedDB === "undefined") {
          reject(new Error("workbench/sessions: this browser keeps no local data (IndexedDB is unavailable); use Save session."));
          return;
        }
        const req = indexedDB.open(DB_NAME, DB_VERSION);
        req.onupgradeneeded = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(SESSIONS)) db.createObjectStore(SESSIONS, { keyPath: "id" });
          if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
          if (!db.objectStoreNames.contains(SOURCES)) db.createObjectStore(SOURCES);
        };
        req.onsuccess = () => {
          const db = req.result;
          // A newer page (another tab after an update) wants to upgrade: let it, this page reopens on its next write.
          db.onversionchange = () => {
            db.close();
            this.db = null;
          };
          resolve(db);
        };
        req.onerror = () => reject(req.error ?? new Error("workbench/sessions: cannot open IndexedDB."));
        req.onblocked = () => reject(new Error("workbench/sessions: IndexedDB is blocked by another tab; close it and reload."));
      });
    }
    return this.db;
  }

  async list(): Promise<StoredSessionInfo[]> {
    const db = await this.open();
    const all = await request(db.transaction(SESSIONS).objectStore(SESSIONS).getAll() as IDBRequest<StoredSession[]>);
    return all.map(({ id, name, savedAt }) => ({ id, name, savedAt })).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async get(id: string): Promise<StoredSession | null> {
    const db = await this.open();
    return (await request(db.transaction(SESSIONS).objectStore(SESSIONS).get(id) as IDBRequest<StoredSession | undefined>)) ?? null;
  }

  /**
   * Stores a session, the files it refers to that are not kept yet (`files` is asked only for those), and marks it
   * current, in one transaction: a crash never leaves a session whose files are missing. When the session's list
   * of files changed (data replaced), files no session refers to any more are deleted in the same transaction.
   */
  async put(session: StoredSession, files: (sha256: string) => Blob | undefined = () => undefined): Promise<void> {
    const db = await this.open();
    const tx = db.transaction([SESSIONS, META, SOURCES], "readwrite");
    const sessions = tx.objectStore(SESSIONS);
    const sources = tx.objectStore(SOURCES);
    const refs = session.sources ?? [];
    const [previous, kept] = await Promise.all([
      request(sessions.get(session.id) as IDBRequest<StoredSession | undefined>),
      Promise.all(refs.map((sha256) => request(sources.getKey(sha256)))),
    ]);
    const missing = refs.filter((sha256, i) => kept[i] === undefined && files(sha256) === undefined);
    if (missing.length) {
      tx.abort();
      throw new Error(`workbench/sessions: the text of source ${missing[0].slice(0, 12)}… is neither kept nor at hand; save the session as a file.`);
    }
    refs.forEach((sha256, i) => kept[i] === undefined && sources.put(files(sha256), sha256));
    sessions.put(session);
    tx.objectStore(META).put(session.id, CURRENT_KEY);
    const before = previous?.sources ?? [];
    if (before.some((sha256) => !refs.includes(sha256))) await deleteUnreferenced(sessions, sources);
    await done(tx);
  }

  /** The kept files of these SHA-256 (undefined where one is not kept); a text kept by an older save comes back as a Blob. */
  async files(hashes: readonly string[]): Promise<(Blob | undefined)[]> {
    if (hashes.length === 0) return [];
    const db = await this.open();
    const store = db.transaction(SOURCES).objectStore(SOURCES);
    const kept = await Promise.all(hashes.map((sha256) => request(store.get(sha256) as IDBRequest<Blob | string | undefined>)));
    return kept.map((file) => (typeof file === "string" ? new Blob([file], { type: "text/plain;charset=utf-8" }) : file));
  }

  async rename(id: string, name: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(SESSIONS, "readwrite");
    const store = tx.objectStore(SESSIONS);
    const found = await request(store.get(id) as IDBRequest<StoredSession | undefined>);
    if (found) store.put({ ...found, name });
    await done(tx);
  }

  /** Deletes a session and the files no other session refers to. */
  async remove(id: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction([SESSIONS, META, SOURCES], "readwrite");
    tx.objectStore(SESSIONS).delete(id);
    const meta = tx.objectStore(META);
    const current = await request(meta.get(CURRENT_KEY) as IDBRequest<string | undefined>);
    if (current === id) meta.delete(CURRENT_KEY);
    await deleteUnreferenced(tx.objectStore(SESSIONS), tx.objectStore(SOURCES));
    await done(tx);
  }

  async currentId(): Promise<string | null> {
    const db = await this.open();
    return (await request(db.transaction(META).objectStore(META).get(CURRENT_KEY) as IDBRequest<string | undefined>)) ?? null;
  }

  async setCurrent(id: string | null): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(META, "readwrite");
    if (id === null) tx.objectStore(META).delete(CURRENT_KEY);
    else tx.objectStore(META).put(id, CURRENT_KEY);
    await done(tx);
  }

  close(): void {
    void this.db?.then((db) => db.close()).catch(() => undefined);
    this.db = null;
  }
}

/** Deletes the kept files that no stored session lists (inside the caller's read-write transaction). */
async function deleteUnreferenced(sessions: IDBObjectStore, sources: IDBObjectStore): Promise<void> {
  const [all, keys] = await Promise.all([request(sessions.getAll() as IDBRequest<StoredSession[]>), request(sources.getAllKeys())]);
  const used = new Set(all.flatMap((session) => session.sources ?? []));
  for (const key of keys) if (typeof key === "string" && !used.has(key)) sources.delete(key);
}

export function newSessionId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `s-${Date.now().toString(36)}-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
