"use client";

import { useEffect, useState } from "react";
import { isLive, type JobSummary } from "@/lib/jobs/job-view.ts";
import { getSocket } from "./socket.ts";

/**
 * A list of jobs kept live by `job:updated`. After a reconnect it reloads from
 * the server: the database is the truth, the socket only the fast path.
 */
export function useLiveJobs(initial: JobSummary[], belongs: (job: JobSummary) => boolean) {
  const [jobs, setJobs] = useState(initial);

  useEffect(() => {
    const socket = getSocket();
    let seenConnect = false;
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
    const onConnect = async () => {
      if (!seenConnect) {
        seenConnect = true;
        return;
      }
      const response = await fetch("/api/jobs", { cache: "no-store" }).catch(() => null);
      if (response?.ok) setJobs(((await response.json()) as { data: JobSummary[] }).data.filter(belongs));
    };
    socket.on("job:updated", onUpdate);
    socket.on("connect", onConnect);
    if (socket.connected) void onConnect();
    return () => {
      socket.off("job:updated", onUpdate);
      socket.off("connect", onConnect);
    };
  }, [belongs]);

  return jobs;
}
