"use client";

import { type KeyboardEvent, useCallback, useMemo, useState } from "react";
import { formatRelative, formatWaiting } from "@/lib/format/dates.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import type { TechnicianOption } from "@/lib/jobs/list-technicians.ts";
import { STATUS_LABEL } from "@/lib/jobs/status-machine.ts";
import { RatingAlert } from "../feedback/rating-alert.tsx";
import { AccessEnded } from "../realtime/access-ended.tsx";
import { useConnection } from "../realtime/use-connection.ts";
import { useLiveJobs } from "../realtime/use-live-jobs.ts";
import { ThreadView } from "../thread/thread-view.tsx";

type Props = { initialJobs: JobSummary[]; technicians: TechnicianOption[]; viewerName: string; timeZone: string };

/** A homeowner's message that no one at the company has answered yet. */
const waitingSince = (job: JobSummary) =>
  job.lastMessage?.author?.role === "HOMEOWNER" ? job.lastMessage.createdAt : null;

const allJobs = () => true;

export function DispatchBoard({ initialJobs, technicians, viewerName, timeZone }: Props) {
  const jobs = useLiveJobs(initialJobs, allJobs);
  const connection = useConnection();
  const [selected, setSelected] = useState<string | null>(null);
  const [readSeq, setReadSeq] = useState<Record<string, number>>(() =>
    Object.fromEntries(initialJobs.map((job) => [job.id, job.lastSeq - (job.unread ?? 0)])),
  );
  const now = Date.now();

  const onRead = useCallback((jobId: string, seq: number) => {
    setReadSeq((current) => ((current[jobId] ?? 0) >= seq ? current : { ...current, [jobId]: seq }));
  }, []);

  // Who needs attention first: the longest-waiting homeowner, then unread, then newest.
  const sorted = useMemo(() => {
    const unread = (job: JobSummary) => Math.max(0, job.lastSeq - (readSeq[job.id] ?? 0));
    return [...jobs]
      .map((job) => ({ job, waiting: waitingSince(job), unread: unread(job) }))
      .sort((a, b) => {
        if (a.waiting && b.waiting) return a.waiting.localeCompare(b.waiting);
        if (a.waiting || b.waiting) return a.waiting ? -1 : 1;
        if (a.unread !== b.unread) return b.unread - a.unread;
        return b.job.updatedAt.localeCompare(a.job.updatedAt);
      });
  }, [jobs, readSeq]);

  // Arrow keys (or j/k) walk the list; Enter opens the focused job.
  const moveFocus = (event: KeyboardEvent<HTMLUListElement>) => {
    const step = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
    if (!step) return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button[data-testid=board-job]")];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[Math.min(buttons.length - 1, Math.max(0, index + step))];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  const waitingCount = sorted.filter((row) => row.waiting).length;
  const unreadCount = sorted.filter((row) => row.unread > 0).length;

  return (
    <div className="flex min-h-0 flex-1">
      <section
        aria-label="Open jobs"
        className={`flex min-h-0 w-full flex-col border-r border-slate-200 bg-white lg:w-[28rem] ${selected ? "hidden lg:flex" : ""}`}
      >
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
          <h1 className="text-lg font-bold">Live jobs</h1>
          <p className="text-sm text-slate-700" aria-live="polite" data-testid="board-counts">
            {jobs.length} open · {waitingCount} waiting · {unreadCount} unread
            {connection === "reconnecting" && <span className="ml-2 text-amber-800">· reconnecting…</span>}
          </p>
        </div>
        {connection === "ended" && <AccessEnded who="staff" />}
        {jobs.length === 0 ? (
          <p className="p-6 text-slate-700">No open jobs right now. New requests will appear here as they come in.</p>
        ) : (
          <ul
            className="min-h-0 flex-1 overflow-y-auto"
            aria-keyshortcuts="ArrowUp ArrowDown J K"
            onKeyDown={moveFocus}
          >
            {sorted.map(({ job, waiting, unread }) => (
              <li key={job.id}>
                <button
                  type="button"
                  onClick={() => setSelected(job.id)}
                  aria-current={selected === job.id ? "true" : undefined}
                  data-testid="board-job"
                  className={`block w-full border-b border-slate-100 px-4 py-3 text-left hover:bg-slate-50 ${
                    selected === job.id ? "bg-blue-50" : ""
                  }`}
                >
                  <span className="flex items-center justify-between gap-2">
                    <span className="truncate font-semibold">
                      #{job.number} · {job.customer.name}
                    </span>
                    <span className="shrink-0 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium">
                      {STATUS_LABEL[job.status]}
                    </span>
                  </span>
                  <span className="block truncate text-sm text-slate-800">{job.title}</span>
                  <span className="mt-1 flex items-center justify-between gap-2 text-sm text-slate-700">
                    <span className="truncate">
                      {job.technician?.name ?? "Unassigned"}
                      {job.lastMessage && (
                        <>
                          {" · "}
                          {job.lastMessage.visibility === "STAFF" ? "Note: " : ""}
                          <bdi>{job.lastMessage.body}</bdi>
                        </>
                      )}
                    </span>
                    <span className="flex shrink-0 items-center gap-2">
                      <RatingAlert job={job} />
                      {waiting && (
                        <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">
                          Waiting {formatWaiting(waiting, now)}
                        </span>
                      )}
                      {unread > 0 && (
                        <span className="rounded-full bg-blue-700 px-2 py-0.5 text-xs font-semibold text-white">
                          {unread} <span className="sr-only">unread</span>
                        </span>
                      )}
                      {!waiting && job.lastMessage && <span>{formatRelative(job.lastMessage.createdAt, now)}</span>}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Conversation" className={`min-h-0 flex-1 flex-col ${selected ? "flex" : "hidden lg:flex"}`}>
        {selected ? (
          <>
            <button
              type="button"
              onClick={() => setSelected(null)}
              className="border-b border-slate-200 bg-white px-4 py-2 text-left text-blue-800 underline lg:hidden"
            >
              ← All jobs
            </button>
            <div className="min-h-0 flex-1">
              <ThreadView
                key={selected}
                jobId={selected}
                initial={null}
                viewer={{ kind: "staff", role: "DISPATCHER", name: viewerName }}
                timeZone={timeZone}
                technicians={technicians}
                onRead={onRead}
              />
            </div>
          </>
        ) : (
          <p className="m-auto p-8 text-slate-700">Choose a job to open its conversation here.</p>
        )}
      </section>
    </div>
  );
}
