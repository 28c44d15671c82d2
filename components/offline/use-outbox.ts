"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ErrorBody } from "@/lib/errors.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import type { JobStatusName } from "@/lib/jobs/schemas.ts";
import type { MessageView } from "@/lib/messages/message-view.ts";
import type { VisibilityName } from "@/lib/messages/schemas.ts";
import { getSocket, newClientId } from "../realtime/socket.ts";
import {
  getOutboxStore,
  nextOrder,
  type OutboxStore,
  type PendingEntry,
  type PendingMessage,
  type PendingPhoto,
  type PendingStep,
  type TransitionDetails,
} from "./outbox-store.ts";
import { type PhotoAnswer, sendPhoto } from "./send-photo.ts";
import { stillTrue } from "./still-true.ts";

const ACK_TIMEOUT_MS = 10_000;
const RESEND_AFTER_MS = 3_000;

type Response<T> = { data: T } | ErrorBody;

type Handlers = {
  /** The server stored a message of ours (it also arrives as `message:created`). */
  onStored: (message: MessageView) => void;
  /** The server took a status step of ours: the job as it now stands. */
  onStep: (job: JobSummary) => void;
  /** The server no longer shows us this job. */
  onGone: () => void;
};

/**
 * What this person sent in a thread and the server has not confirmed yet:
 * kept in the outbox (IndexedDB), shown as waiting, and sent one at a time in
 * the order it was made, each with its own clientId on every retry, so it is
 * stored exactly once however often it goes out. Only sent while `ready` (the
 * thread is joined and caught up): a status tap never overtakes a message
 * written before it.
 */
