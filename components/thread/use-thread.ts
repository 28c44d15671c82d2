"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ErrorBody } from "@/lib/errors.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import type { JobStatusName } from "@/lib/jobs/schemas.ts";
import type { Reader, ThreadPage } from "@/lib/messages/list-messages.ts";
import type { MessageView } from "@/lib/messages/message-view.ts";
import type { VisibilityName } from "@/lib/messages/schemas.ts";
import type { ClientToServerEvents } from "@/lib/realtime/events.ts";
import { getSocket, newClientId } from "../realtime/socket.ts";

export type PendingMessage = {
  clientId: string;
  body: string;
  visibility: VisibilityName;
  createdAt: string;
  /**
   * sending: on the wire; waiting: offline, goes out on reconnect; limited: the
   * server asked us to slow down, goes out by itself at `retryAt`; failed:
   * refused, needs the user.
   */
  state: "sending" | "waiting" | "limited" | "failed";
  error?: string;
  /** With `limited`: when it goes out again (ms since the epoch). */
  retryAt?: number;
};

export type TypingPerson = { role: string; name: string; until: number };

const ACK_TIMEOUT_MS = 10_000;
const RESEND_AFTER_MS = 3_000;
const JOIN_RETRY_S = 3;
const RETRY_JOIN_ON = new Set(["rate_limited", "internal", "unavailable"]);
const TYPING_SHOWN_MS = 4_000;
const TYPING_SEND_EVERY_MS = 2_000;
const storageKey = (jobId: string) => `trio.pending.${jobId}`;

type Response<T> = { data: T } | ErrorBody;

function mergeMessages(current: MessageView[], incoming: MessageView[]): MessageView[] {
  if (incoming.length === 0) return current;
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function loadPending(jobId: string): PendingMessage[] {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(jobId)) ?? "[]") as PendingMessage[];
    return saved.map((m) => (m.state === "failed" ? m : { ...m, state: "waiting" }));
  } catch {
    return [];
  }
}

/**
 * A live thread: what the server has (by seq), what we are still sending (by
 * clientId), who is typing and who has read what. Messages are never lost:
 * unsent ones are kept in localStorage and resent with the same clientId, which
 * the server stores once however often it arrives.
 */
