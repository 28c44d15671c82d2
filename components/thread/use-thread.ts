"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ErrorBody } from "@/lib/errors.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import type { JobStatusName } from "@/lib/jobs/schemas.ts";
import type { Reader, ThreadPage } from "@/lib/messages/list-messages.ts";
import type { MessageView } from "@/lib/messages/message-view.ts";
import type { VisibilityName } from "@/lib/messages/schemas.ts";
import type { ClientToServerEvents } from "@/lib/realtime/events.ts";
import type { TransitionDetails } from "../offline/outbox-store.ts";
import { useOutbox } from "../offline/use-outbox.ts";
import { getSocket } from "../realtime/socket.ts";

export type TypingPerson = { role: string; name: string; until: number };

const ACK_TIMEOUT_MS = 10_000;
const JOIN_RETRY_S = 3;
const RETRY_JOIN_ON = new Set(["rate_limited", "internal", "unavailable"]);
const TYPING_SHOWN_MS = 4_000;
const TYPING_SEND_EVERY_MS = 2_000;

type Response<T> = { data: T } | ErrorBody;

function mergeMessages(current: MessageView[], incoming: MessageView[]): MessageView[] {
  if (incoming.length === 0) return current;
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * A live thread: what the server has (by seq), what we are still sending
 * (useOutbox, by clientId), who is typing and who has read what. Nothing of
 * ours is lost: unsent entries wait in the outbox and go out with the same
 * clientId, which the server stores once however often it arrives.
 * `author` tells whose waiting entries these are (one browser, many people).
 */
export function useThread(
  jobId: string,
  initial: ThreadPage | null,
  author: string,
  /** Why this person may no longer write here (null: they may), judged on every job change before anything goes out. */
  stopReason?: (job: JobSummary) => string | null,
) {
  const [job, setJob] = useState<JobSummary | null>(initial?.job ?? null);
  const [messages, setMessages] = useState<MessageView[]>(initial?.messages ?? []);
  const [readers, setReaders] = useState<Reader[]>(initial?.readers ?? []);
  const [typing, setTyping] = useState<TypingPerson[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** The server no longer shows us this job (taken off a technician's list, the link turned off). */
  const [gone, setGone] = useState(false);
  /**
   * We hold every message we may see up to here. Live messages raise it only
   * once catch-up is done: during catch-up they may run ahead of the pages.
   */
  const syncedSeq = useRef(initial?.messages.at(-1)?.seq ?? 0);
  const catchingUp = useRef(true);
  const newestSeq = useRef(syncedSeq.current);
  const lastTypingSent = useRef(0);
  const rejoin = useRef<() => void>(() => {});
  const stopReasonRef = useRef(stopReason);
  stopReasonRef.current = stopReason;
  const jobRef = useRef(job);
  jobRef.current = job;
  const haltRef = useRef<(reason: string | null) => void>(() => {});
  /** The job as it now stands stops writing here: hold what waits before it can go out. */
  const judge = useCallback((standing: JobSummary) => {
    const reason = stopReasonRef.current?.(standing);
    if (reason) haltRef.current(reason);
  }, []);

  const mergeJob = useCallback((summary: JobSummary) => setJob((current) => ({ ...current, ...summary })), []);
  const outbox = useOutbox(jobId, author, {
    onStored: (message) => receive([message]),
    onStep: mergeJob,
    onGone: () => setGone(true),
  });
  const { confirm, setReady } = outbox;

  const receive = useCallback(
    (incoming: MessageView[]) => {
      if (incoming.length === 0) return;
      newestSeq.current = Math.max(newestSeq.current, ...incoming.map((m) => m.seq));
      setMessages((current) => mergeMessages(current, incoming));
      confirm(new Set(incoming.map((m) => m.clientId)));
    },
    [confirm],
  );

  // Join (and re-join after every reconnect) with the last seq we hold.
  useEffect(() => {
    const socket = getSocket();
    let joinRetry: ReturnType<typeof setTimeout> | undefined;
    // A busy server answers late or asks us to wait: join again then, or what waits would sit until the next reconnect.
    const joinLater = (afterSeq: number, seconds: number) => {
      clearTimeout(joinRetry);
      joinRetry = setTimeout(() => socket.connected && join(afterSeq), seconds * 1000);
    };
    const join = (afterSeq: number) => {
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emit("thread:join", { jobId, afterSeq }, (timedOut: Error | null, response: Response<ThreadPage>) => {
          if (timedOut) return joinLater(afterSeq, JOIN_RETRY_S);
          if ("error" in response) {
            const { code, message, retryAfter } = response.error;
            if (RETRY_JOIN_ON.has(code)) return joinLater(afterSeq, retryAfter ?? JOIN_RETRY_S);
            if (code === "not_found") setGone(true);
            setLoadError(message);
            return;
          }
          const { job, readers, messages, hasMore } = response.data;
          setLoadError(null);
          setGone(false);
          setJob(job);
          setReaders(readers);
          judge(job);
          receive(messages);
          const pageEnd = messages.at(-1)?.seq ?? afterSeq;
          syncedSeq.current = Math.max(syncedSeq.current, pageEnd);
          if (hasMore) return join(pageEnd);
          // Caught up: live messages that came meanwhile follow on from here, and what waits goes out.
          catchingUp.current = false;
          syncedSeq.current = Math.max(syncedSeq.current, newestSeq.current);
          setReady(true);
        });
    };
    const onConnect = () => {
      catchingUp.current = true;
      join(syncedSeq.current);
    };
    const onDisconnect = () => setReady(false);
    const onMessage = (message: MessageView) => {
      if (message.jobId !== jobId) return;
      receive([message]);
      if (!catchingUp.current) syncedSeq.current = Math.max(syncedSeq.current, message.seq);
    };
    const onJob = (summary: JobSummary) => {
      if (summary.id !== jobId) return;
      if (jobRef.current) judge({ ...jobRef.current, ...summary });
      mergeJob(summary);
    };
    const onRead = (receipt: { jobId: string; role: string; name: string; seq: number }) => {
      if (receipt.jobId !== jobId) return;
      setReaders((current) => {
        const others = current.filter((r) => !(r.role === receipt.role && r.name === receipt.name));
        return [...others, { role: receipt.role, name: receipt.name, lastReadSeq: receipt.seq }];
      });
    };
    const onTyping = (notice: { jobId: string; role: string; name: string }) => {
      if (notice.jobId !== jobId) return;
      setTyping((current) => [
        ...current.filter((t) => t.name !== notice.name),
        { role: notice.role, name: notice.name, until: Date.now() + TYPING_SHOWN_MS },
      ]);
    };

    rejoin.current = () => {
      if (socket.connected) onConnect();
    };
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    socket.on("message:created", onMessage);
    socket.on("job:updated", onJob);
    socket.on("thread:read", onRead);
    socket.on("typing", onTyping);
    if (socket.connected) onConnect();
    const sweep = setInterval(() => setTyping((current) => current.filter((t) => t.until > Date.now())), 1000);
    return () => {
      clearInterval(sweep);
      clearTimeout(joinRetry);
      setReady(false);
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.off("message:created", onMessage);
      socket.off("job:updated", onJob);
      socket.off("thread:read", onRead);
      socket.off("typing", onTyping);
      if (socket.connected) socket.emit("thread:leave", { jobId }, () => {});
    };
  }, [jobId, receive, mergeJob, setReady, judge]);

  /**
   * Stops everything of ours going out, with why (the job is no longer ours to
   * write in); `null` lets it go again and joins the thread anew, since the
   * server took this tab out of it.
   */
  const { halt: haltOutbox } = outbox;
  const halted = useRef<string | null>(null);
  const halt = useCallback(
    (reason: string | null) => {
      const was = halted.current;
      halted.current = reason;
      haltOutbox(reason);
      if (!reason && was) rejoin.current();
    },
    [haltOutbox],
  );
  haltRef.current = halt;

  const markRead = useCallback(
    (seq: number) => {
      const socket = getSocket();
      if (socket.connected) socket.emit("thread:read", { jobId, seq }, () => {});
    },
    [jobId],
  );

  const notifyTyping = useCallback(
    (visibility: VisibilityName) => {
      const now = Date.now();
      if (now - lastTypingSent.current < TYPING_SEND_EVERY_MS) return;
      lastTypingSent.current = now;
      getSocket().emit("typing", { jobId, visibility });
    },
    [jobId],
  );

  // A job change by socket: the ack carries the job as it now stands.
  const changeJob = useCallback(
    <E extends "job:eta" | "job:schedule">(event: E, payload: Parameters<ClientToServerEvents[E]>[0]) =>
      new Promise<string | null>((resolve) => {
        const ack = (timedOut: Error | null, response: Response<JobSummary>) => {
          if (timedOut) return resolve("No connection right now. Try again in a moment.");
          if ("error" in response) return resolve(response.error.message);
          mergeJob(response.data);
          resolve(null);
        };
        (getSocket().timeout(ACK_TIMEOUT_MS).emit as (e: string, p: unknown, a: typeof ack) => void)(
          event,
          payload,
          ack,
        );
      }),
    [mergeJob],
  );
  const { step } = outbox;
  /** A status step goes through the outbox: made offline, it waits in the thread and goes out in turn. */
  const transition = useCallback((to: JobStatusName, details: TransitionDetails = {}) => step(to, details), [step]);
  const updateEta = useCallback((eta: string) => changeJob("job:eta", { jobId, eta }), [changeJob, jobId]);
  const schedule = useCallback(
    (window: { windowStart: string; windowEnd: string }) => changeJob("job:schedule", { jobId, ...window }),
    [changeJob, jobId],
  );

  return {
    job,
    messages,
    pending: outbox.pending,
    /** false: this browser keeps unsent entries only while the page is open. */
    outboxKept: outbox.persistent,
    readers,
    typing,
    loadError,
    gone,
    halt,
    send: outbox.send,
    sendPhoto: outbox.sendPhoto,
    /** Photos on the wire: how far up (percent). */
    uploadProgress: outbox.progress,
    retry: outbox.retry,
    discard: outbox.discard,
    markRead,
    notifyTyping,
    transition,
    updateEta,
    schedule,
  };
}

export type ThreadState = ReturnType<typeof useThread>;
export type { TransitionDetails };
