"use client";

// Where what a person sent (messages, status taps, photos) but the server has not confirmed waits: IndexedDB
// (through idb, a small well-kept wrapper), so it survives closing and
// reloading the page and goes out when the line comes back. A browser without
// IndexedDB (some private modes) keeps it in memory, and the page says so.
import { type DBSchema, openDB } from "idb";
import type { JobStatusName } from "@/lib/jobs/schemas.ts";
import type { VisibilityName } from "@/lib/messages/schemas.ts";

/**
 * sending: on the wire; waiting: goes out by itself when it can; limited: the
 * server asked us to slow down, goes out by itself at `retryAt`; failed:
 * refused or can no longer go out, needs the person.
 */
export type OutboxState = "sending" | "waiting" | "limited" | "failed";

type Queued = {
  clientId: string;
  createdAt: string;
  /** Send order, across reloads. */
  order: number;
  state: OutboxState;
  error?: string;
  /** With `limited`: when it goes out again (ms since the epoch). */
  retryAt?: number;
};

/** What some status steps carry: the work summary with "Job complete", the reason for a step back, an ETA. */
export type TransitionDetails = { summary?: string; reason?: string; eta?: string };

export type PendingMessage = Queued & { kind: "message"; body: string; visibility: VisibilityName };
/** A status tap ("I'm on my way") made while the line was down, or not yet answered. */
export type PendingStep = Queued & { kind: "step"; to: JobStatusName; details: TransitionDetails };
/** A photo (already shrunk on the phone) with its caption: kept as a Blob, sent over HTTP. */
export type PendingPhoto = Queued & { kind: "photo"; blob: Blob; caption: string; visibility: VisibilityName };
export type PendingEntry = PendingMessage | PendingStep | PendingPhoto;

/** As stored: whose it is and for which job, so one person's waiting entries never go out as another's. */
type Stored = PendingEntry & { jobId: string; author: string };

export type OutboxStore = {
  /** false: kept in this page's memory only (no IndexedDB here). */
  persistent: boolean;
  load(jobId: string, author: string): Promise<PendingEntry[]>;
  /** Everything one person left waiting, job by job (for jobs they may no longer open). */
  loadAll(author: string): Promise<Map<string, PendingEntry[]>>;
  put(jobId: string, author: string, entry: PendingEntry): Promise<void>;
  remove(clientId: string): Promise<void>;
  /** How many entries wait in this browser, everyone's (signing out asks first). */
  count(): Promise<number>;
  /** Forgets every waiting entry of this browser (signing out). */
  clear(): Promise<void>;
};

interface OutboxSchema extends DBSchema {
  outbox: { key: string; value: Stored; indexes: { byJob: string } };
}

const byOrder = (a: PendingEntry, b: PendingEntry) => a.order - b.order;
const strip = ({ jobId: _job, author: _author, ...entry }: Stored): PendingEntry => entry as PendingEntry;

function byJob(stored: Stored[], author: string): Map<string, PendingEntry[]> {
  const jobs = new Map<string, PendingEntry[]>();
  for (const entry of stored.filter((s) => s.author === author).sort(byOrder)) {
    jobs.set(entry.jobId, [...(jobs.get(entry.jobId) ?? []), strip(entry)]);
  }
  return jobs;
}

async function openIndexedDb(): Promise<OutboxStore> {
  const db = await openDB<OutboxSchema>("trio-outbox", 1, {
    upgrade(database) {
      database.createObjectStore("outbox", { keyPath: "clientId" }).createIndex("byJob", "jobId");
    },
  });
  return {
    persistent: true,
    load: async (jobId, author) =>
      (await db.getAllFromIndex("outbox", "byJob", jobId))
        .filter((stored) => stored.author === author)
        .map(strip)
        .sort(byOrder),
    loadAll: async (author) => byJob(await db.getAll("outbox"), author),
    put: async (jobId, author, entry) => {
      await db.put("outbox", { ...entry, jobId, author });
    },
    remove: (clientId) => db.delete("outbox", clientId),
    count: () => db.count("outbox"),
    clear: () => db.clear("outbox"),
  };
}

function memoryStore(): OutboxStore {
  const kept = new Map<string, Stored>();
  return {
    persistent: false,
    load: async (jobId, author) =>
      [...kept.values()]
        .filter((s) => s.jobId === jobId && s.author === author)
        .map(strip)
        .sort(byOrder),
    loadAll: async (author) => byJob([...kept.values()], author),
    put: async (jobId, author, entry) => {
      kept.set(entry.clientId, { ...entry, jobId, author });
    },
    remove: async (clientId) => {
      kept.delete(clientId);
    },
    count: async () => kept.size,
    clear: async () => kept.clear(),
  };
}

/** Whose entries they are, as stored: a staff member by their id, a homeowner (one per job) by their role. */
export const outboxAuthor = (role: string, id: string) => `${role}:${id}`;

let store: Promise<OutboxStore> | null = null;

/** The browser's one outbox: IndexedDB where it opens, memory otherwise. */
export function getOutboxStore(): Promise<OutboxStore> {
  store ??= (typeof indexedDB === "undefined" ? Promise.reject(new Error("no IndexedDB")) : openIndexedDb()).catch(() =>
    memoryStore(),
  );
  return store;
}

let lastOrder = 0;
/** Increasing within a page and across reloads (the clock moves on). */
export function nextOrder(): number {
  lastOrder = Math.max(Date.now(), lastOrder + 1);
  return lastOrder;
}