export function useThread(jobId: string, initial: ThreadPage | null) {
  const [job, setJob] = useState<JobSummary | null>(initial?.job ?? null);
  const [messages, setMessages] = useState<MessageView[]>(initial?.messages ?? []);
  const [readers, setReaders] = useState<Reader[]>(initial?.readers ?? []);
  const [pending, setPending] = useState<PendingMessage[]>([]);
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
  const pendingRef = useRef<PendingMessage[]>([]);
  const lastTypingSent = useRef(0);
  const transmitRef = useRef<(message: PendingMessage) => void>(() => {});
  /**
   * After a `rate_limited`, nothing of ours goes out before this time: later
   * messages wait behind the refused one, so they still arrive in order.
   */
  const holdUntil = useRef(0);
  const holdTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Why nothing more goes out (the job is no longer ours to write in); null while sending is allowed. */
  const halted = useRef<string | null>(null);
  const rejoin = useRef<() => void>(() => {});

  const updatePending = useCallback(
    (change: (list: PendingMessage[]) => PendingMessage[]) => {
      pendingRef.current = change(pendingRef.current);
      setPending(pendingRef.current);
      try {
        const keep = pendingRef.current;
        if (keep.length) localStorage.setItem(storageKey(jobId), JSON.stringify(keep));
        else localStorage.removeItem(storageKey(jobId));
      } catch {
        // Storage full or disabled: the message still lives in memory.
      }
    },
    [jobId],
  );

  const receive = useCallback(
    (incoming: MessageView[]) => {
      if (incoming.length === 0) return;
      newestSeq.current = Math.max(newestSeq.current, ...incoming.map((m) => m.seq));
      setMessages((current) => mergeMessages(current, incoming));
      const arrived = new Set(incoming.map((m) => m.clientId));
      if (pendingRef.current.some((m) => arrived.has(m.clientId))) {
        updatePending((list) => list.filter((m) => !arrived.has(m.clientId)));
      }
    },
    [updatePending],
  );

  const setState = useCallback(
    (clientId: string, change: Partial<PendingMessage>) =>
      updatePending((list) => list.map((m) => (m.clientId === clientId ? { ...m, ...change } : m))),
    [updatePending],
  );

  /** Sends the oldest message held back by a limit once the hold is over: one at a time, in order. */
  const sendNextHeld = useCallback(() => {
    const wait = holdUntil.current - Date.now();
    clearTimeout(holdTimer.current);
    if (wait > 0) {
      holdTimer.current = setTimeout(() => sendNextHeld(), wait);
      return;
    }
    const next = pendingRef.current.find((m) => m.state === "limited");
    if (next) transmitRef.current(next);
  }, []);

  /** Keeps a message back until the hold is over (a refusal's retryAfter lengthens the hold). */
  const holdBack = useCallback(
    (clientId: string, retryAfterSeconds = 0) => {
      holdUntil.current = Math.max(holdUntil.current, Date.now() + retryAfterSeconds * 1000);
      setState(clientId, { state: "limited", retryAt: holdUntil.current, error: undefined });
      sendNextHeld();
    },
    [setState, sendNextHeld],
  );

  const transmit = useCallback(
    (message: PendingMessage) => {
      const socket = getSocket();
      // Kept, and shown as not sent: never silently dropped.
      if (halted.current) return setState(message.clientId, { state: "failed", error: halted.current });
      if (Date.now() < holdUntil.current) return holdBack(message.clientId);
      if (!socket.connected) {
        updatePending((list) => list.map((m) => (m.clientId === message.clientId ? { ...m, state: "waiting" } : m)));
        return;
      }
      updatePending((list) => list.map((m) => (m.clientId === message.clientId ? { ...m, state: "sending" } : m)));
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emit(
          "message:send",
          { jobId, clientId: message.clientId, body: message.body, visibility: message.visibility },
          (timedOut: Error | null, response: Response<MessageView>) => {
            if (timedOut) {
              // No answer: keep it and send again with the same clientId (the server stores it once),
              // soon if the line still looks up, otherwise after the reconnect.
              updatePending((list) =>
                list.map((m) => (m.clientId === message.clientId ? { ...m, state: "waiting" } : m)),
              );
              setTimeout(() => {
                const still = pendingRef.current.find((m) => m.clientId === message.clientId);
                if (still?.state === "waiting" && socket.connected) transmitRef.current(still);
              }, RESEND_AFTER_MS);
              return;
            }
            if ("error" in response && response.error.code === "rate_limited") {
              // Not lost, not failed: it goes out by itself, with the same clientId, when the wait is over.
              holdBack(message.clientId, response.error.retryAfter ?? 1);
              return;
            }
            if ("data" in response) receive([response.data]);
            else setState(message.clientId, { state: "failed", error: response.error.message });
            if ("error" in response && response.error.code === "not_found") setGone(true);
            sendNextHeld();
          },
        );
    },
    [jobId, receive, updatePending, setState, holdBack, sendNextHeld],
  );

  useEffect(() => {
    transmitRef.current = transmit;
  }, [transmit]);

  // Join (and re-join after every reconnect) with the last seq we hold.
  useEffect(() => {
    const socket = getSocket();
    pendingRef.current = loadPending(jobId);
    setPending(pendingRef.current);

    let joinRetry: ReturnType<typeof setTimeout> | undefined;
    // A busy server answers late or asks us to wait: join again then, or pending messages would sit until the next reconnect.
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
          receive(messages);
          const pageEnd = messages.at(-1)?.seq ?? afterSeq;
          syncedSeq.current = Math.max(syncedSeq.current, pageEnd);
          if (hasMore) return join(pageEnd);
          // Caught up: live messages that came meanwhile follow on from here.
          catchingUp.current = false;
          syncedSeq.current = Math.max(syncedSeq.current, newestSeq.current);
          for (const message of pendingRef.current) if (message.state !== "failed") transmit(message);
        });
    };
    const onConnect = () => {
      catchingUp.current = true;
      join(syncedSeq.current);
    };
    const onMessage = (message: MessageView) => {
      if (message.jobId !== jobId) return;
      receive([message]);
      if (!catchingUp.current) syncedSeq.current = Math.max(syncedSeq.current, message.seq);
    };
    const onJob = (summary: JobSummary) => {
      if (summary.id === jobId) setJob((current) => ({ ...current, ...summary }));
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
    socket.on("message:created", onMessage);
    socket.on("job:updated", onJob);
    socket.on("thread:read", onRead);
    socket.on("typing", onTyping);
    if (socket.connected) onConnect();
    const sweep = setInterval(() => setTyping((current) => current.filter((t) => t.until > Date.now())), 1000);
    return () => {
      clearInterval(sweep);
      clearTimeout(joinRetry);
      clearTimeout(holdTimer.current);
      socket.off("connect", onConnect);
      socket.off("message:created", onMessage);
      socket.off("job:updated", onJob);
      socket.off("thread:read", onRead);
      socket.off("typing", onTyping);
      if (socket.connected) socket.emit("thread:leave", { jobId }, () => {});
    };
  }, [jobId, receive, transmit]);

  const send = useCallback(
    (body: string, visibility: VisibilityName = "EVERYONE") => {
      const message: PendingMessage = {
        clientId: newClientId(),
        body,
        visibility,
        createdAt: new Date().toISOString(),
        state: "sending",
      };
      updatePending((list) => [...list, message]);
      transmit(message);
    },
    [transmit, updatePending],
  );

  const retry = useCallback(
    (clientId: string) => {
      const message = pendingRef.current.find((m) => m.clientId === clientId);
      if (message) transmit(message);
    },
    [transmit],
  );

  const discard = useCallback(
    (clientId: string) => updatePending((list) => list.filter((m) => m.clientId !== clientId)),
    [updatePending],
  );

  /**
   * Stops everything of ours going out, with why (the job was given to someone
   * else, canceled): what waits is kept and shown as not sent. `null` lets it
   * go again (the job came back) and joins the thread anew, since the server
   * took this tab out of it.
   */
  const halt = useCallback(
    (reason: string | null) => {
      const was = halted.current;
      halted.current = reason;
      if (reason) {
        clearTimeout(holdTimer.current);
        updatePending((list) =>
          list.map((m) => (m.state === "failed" ? m : { ...m, state: "failed", error: reason, retryAt: undefined })),
        );
      } else if (was) {
        rejoin.current();
      }
    },
    [updatePending],
  );

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
    <E extends "job:transition" | "job:eta" | "job:schedule">(
      event: E,
      payload: Parameters<ClientToServerEvents[E]>[0],
    ) =>
      new Promise<string | null>((resolve) => {
        const ack = (timedOut: Error | null, response: Response<JobSummary>) => {
          if (timedOut) return resolve("No connection right now. Try again in a moment.");
          if ("error" in response) return resolve(response.error.message);
          setJob((current) => ({ ...current, ...response.data }));
          resolve(null);
        };
        (getSocket().timeout(ACK_TIMEOUT_MS).emit as (e: string, p: unknown, a: typeof ack) => void)(
          event,
          payload,
          ack,
        );
      }),
    [],
  );
  const transition = useCallback(
    (to: JobStatusName, details: TransitionDetails = {}) => changeJob("job:transition", { jobId, to, ...details }),
    [changeJob, jobId],
  );
  const updateEta = useCallback((eta: string) => changeJob("job:eta", { jobId, eta }), [changeJob, jobId]);
  const schedule = useCallback(
    (window: { windowStart: string; windowEnd: string }) => changeJob("job:schedule", { jobId, ...window }),
    [changeJob, jobId],
  );

  return {
    job,
    messages,
    pending,
    readers,
    typing,
    loadError,
    gone,
    halt,
    send,
    retry,
    discard,
    markRead,
    notifyTyping,
    transition,
    updateEta,
    schedule,
  };
}

export type ThreadState = ReturnType<typeof useThread>;

/** What some status steps carry: the work summary with "Job complete", the reason for a step back. */
export type TransitionDetails = { summary?: string; reason?: string; eta?: string };
