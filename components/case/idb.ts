// A minimal promise wrapper over IndexedDB for the outbox: two object stores, no library.
// "changes" keeps every unconfirmed change in the order it was made (auto-increment seq);
// "conflicts" keeps changes the server refused as conflicts until the user chooses.

import type { ChangeResult, StoredState } from "@/lib/answers/change";
import type { FlatFields } from "@/lib/flat-fields";

export interface QueuedChange {
  seq?: number;
  changeId: string;
  userId: string;
  caseId: string;
  /** The case's reference, to name it if the change is refused (absent from changes kept before it was recorded). */
  caseReference?: string;
  target: "answer" | "case";
  questionId?: string;
  baseVersion: number;
  from: FlatFields;
  to: FlatFields;
  createdAt: number;
  /** Set when the server refused the change (it stays here until sent again or discarded). */
  rejected?: { code: number; message: string };
}

export interface ConflictRecord {
  key: string;
  userId: string;
  caseId: string;
  target: "answer" | "case";
  questionId?: string;
  /** The values this browser wanted (every pending change for the same answer, latest last). */
  mine: FlatFields;
  theirs: StoredState;
  fields: string[];
}

export type AppliedResult = Extract<ChangeResult, { status: "applied" | "duplicate" }>;

const DB_NAME = "case-review";
const DB_VERSION = 1;

let opening: Promise<IDBDatabase> | null = null;

export function openOutboxDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains("changes")) {
        const changes = db.createObjectStore("changes", { keyPath: "seq", autoIncrement: true });
        changes.createIndex("changeId", "changeId", { unique: true });
      }
      if (!db.objectStoreNames.contains("conflicts")) db.createObjectStore("conflicts", { keyPath: "key" });
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error ?? new Error("IndexedDB could not be opened"));
    };
  });
  return opening;
}

type StoreName = "changes" | "conflicts";

/** Runs `work` in one transaction and resolves when it has committed (durable), not before. */
export async function inTransaction<T>(stores: StoreName[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => Promise<T> | T): Promise<T> {
  const db = await openOutboxDb();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(stores, mode, { durability: "strict" });
    let result: T;
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
    Promise.resolve(work(tx)).then(
      (value) => {
        result = value;
      },
      (error: unknown) => {
        tx.abort();
        reject(error);
      },
    );
  });
}

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}

/** Changes and conflicts on this device that have not reached the server yet (any user). */
export async function unsentChangeCount(): Promise<number> {
  return inTransaction(["changes", "conflicts"], "readonly", async (tx) => {
    const [changes, conflicts] = await Promise.all([request(tx.objectStore("changes").count()), request(tx.objectStore("conflicts").count())]);
    return changes + conflicts;
  });
}

/** Changes and conflicts other users left unsent on this device (kept for them). */
export async function unsentChangeCountOfOthers(userId: string): Promise<number> {
  return inTransaction(["changes", "conflicts"], "readonly", async (tx) => {
    const [changes, conflicts] = await Promise.all([
      request(tx.objectStore("changes").getAll() as IDBRequest<QueuedChange[]>),
      request(tx.objectStore("conflicts").getAll() as IDBRequest<ConflictRecord[]>),
    ]);
    return [...changes, ...conflicts].filter((c) => c.userId !== userId).length;
  });
}

/** Removes the outbox database; only call it when nothing is left unsent. */
export async function deleteOutboxDb(): Promise<void> {
  const db = await opening?.catch(() => null);
  db?.close();
  opening = null;
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error("IndexedDB could not be deleted"));
    req.onblocked = () => resolve(); // another tab holds it open; it closes on versionchange
  });
}
