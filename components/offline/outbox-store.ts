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

/**
 * Read back only what this code could have written: the browser's database
 * outlives a version of Trio (or is edited by hand), and one entry of another
 * shape must not break every page that shows the outbox.
 */
function wellFormed(stored: Stored): boolean {
  const entry = stored as Partial<Stored> & Record<string, unknown>;
  if (typeof entry.clientId !== "string" || typeof entry.order !== "number" || typeof entry.jobId !== "string") {
    return false;
  }
  if (typeof entry.createdAt !== "string" || Number.isNaN(Date.parse(entry.createdAt))) return false;
  switch (entry.kind) {
    case "message":
      return typeof entry.body === "string";
    case "step":
      return typeof entry.to === "string" && typeof entry.details === "object" && entry.details !== null;
    case "photo":
      return entry.blob instanceof Blob && typeof entry.caption === "string";
    default:
      return false;
  }
}

const mine = (stored: Stored[], author: string) =>
  stored.filter((s) => s.author === author && wellFormed(s)).sort(byOrder);

function byJob(stored: Stored[], author: string): Map<string, PendingEntry[]> {
  const jobs = new Map<string, PendingEntry[]>();
  for (const entry of mine(stored, author)) {
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
    load: async (jobId, author) => mine(await db.getAllFromIndex("outbox", "byJob", jobId), author).map(strip),
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
      mine(
        [...kept.values()].filter((s) => s.jobId === jobId),
        author,
      ).map(strip),
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

/** Whose entries they are, as stored: a staff member by their id, a homeowner (one per job) by their name. */
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
