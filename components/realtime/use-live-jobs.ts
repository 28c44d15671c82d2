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
    const onUpdate = (summary: JobSummary) => {
      setJobs((current) => {
        const existing = current.find((job) => job.id === summary.id);
        // Summaries may cross on the wire; one from earlier in the thread is old news.
        if (existing && summary.lastSeq < existing.lastSeq) return current;
        const merged = { ...existing, ...summary, lastMessage: summary.lastMessage ?? existing?.lastMessage ?? null };
        const rest = current.filter((job) => job.id !== summary.id);
        return isLive(merged) && belongs(merged) ? [merged, ...rest] : rest;
      });
    };
    // Also on the first connect: a job that changed between the page's render and
    // the socket joining its rooms would otherwise be missed until a reconnect.
    const onConnect = async () => {
      const response = await fetch("/api/jobs", { cache: "no-store" }).catch(() => null);
      if (!response?.ok) return;
      const list = ((await response.json()) as { data: JobSummary[] }).data.filter(belongs);
      setJobs(list);
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
