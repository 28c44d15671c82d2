"use client";

import { useEffect, useState } from "react";
import type { PendingMessage } from "./use-thread.ts";

type Props = {
  message: PendingMessage;
  /** Absent when it can no longer go out (the job is not ours to write in): only discarding is left. */
  onRetry?: () => void;
  onDiscard: () => void;
};

const STATE_TEXT = {
  sending: "Sending…",
  waiting: "Waiting for connection. It will send by itself.",
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

/** A message of ours the server has not confirmed yet: honest about where it is. */
export function PendingBubble({ message, onRetry, onDiscard }: Props) {
  const note = message.visibility === "STAFF";
  const seconds = useSecondsUntil(message.state === "limited" ? message.retryAt : undefined);
  // Due but not sent yet: it waits its turn behind the messages before it.
  const text =
    seconds === null
      ? STATE_TEXT[message.state]
      : seconds > 0
        ? `Slow down — sending again in ${seconds} s`
        : "Slow down — sending in turn.";
  return (
    <li className="my-2 flex justify-end" data-pending={message.state}>
      <article
        className={`max-w-[85%] overflow-hidden rounded-2xl px-4 py-2 opacity-90 sm:max-w-[70%] ${
          note ? "border-2 border-dashed border-amber-500 bg-amber-50" : "bg-blue-100 text-slate-900"
        }`}
        aria-label={`Your message, ${STATE_TEXT[message.state]}`}
      >
        <p dir="auto" className="text-base leading-snug break-words whitespace-pre-wrap">
          {message.body}
        </p>
        <footer className="mt-1 text-xs text-slate-700" role="status">
          {text} {message.error}
          {message.state === "failed" && (
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
