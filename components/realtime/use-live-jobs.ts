"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { isLive, type JobSummary } from "@/lib/jobs/job-view.ts";
import { getSocket } from "./socket.ts";

type ReadMarks = Record<string, number>;

/** Lists from the server say how far this viewer has read (`unread`); live summaries don't. */
function readMarksOf(list: JobSummary[], current: ReadMarks): ReadMarks {
  const marks = { ...current };
  for (const job of list) {
    if (job.unread === undefined) continue;
    marks[job.id] = Math.max(marks[job.id] ?? 0, job.lastSeq - job.unread);
  }
  return marks;
}

/** A live summary applied to a list: merged into its job, on top, or out when the job no longer belongs. */
function applySummary(list: JobSummary[], summary: JobSummary, belongs: (job: JobSummary) => boolean): JobSummary[] {
  const existing = list.find((job) => job.id === summary.id);
  // Summaries may cross on the wire; one from earlier in the thread is old news.
  if (existing && summary.lastSeq < existing.lastSeq) return list;
  const merged = { ...existing, ...summary, lastMessage: summary.lastMessage ?? existing?.lastMessage ?? null };
  const rest = list.filter((job) => job.id !== summary.id);
  return isLive(merged) && belongs(merged) ? [merged, ...rest] : rest;
}

/**
 * A list of jobs kept live by `job:updated`, each with the viewer's unread
 * count: the job's newest seq past how far they have read, so a badge moves
 * the moment a message arrives. Whenever the socket (re)connects it reloads
 * from the server: the database is the truth, the socket only the fast path.
 */
export function useLiveJobs(initial: JobSummary[], belongs: (job: JobSummary) => boolean) {
  const [jobs, setJobs] = useState(initial);
  const [readSeq, setReadSeq] = useState(() => readMarksOf(initial, {}));

  useEffect(() => {
    const socket = getSocket();
    /** Summaries heard while a reload is on its way: the reload may have been read before them. */
    let heardDuringReload: JobSummary[] | null = null;
    const onUpdate = (summary: JobSummary) => {
      heardDuringReload?.push(summary);
      setJobs((current) => applySummary(current, summary, belongs));
    };
    // Also on the first connect: a job that changed between the page's render and
    // the socket joining its rooms would otherwise be missed until a reconnect.
    const onConnect = async () => {
      const heard: JobSummary[] = [];
      heardDuringReload = heard;
      const response = await fetch("/api/jobs", { cache: "no-store" }).catch(() => null);
      const body = response?.ok ? ((await response.json()) as { data: JobSummary[] }) : null;
      if (heardDuringReload === heard) heardDuringReload = null;
      if (!body) return;
      const list = body.data.filter(belongs);
      // What was heard live meanwhile is newer than, or as new as, the reload: applied on top of it.
      setJobs(heard.reduce((jobs, summary) => applySummary(jobs, summary, belongs), list));
      setReadSeq((current) => readMarksOf(list, current));
    };
    socket.on("job:updated", onUpdate);
    socket.on("connect", onConnect);
    if (socket.connected) void onConnect();
    return () => {
      socket.off("job:updated", onUpdate);
      socket.off("connect", onConnect);
    };
  }, [belongs]);

  /** The viewer has read a job up to `seq` (its thread is open beside the list). */
  const markRead = useCallback((jobId: string, seq: number) => {
    setReadSeq((current) => ((current[jobId] ?? 0) >= seq ? current : { ...current, [jobId]: seq }));
  }, []);

  const withUnread = useMemo(
    () => jobs.map((job) => ({ ...job, unread: Math.max(0, job.lastSeq - (readSeq[job.id] ?? 0)) })),
    [jobs, readSeq],
  );
  return { jobs: withUnread, markRead };
}
