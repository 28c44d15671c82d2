"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { formatDayTime } from "@/lib/format/dates.ts";
import type { ThreadPage } from "@/lib/messages/list-messages.ts";
import { getSocket } from "../realtime/socket.ts";
import { PendingBubble } from "../thread/pending-bubble.tsx";
import { writingStopped } from "../thread/writing-stopped.ts";
import { getOutboxStore, outboxAuthor, type PendingEntry } from "./outbox-store.ts";

type Props = {
  userId: string;
  /** The jobs on the list now: their entries show, and go out, in their own threads. */
  listed: string[];
  timeZone: string;
};

/**
 * A job with entries left on this phone. `stopped`: why they can't go out (the
 * job can't be opened any more, or can't be written in); null: they will, from
 * the job's page.
 */
type Left = { jobId: string; entries: PendingEntry[]; job: ThreadPage["job"] | null; stopped: string | null };

const NO_LONGER_YOURS = "The office took this job off your list before it went out.";

/** Asks the server whether the job can still be opened (and what it is); undefined when it can't tell (offline). */
async function lookUp(jobId: string): Promise<ThreadPage["job"] | null | undefined> {
  const url = `/api/jobs/${encodeURIComponent(jobId)}/messages?afterSeq=2147483647`;
  const response = await fetch(url, { cache: "no-store" }).catch(() => null);
  if (response?.status === 404) return null;
  if (!response?.ok) return undefined;
  const body = (await response.json().catch(() => null)) as { data?: ThreadPage } | null;
  return body?.data?.job;
}

/**
 * What this phone still holds unsent for jobs that are not on the technician's
 * list: a job the office took back or gave to someone else while the phone was
 * offline (its page is gone, so its thread can't show them), canceled, or
 * closed. Shown on the list, so nothing waits unseen: what can't go out any
 * more can be read, told to the office another way, and discarded. Looked at
 * again whenever the list changes and whenever the line comes back.
 */
export function LeftBehind({ userId, listed, timeZone }: Props) {
  const [left, setLeft] = useState<Left[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const listedKey = [...listed].sort().join(",");

  useEffect(() => {
    const author = outboxAuthor("TECHNICIAN", userId);
    const onList = new Set(listedKey.split(","));
    let latest = 0;
    const look = async () => {
      const run = ++latest;
      const store = await getOutboxStore();
      const waiting = [...(await store.loadAll(author))].filter(([jobId]) => !onList.has(jobId));
      const found = await Promise.all(
        waiting.map(async ([jobId, entries]): Promise<Left | null> => {
          const job = await lookUp(jobId);
          if (job === undefined) return null;
          const stopped = job
            ? (writingStopped(job, { kind: "staff", role: "TECHNICIAN", name: "", userId }, false)?.pending ?? null)
            : NO_LONGER_YOURS;
          return { jobId, entries, job, stopped };
        }),
      );
      // Only the newest look counts: an older one may have read what was discarded since.
      if (run === latest) setLeft(found.filter((group) => group !== null));
    };
    void look();
    const socket = getSocket();
    socket.on("connect", look);
    return () => {
      latest = -1;
      socket.off("connect", look);
    };
  }, [userId, listedKey]);

  const discard = async (clientIds: string[]) => {
    const store = await getOutboxStore();
    for (const clientId of clientIds) await store.remove(clientId);
    const gone = new Set(clientIds);
    setLeft((groups) =>
      groups
        .map((group) => ({ ...group, entries: group.entries.filter((entry) => !gone.has(entry.clientId)) }))
        .filter((group) => group.entries.length > 0),
    );
    // The button went with what it discarded: the keyboard carries on from the panel's heading, or the page's.
    requestAnimationFrame(() => (heading.current ?? document.querySelector<HTMLElement>("h1"))?.focus());
  };

  if (left.length === 0) return null;
  return (
    <section aria-labelledby="left-behind" className="mx-3 mt-3 rounded-2xl border border-amber-300 bg-amber-50 p-4">
      <h2 id="left-behind" ref={heading} tabIndex={-1} className="text-lg font-semibold text-amber-950 outline-none">
        Not sent from this phone
      </h2>
      {left.map(({ jobId, entries, job, stopped }) => {
        const written = formatDayTime(entries[0]?.createdAt ?? new Date().toISOString(), timeZone);
        if (job && !stopped) {
          return (
            <p key={jobId} className="mt-2 text-base text-slate-900">
              {entries.length === 1 ? "1 entry waits" : `${entries.length} entries wait`} in{" "}
              <Link href={`/jobs/${job.id}`} className="font-semibold text-blue-800 underline">
                Job #{job.number} · {job.customer.name}
              </Link>
              . Open it to send {entries.length === 1 ? "it" : "them"}.
            </p>
          );
        }
        return (
          <div key={jobId} className="mt-3">
            <p className="text-base text-slate-900">
              {job ? (
                <>
                  <Link href={`/jobs/${job.id}`} className="font-semibold text-blue-800 underline">
                    Job #{job.number} · {job.customer.name}
                  </Link>
                  : {stopped} So {entries.length === 1 ? "this was" : "these were"} not sent.
                </>
              ) : (
                <>
                  Written {written} for a job the office took off your list before{" "}
                  {entries.length === 1 ? "it" : "they"} went out, so nobody has seen{" "}
                  {entries.length === 1 ? "it" : "them"}. Tell the office another way if it still matters.
                </>
              )}
            </p>
            <ol aria-label={`Not sent, written ${written}`}>
              {entries.map((entry) => (
                <PendingBubble
                  key={entry.clientId}
                  message={{ ...entry, state: "failed", error: stopped ?? undefined }}
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
        );
      })}
    </section>
  );
}