export function useOutbox(jobId: string, author: string, handlers: Handlers) {
  const [pending, setPending] = useState<PendingEntry[]>([]);
  const [persistent, setPersistent] = useState(true);
  /** How far a photo on the wire has gone up (percent), kept out of the store. */
  const [progress, setProgress] = useState<Record<string, number>>({});
  const pendingRef = useRef<PendingEntry[]>([]);
  const storeRef = useRef<OutboxStore | null>(null);
  const loaded = useRef(false);
  const ready = useRef(false);
  /** The entry on the wire and which attempt it is: a late answer to an older attempt is ignored. */
  const inFlight = useRef<{ clientId: string; attempt: number } | null>(null);
  const attempts = useRef(0);
  /** Drops a photo on its way up (the line went down): it waits and goes again. */
  const abortUpload = useRef<(() => void) | null>(null);
  /** After a `rate_limited`, nothing of ours goes out before this time. */
  const holdUntil = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Why nothing more goes out (the job is no longer ours to write in); null while sending is allowed. */
  const halted = useRef<string | null>(null);
  /** Status taps whose button still waits to hear how it went. */
  const tapAnswers = useRef(new Map<string, (problem: string | null) => void>());
  const handlersRef = useRef(handlers);
  const pumpRef = useRef<() => void>(() => {});
  handlersRef.current = handlers;

  const update = useCallback(
    (change: (list: PendingEntry[]) => PendingEntry[]) => {
      const before = pendingRef.current;
      const after = change(before);
      pendingRef.current = after;
      setPending(after);
      const store = storeRef.current;
      if (!store) return;
      // Writes behind the screen: if one fails the entry still lives in memory.
      const kept = new Set(after.map((entry) => entry.clientId));
      for (const entry of after) if (!before.includes(entry)) void store.put(jobId, author, entry).catch(() => {});
      for (const entry of before) if (!kept.has(entry.clientId)) void store.remove(entry.clientId).catch(() => {});
    },
    [jobId, author],
  );

  const change = useCallback(
    (clientId: string, fields: Partial<PendingEntry>) =>
      update((list) => list.map((e) => (e.clientId === clientId ? ({ ...e, ...fields } as PendingEntry) : e))),
    [update],
  );

  /** Tells a waiting status button how its tap went; true if someone was still listening. */
  const answerTap = useCallback((clientId: string, problem: string | null) => {
    const answer = tapAnswers.current.get(clientId);
    tapAnswers.current.delete(clientId);
    answer?.(problem);
    return answer !== undefined;
  }, []);

  const later = useCallback((ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => pumpRef.current(), ms);
  }, []);

  const pump = useCallback(() => {
    const socket = getSocket();
    if (halted.current || inFlight.current || !ready.current || !loaded.current || !socket.connected) return;
    const wait = holdUntil.current - Date.now();
    if (wait > 0) return later(wait);
    const next = pendingRef.current.find((entry) => entry.state !== "failed");
    if (!next) return;
    const attempt = ++attempts.current;
    inFlight.current = { clientId: next.clientId, attempt };
    change(next.clientId, { state: "sending", retryAt: undefined, error: undefined });

    const onAnswer = (timedOut: Error | null, response: Response<MessageView | JobSummary>) => {
      if (next.kind === "photo") setProgress(({ [next.clientId]: _done, ...rest }) => rest);
      if (inFlight.current?.attempt !== attempt) return;
      inFlight.current = null;
      if (timedOut) {
        // No answer: kept, and sent again with the same clientId (the server does it once).
        change(next.clientId, { state: "waiting" });
        if (next.kind === "step") answerTap(next.clientId, null);
        return later(RESEND_AFTER_MS);
      }
      if ("error" in response) {
        const { code, message, retryAfter } = response.error;
        if (code === "rate_limited") {
          // Not lost, not failed: it goes out by itself when the wait is over, the rest behind it.
          holdUntil.current = Math.max(holdUntil.current, Date.now() + (retryAfter ?? 1) * 1000);
          change(next.clientId, { state: "limited", retryAt: holdUntil.current });
          return pumpRef.current();
        }
        if (code === "not_found") handlersRef.current.onGone();
        // A tap refused while its button still waits is answered there; otherwise it stays, marked.
        if (next.kind === "step" && answerTap(next.clientId, message)) {
          update((list) => list.filter((e) => e.clientId !== next.clientId));
        } else {
          change(next.clientId, { state: "failed", error: message });
        }
        return pumpRef.current();
      }
      if (next.kind === "step") handlersRef.current.onStep(response.data as JobSummary);
      else handlersRef.current.onStored(response.data as MessageView);
      update((list) => list.filter((e) => e.clientId !== next.clientId));
      if (next.kind === "step") answerTap(next.clientId, null);
      pumpRef.current();
    };

    if (next.kind === "photo") {
      const onProgress = (percent: number) => setProgress((current) => ({ ...current, [next.clientId]: percent }));
      const upload = sendPhoto(jobId, next, onProgress);
      abortUpload.current = upload.abort;
      void upload.answer.then((answer: PhotoAnswer) => {
        abortUpload.current = null;
        if (answer) onAnswer(null, answer);
        else onAnswer(new Error("no answer"), { data: {} as MessageView });
      });
      return;
    }
    const ack = socket.timeout(ACK_TIMEOUT_MS);
    if (next.kind === "message") {
      ack.emit(
        "message:send",
        { jobId, clientId: next.clientId, body: next.body, visibility: next.visibility },
        onAnswer,
      );
    } else {
      ack.emit("job:transition", { jobId, to: next.to, ...stillTrue(next.details), clientId: next.clientId }, onAnswer);
    }
  }, [jobId, change, update, later, answerTap]);
  pumpRef.current = pump;

  // Load what waited from an earlier visit, then send in order.
  useEffect(() => {
    let current = true;
    loaded.current = false;
    pendingRef.current = [];
    setPending([]);
    void getOutboxStore().then(async (store) => {
      const stored = await store.load(jobId, author).catch(() => []);
      if (!current) return;
      storeRef.current = store;
      setPersistent(store.persistent);
      const waited = stored.map((e) => (e.state === "failed" ? e : { ...e, state: "waiting" as const }));
      loaded.current = true;
      // Entries made while loading are newer: after what waited, and written to the store now.
      update((made) => [...waited.filter((w) => !made.some((m) => m.clientId === w.clientId)), ...made]);
      pumpRef.current();
    });
    const socket = getSocket();
    const onDisconnect = () => {
      abortUpload.current?.();
      inFlight.current = null;
      update((list) => list.map((e) => (e.state === "sending" ? { ...e, state: "waiting" } : e)));
    };
    socket.on("disconnect", onDisconnect);
    return () => {
      current = false;
      clearTimeout(timer.current);
      socket.off("disconnect", onDisconnect);
      ready.current = false;
      inFlight.current = null;
    };
  }, [jobId, author, update]);

  /** The thread is joined and caught up (true), or the line dropped (false). */
  const setReady = useCallback((isReady: boolean) => {
    ready.current = isReady;
    if (isReady) {
      inFlight.current = null;
      pumpRef.current();
    }
  }, []);

  /** Messages the server has stored (however they came back to us) wait no longer. */
  const confirm = useCallback(
    (clientIds: Set<string>) => {
      if (pendingRef.current.some((e) => clientIds.has(e.clientId))) {
        update((list) => list.filter((e) => !clientIds.has(e.clientId)));
      }
    },
    [update],
  );

  const send = useCallback(
    (body: string, visibility: VisibilityName) => {
      const message: PendingMessage = {
        kind: "message",
        clientId: newClientId(),
        body,
        visibility,
        createdAt: new Date().toISOString(),
        order: nextOrder(),
        state: "waiting",
      };
      update((list) => [...list, message]);
      pumpRef.current();
    },
    [update],
  );

  /** A photo, shrunk and captioned: it waits in the thread like a message and goes up in turn. */
  const sendPhotoLater = useCallback(
    (photo: Pick<PendingPhoto, "blob" | "caption" | "visibility">) => {
      const entry: PendingPhoto = {
        kind: "photo",
        clientId: newClientId(),
        ...photo,
        createdAt: new Date().toISOString(),
        order: nextOrder(),
        state: "waiting",
      };
      update((list) => [...list, entry]);
      pumpRef.current();
    },
    [update],
  );

  /**
   * A status tap: answered with the server's refusal (shown by the button)
   * or null once taken, or at once when it has to wait for the line (it is
   * then in the thread as "waiting to send", and goes out by itself).
   */
  const step = useCallback(
    (to: JobStatusName, details: TransitionDetails) =>
      new Promise<string | null>((resolve) => {
        const tap: PendingStep = {
          kind: "step",
          clientId: newClientId(),
          to,
          details,
          createdAt: new Date().toISOString(),
          order: nextOrder(),
          state: "waiting",
        };
        tapAnswers.current.set(tap.clientId, resolve);
        update((list) => [...list, tap]);
        if (!getSocket().connected) answerTap(tap.clientId, null);
        pumpRef.current();
      }),
    [update, answerTap],
  );

  const retry = useCallback(
    (clientId: string) => {
      change(clientId, { state: "waiting", error: undefined });
      pumpRef.current();
    },
    [change],
  );

  const discard = useCallback(
    (clientId: string) => update((list) => list.filter((e) => e.clientId !== clientId)),
    [update],
  );

  /**
   * Stops everything of ours going out, with why (the job was given to someone
   * else, canceled): what waits is kept and shown as not sent. `null` lets it
   * go again (the job came back).
   */
  const halt = useCallback(
    (reason: string | null) => {
      halted.current = reason;
      if (!reason) return pumpRef.current();
      clearTimeout(timer.current);
      for (const entry of pendingRef.current) if (entry.kind === "step") answerTap(entry.clientId, null);
      update((list) =>
        list.map((e) => (e.state === "failed" ? e : { ...e, state: "failed", error: reason, retryAt: undefined })),
      );
    },
    [update, answerTap],
  );

  return {
    pending,
    persistent,
    progress,
    send,
    sendPhoto: sendPhotoLater,
    step,
    retry,
    discard,
    confirm,
    setReady,
    halt,
  };
}
