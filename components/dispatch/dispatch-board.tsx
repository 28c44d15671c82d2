"use client";

import { type KeyboardEvent, useMemo, useState } from "react";
import { formatRelative, formatWaiting } from "@/lib/format/dates.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import type { TechnicianOption } from "@/lib/jobs/list-technicians.ts";
import { isOpen } from "@/lib/jobs/status-machine.ts";
import { PushOptIn } from "../app-shell/push-opt-in.tsx";
import { RatingAlert } from "../feedback/rating-alert.tsx";
import { ClosedJobs } from "../jobs/closed-jobs.tsx";
import { JobRowHeading } from "../jobs/job-row-heading.tsx";
import { AccessEnded } from "../realtime/access-ended.tsx";
import { useConnection } from "../realtime/use-connection.ts";
import { useLiveJobs } from "../realtime/use-live-jobs.ts";
import { ThreadView } from "../thread/thread-view.tsx";
import type { Viewer } from "../thread/use-status-step.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { useKeepRowFocus } from "./use-keep-row-focus.ts";

type Props = { initialJobs: JobSummary[]; technicians: TechnicianOption[]; viewer: Viewer; timeZone: string };

const allJobs = () => true;

export function DispatchBoard({ initialJobs, technicians, viewer, timeZone }: Props) {
  const { jobs, markRead } = useLiveJobs(initialJobs, allJobs);
  const connection = useConnection();
  const [selected, setSelected] = useState<string | null>(null);
  const [view, setView] = useState<"live" | "closed">("live");
  useKeepRowFocus();
  const now = Date.now();

  // Who needs attention first: homeowners waiting for an answer, longest first;
  // then the rest by unread, then newest.
  const { waitingRows, otherRows, unreadCount } = useMemo(() => {
    const rows = jobs.map((job) => ({
      job,
      waiting: job.awaitingReplySince,
      unread: job.unread,
    }));
    const waitingRows = rows
      .filter((row) => row.waiting)
      .sort((a, b) => (a.waiting ?? "").localeCompare(b.waiting ?? ""));
    const otherRows = rows
      .filter((row) => !row.waiting)
      .sort((a, b) => b.unread - a.unread || b.job.updatedAt.localeCompare(a.job.updatedAt));
    return { waitingRows, otherRows, unreadCount: rows.filter((row) => row.unread > 0).length };
  }, [jobs]);

  // The tab's title counts jobs with unread messages: seen from another tab or the taskbar.
  useDocumentTitle(unreadCount > 0 ? `(${unreadCount}) Dispatch · Trio` : "Dispatch · Trio");

  // Arrow keys (or j/k) walk the list; Enter opens the focused job.
  const moveFocus = (event: KeyboardEvent<HTMLUListElement>) => {
    const step = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
    if (!step) return;
    const lists = event.currentTarget.closest("[data-board-lists]") ?? event.currentTarget;
    const buttons = [...lists.querySelectorAll<HTMLButtonElement>("button[data-testid=board-job]")];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[Math.min(buttons.length - 1, Math.max(0, index + step))];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  const openCount = jobs.filter((job) => isOpen(job.status)).length;
  const renderRow = ({ job, waiting, unread }: (typeof otherRows)[number]) => (
    <li key={job.id}>
      <BoardRow
        job={job}
        waiting={waiting}
        unread={unread}
        now={now}
        current={selected === job.id}
        onOpen={() => setSelected(job.id)}
      />
    </li>
  );

  return (
    <div className="flex min-h-0 min-w-0 flex-1">
      <section
        aria-label="Open jobs"
        className={`flex min-h-0 w-full min-w-0 flex-col border-r border-slate-200 bg-white lg:w-[28rem] ${selected ? "hidden lg:flex" : ""}`}
      >
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
          <h1 className="text-lg font-bold">{view === "live" ? "Live jobs" : "Closed jobs"}</h1>
          <fieldset className="flex overflow-hidden rounded-lg border border-slate-300 text-sm">
            <legend className="sr-only">Which jobs</legend>
            {(["live", "closed"] as const).map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={view === option}
                onClick={() => setView(option)}
                className={`min-h-9 px-3 font-medium ${view === option ? "bg-slate-800 text-white" : "bg-white text-slate-800 hover:bg-slate-100"}`}
              >
                {option === "live" ? "Live" : "Closed"}
              </button>
            ))}
          </fieldset>
          {view === "live" && (
            <p className="w-full text-sm text-slate-700" aria-live="polite" data-testid="board-counts">
              {openCount} open · {waitingRows.length} waiting · {unreadCount} unread
              {connection === "reconnecting" && <span className="ml-2 text-amber-800">· reconnecting…</span>}
            </p>
          )}
          <PushOptIn about="homeowners left waiting" compact />
        </div>
        {connection === "ended" && <AccessEnded who="staff" />}
        {view === "closed" ? (
          <ClosedJobs timeZone={timeZone} onOpen={setSelected} selected={selected} />
        ) : jobs.length === 0 ? (
          <p className="p-6 text-slate-700">No open jobs right now. New requests will appear here as they come in.</p>
        ) : (
          <div className="min-h-0 flex-1 overflow-y-auto" data-board-lists>
            {waitingRows.length > 0 && (
              <>
                <h2 className="bg-red-50 px-4 py-1 text-sm font-semibold text-red-900">
                  Needs reply ({waitingRows.length})
                </h2>
                <ul aria-label="Needs reply" aria-keyshortcuts="ArrowUp ArrowDown J K" onKeyDown={moveFocus}>
                  {waitingRows.map(renderRow)}
                </ul>
              </>
            )}
            {otherRows.length > 0 && (
              <>
                {waitingRows.length > 0 && (
                  <h2 className="bg-slate-50 px-4 py-1 text-sm font-semibold text-slate-800">Other jobs</h2>
                )}
                <ul aria-label="Other jobs" aria-keyshortcuts="ArrowUp ArrowDown J K" onKeyDown={moveFocus}>
                  {otherRows.map(renderRow)}
                </ul>
              </>
            )}
          </div>
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
                viewer={viewer}
                timeZone={timeZone}
                technicians={technicians}
                onRead={markRead}
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

type RowProps = {
  job: JobSummary;
  waiting: string | null;
  unread: number;
  now: number;
  current: boolean;
  onOpen: () => void;
};

function BoardRow({ job, waiting, unread, now, current, onOpen }: RowProps) {
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-current={current ? "true" : undefined}
      data-testid="board-job"
      data-job-id={job.id}
      className={`block w-full border-b border-slate-100 px-4 py-3 text-left hover:bg-slate-50 ${current ? "bg-blue-50" : ""}`}
    >
      <JobRowHeading job={job} />
      <span className="mt-1 flex items-center justify-between gap-2 text-sm text-slate-700">
        <span className="truncate">
          {job.technician?.name ?? "Unassigned"}
          {job.lastMessage && (
            <>
              {" · "}
              {job.lastMessage.visibility === "STAFF" ? "Note: " : ""}
              {job.lastMessage.kind === "PHOTO" ? "Photo" : ""}
              {job.lastMessage.kind === "PHOTO" && job.lastMessage.body ? ": " : ""}
              <bdi>{job.lastMessage.body}</bdi>
            </>
          )}
        </span>
        <span className="flex shrink-0 items-center gap-2">
          <RatingAlert job={job} />
          {job.runningLateSince && (
            <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
              Running late
            </span>
          )}
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
  );
}
