// Named sessions kept in the browser (IndexedDB): each a serialized session file, plus which one is current.

const DB_NAME = "smartcity-kg";
const DB_VERSION = 1;
const SESSIONS = "sessions";
const META = "meta";
const CURRENT_KEY = "current";

/** One saved session: its id, the name the analyst gave it, when it was saved, and the session file's text. */
export interface StoredSession {
  id: string;
  name: string;
  savedAt: string;
  text: string;
}

export type StoredSessionInfo = Omit<StoredSession, "text">;

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
        };
        req.onsuccess = () => resolve(req.result);
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

  /** Stores a session and marks it current, in one transaction. */
  async put(session: StoredSession): Promise<void> {
    const db = await this.open();
    const tx = db.transaction([SESSIONS, META], "readwrite");
    tx.objectStore(SESSIONS).put(session);
    tx.objectStore(META).put(session.id, CURRENT_KEY);
    await done(tx);
  }

  async rename(id: string, name: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(SESSIONS, "readwrite");
    const store = tx.objectStore(SESSIONS);
    const found = await request(store.get(id) as IDBRequest<StoredSession | undefined>);
    if (found) store.put({ ...found, name });
    await done(tx);
  }

  async remove(id: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction([SESSIONS, META], "readwrite");
    tx.objectStore(SESSIONS).delete(id);
    const meta = tx.objectStore(META);
    const current = await request(meta.get(CURRENT_KEY) as IDBRequest<string | undefined>);
    if (current === id) meta.delete(CURRENT_KEY);
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

export function newSessionId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `s-${Date.now().toString(36)}-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
