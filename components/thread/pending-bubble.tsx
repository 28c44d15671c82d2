"use client";

import { useEffect, useState } from "react";
import { STATUS_LABEL } from "@/lib/jobs/status-machine.ts";
import type { PendingEntry } from "../offline/outbox-store.ts";

type Props = {
  message: PendingEntry;
  /** Absent when it can no longer go out (the job is not ours to write in): only discarding is left. */
  onRetry?: () => void;
  onDiscard: () => void;
  /** A photo going up: how far (percent). */
  progress?: number;
};

const STATE_TEXT = {
  sending: "Sending…",
  waiting: "Waiting to send. It will go out by itself.",
  limited: "Slow down — sending again soon.",
  failed: "Not sent.",
} as const;

/** Whole seconds until `retryAt`, counting down each second (0 once it is due). */
function useSecondsUntil(retryAt: number | undefined): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (retryAt === undefined) return;
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [retryAt]);
  return retryAt === undefined ? null : Math.max(0, Math.ceil((retryAt - now) / 1000));
}

/** A status tap in words, as it will read in the thread once taken. */
const STEP_TEXT: Partial<Record<keyof typeof STATUS_LABEL, string>> = {
  EN_ROUTE: "On my way",
  ON_SITE: "Arrived",
  COMPLETED: "Job complete",
};

/** A message or status tap of ours the server has not confirmed yet: honest about where it is. */
export function PendingBubble({ message: entry, onRetry, onDiscard, progress }: Props) {
  const note = entry.kind !== "step" && entry.visibility === "STAFF";
  const seconds = useSecondsUntil(entry.state === "limited" ? entry.retryAt : undefined);
  // Due but not sent yet: it waits its turn behind the messages before it.
  const text =
    seconds === null
      ? STATE_TEXT[entry.state]
      : seconds > 0
        ? `Slow down — sending again in ${seconds} s`
        : "Slow down — sending in turn.";
  const what = { message: "Your message", step: "Your status update", photo: "Your photo" }[entry.kind];
  return (
    <li className="my-2 flex justify-end" data-pending={entry.state} data-pending-kind={entry.kind}>
      <article
        className={`max-w-[85%] overflow-hidden rounded-2xl px-4 py-2 opacity-90 sm:max-w-[70%] ${
          note
            ? "border-2 border-dashed border-amber-500 bg-amber-50"
            : entry.kind === "step"
              ? "border-2 border-dashed border-emerald-600 bg-emerald-50 text-slate-900"
              : "bg-blue-100 text-slate-900"
        }`}
        aria-label={`${what}, ${STATE_TEXT[entry.state]}`}
      >
        {entry.kind === "message" ? (
          <p dir="auto" className="text-base leading-snug break-words whitespace-pre-wrap">
            {entry.body}
          </p>
        ) : entry.kind === "photo" ? (
          <PhotoPreview blob={entry.blob} caption={entry.caption} />
        ) : (
          <p className="text-base font-semibold">
            Status: {STEP_TEXT[entry.to] ?? STATUS_LABEL[entry.to]}
            {entry.details.summary && <span className="block font-normal">{entry.details.summary}</span>}
          </p>
        )}
        <footer className="mt-1 text-xs text-slate-700" role="status">
          {entry.kind === "photo" && entry.state === "sending" && progress !== undefined ? (
            <progress
              max={100}
              value={progress}
              aria-label="Sending the photo"
              className="mr-2 h-2 w-24 align-middle"
            />
          ) : null}
          {text}
          {entry.kind === "photo" && entry.state === "sending" && progress !== undefined ? ` ${progress}%` : ""}{" "}
          {entry.error}
          {entry.state === "failed" && (
            <span className="ml-2 inline-flex gap-2">
              {onRetry && (
                <button type="button" onClick={onRetry} className="font-semibold text-blue-800 underline">
                  Try again
                </button>
              )}
              <button type="button" onClick={onDiscard} className="text-slate-700 underline">
                Discard
              </button>
            </span>
          )}
        </footer>
      </article>
    </li>
  );
}

/** The photo as it will go up, from the phone's own copy (a blob: URL, let go when it leaves the screen). */
function PhotoPreview({ blob, caption }: { blob: Blob; caption: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return (
    <>
      {url && (
        // biome-ignore lint/performance/noImgElement: a local preview (blob: URL) of a photo not sent yet
        <img src={url} alt="Your photo, not sent yet" className="max-h-48 w-auto max-w-full rounded-lg bg-slate-200" />
      )}
      {caption.trim() && (
        <p dir="auto" className="mt-1 text-base leading-snug break-words whitespace-pre-wrap">
          {caption}
        </p>
      )}
    </>
  );
}
