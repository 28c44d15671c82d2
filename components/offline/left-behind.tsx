"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import type { ThreadPage } from "@/lib/messages/list-messages.ts";
import { PendingBubble } from "../thread/pending-bubble.tsx";
import { getOutboxStore, type PendingEntry } from "./outbox-store.ts";

type Props = {
  /** Whose entries: as the thread stores them (`role:userId`). */
  author: string;
  /** The jobs on the list now: their entries show, and go out, in their own threads. */
  listed: string[];
};

/** A job with entries left on this phone: `job` null when the technician may no longer open it. */
type Left = { jobId: string; entries: PendingEntry[]; job: ThreadPage["job"] | null };

const NO_LONGER_YOURS = "The office took this job off your list before it went out.";

/** Asks the server whether the job can still be opened (and what it is); undefined when it can't tell (offline). */
async function lookUp(jobId: string): Promise<ThreadPage["job"] | null | undefined> {
  const response = await fetch(`/api/jobs/${jobId}/messages?afterSeq=2147483647`, { cache: "no-store" }).catch(
    () => null,
  );
  if (response?.status === 404) return null;
  if (!response?.ok) return undefined;
  const body = (await response.json().catch(() => null)) as { data?: ThreadPage } | null;
  return body?.data?.job;
}

/**
 * What this phone still holds unsent for jobs that are not on the technician's
 * list: a job the office took back or gave to someone else while the phone was
 * offline (its page is gone, so its thread can't show them), or a closed one.
 * Shown on the list, so nothing waits unseen: the words can be read, told to
 * the office another way, and discarded.
 */
export function LeftBehind({ author, listed }: Props) {
  const [left, setLeft] = useState<Left[]>([]);
  const listedKey = listed.join(",");

  const look = useCallback(async () => {
    const store = await getOutboxStore();
    const onList = new Set(listedKey.split(","));
    const found: Left[] = [];
    for (const [jobId, entries] of await store.loadAll(author)) {
      if (onList.has(jobId)) continue;
      const job = await lookUp(jobId);
      if (job !== undefined) found.push({ jobId, entries, job });
    }
    setLeft(found);
  }, [author, listedKey]);

  useEffect(() => {
    void look();
  }, [look]);

  const discard = async (clientIds: string[]) => {
    const store = await getOutboxStore();
    for (const clientId of clientIds) await store.remove(clientId);
    await look();
  };

  if (left.length === 0) return null;
  return (
    <section aria-labelledby="left-behind" className="mx-3 mt-3 rounded-2xl border border-amber-300 bg-amber-50 p-4">
      <h2 id="left-behind" className="text-lg font-semibold text-amber-950">
        Not sent from this phone
      </h2>
      {left.map(({ jobId, entries, job }) =>
        job ? (
          <p key={jobId} className="mt-2 text-base text-slate-900">
            {entries.length === 1 ? "1 entry waits" : `${entries.length} entries wait`} in{" "}
            <Link href={`/jobs/${jobId}`} className="font-semibold text-blue-800 underline">
              Job #{job.number} · {job.customer.name}
            </Link>
            . Open it to send {entries.length === 1 ? "it" : "them"}.
          </p>
        ) : (
          <div key={jobId} className="mt-2">
            <p className="text-base text-slate-900">
              The office took a job off your list before these went out, so nobody has seen them. Tell the office
              another way if they still matter.
            </p>
            <ol aria-label="Not sent">
              {entries.map((entry) => (
                <PendingBubble
                  key={entry.clientId}
                  message={{ ...entry, state: "failed", error: NO_LONGER_YOURS }}
                  onDiscard={() => void discard([entry.clientId])}
                />
              ))}
            </ol>
            {entries.length > 1 && (
              <button
                type="button"
                onClick={() => void discard(entries.map((entry) => entry.clientId))}
                className="mt-1 min-h-11 rounded-xl border border-slate-400 bg-white px-4 text-base text-slate-900 hover:bg-slate-100"
              >
                Discard all {entries.length}
              </button>
            )}
          </div>
        ),
      )}
    </section>
  );
}
