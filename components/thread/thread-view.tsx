"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ROLE_LABEL } from "@/lib/auth/actor.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import type { TechnicianOption } from "@/lib/jobs/list-technicians.ts";
import type { ThreadPage } from "@/lib/messages/list-messages.ts";
import type { MessageView } from "@/lib/messages/message-view.ts";
import { JobRatingPanel } from "../feedback/job-rating-panel.tsx";
import { RatingCard } from "../feedback/rating-card.tsx";
import { JobProgress } from "../homeowner/job-progress.tsx";
import { TechnicianCard } from "../homeowner/technician-card.tsx";
import { outboxAuthor } from "../offline/outbox-store.ts";
import { AccessEnded } from "../realtime/access-ended.tsx";
import { useConnection } from "../realtime/use-connection.ts";
import { NextAction } from "../tech/next-action.tsx";
import { TechJobHeader } from "../tech/tech-job-header.tsx";
import { Composer } from "./composer.tsx";
import { FoldedJobLine } from "./folded-job-line.tsx";
import { HomeownerReach } from "./homeowner-reach.tsx";
import { MessageBubble } from "./message-bubble.tsx";
import { PendingBubble } from "./pending-bubble.tsx";
import { QuickReplies } from "./quick-replies.tsx";
import { StatusBar } from "./status-bar.tsx";
import type { Viewer } from "./use-status-step.ts";
import { useThread } from "./use-thread.ts";
import { writingStopped } from "./writing-stopped.ts";

type Props = {
  jobId: string;
  initial: ThreadPage | null;
  viewer: Viewer;
  timeZone: string;
  technicians?: TechnicianOption[];
  /** Staff: the homeowner's phone, for a technician's tap to call. */
  customerPhone?: string | null;
  /** Tells a surrounding list how far this viewer has read. */
  onRead?: (jobId: string, seq: number) => void;
};

/** A phone, or a screen made short by the keyboard or by turning the phone: where a homeowner's job top folds. */
const smallScreen = () => window.matchMedia("(max-width: 639px), (max-height: 480px)").matches;

const isMine = (message: MessageView, viewer: Viewer) =>
  message.author?.role === viewer.role && (viewer.kind === "homeowner" || message.author.name === viewer.name);

export function ThreadView({ jobId, initial, viewer, timeZone, technicians, customerPhone = null, onRead }: Props) {
  const technician = viewer.role === "TECHNICIAN";
  const stopReason = useCallback(
    (standing: JobSummary) => (technician ? (writingStopped(standing, viewer, false)?.pending ?? null) : null),
    [technician, viewer],
  );
  const thread = useThread(jobId, initial, outboxAuthor(viewer.role, viewer.userId ?? viewer.name), stopReason);
  const connection = useConnection();
  const { job, messages, pending, readers, typing, markRead, halt } = thread;
  const listRef = useRef<HTMLOListElement>(null);
  const [now, setNow] = useState(() => Date.now());
  const lastSeq = messages.at(-1)?.seq ?? 0;
  // The job's top folds to one line while they type or scroll, so the conversation gets the height:
  // always for the technician, on a phone or a short screen for the homeowner. "Details" opens it again.
  const [collapsed, setCollapsed] = useState(false);
  const homeowner = viewer.kind === "homeowner";
  const fold = technician || homeowner ? () => setCollapsed(technician || smallScreen()) : undefined;
  const top = useRef<HTMLDivElement>(null);
  // "Details" goes as the job opens: the keyboard lands on the status, at the top of what opened.
  const expand = () => {
    setCollapsed(false);
    requestAnimationFrame(() => top.current?.querySelector<HTMLElement>("[data-status-line]")?.focus());
  };
  const stopped = job && technician ? writingStopped(job, viewer, thread.gone) : null;

  // Losing the job stops sending at once; what waits stays, marked as not sent.
  useEffect(() => halt(stopped?.pending ?? null), [halt, stopped?.pending]);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(tick);
  }, []);

  // Keep the newest message in view (ours too, while pending), and tell others we have read it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pending.length is what should scroll
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
    if (lastSeq > 0 && document.visibilityState === "visible") {
      markRead(lastSeq);
      onRead?.(jobId, lastSeq);
    }
  }, [lastSeq, pending.length, markRead, onRead, jobId]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible" && lastSeq > 0) markRead(lastSeq);
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [lastSeq, markRead]);

  if (!job) {
    return (
      <div className="flex h-full items-center justify-center p-8 text-slate-700" role="status">
        {thread.loadError ?? "Loading the conversation…"}
      </div>
    );
  }

  const lastMine = [...messages].reverse().find((m) => m.kind === "TEXT" && isMine(m, viewer));
  const seenBy = lastMine
    ? readers.filter(
        (r) =>
          r.lastReadSeq >= lastMine.seq &&
          // A homeowner's read mark passes notes they never see.
          !(lastMine.visibility === "STAFF" && r.role === "HOMEOWNER") &&
          !(r.role === viewer.role && (viewer.kind === "homeowner" || r.name === viewer.name)),
      )
    : [];
  const typingNow = typing.filter((t) => t.until > now - 1000);
  // A status tap waiting to go out moves the technician's next step on: arrived after "On my way", offline too.
  const waitingStep = pending.findLast((entry) => entry.kind === "step" && entry.state !== "failed");
  const actionJob = waitingStep?.kind === "step" ? { ...job, status: waitingStep.to } : job;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div ref={top}>
        {technician ? (
          <TechJobHeader
            job={job}
            timeZone={timeZone}
            customerPhone={customerPhone}
            collapsed={collapsed}
            onExpand={expand}
            reconnecting={connection === "reconnecting"}
          />
        ) : collapsed ? (
          <FoldedJobLine job={job} timeZone={timeZone} reconnecting={connection === "reconnecting"} onExpand={expand} />
        ) : (
          <StatusBar
            job={job}
            technicians={technicians}
            viewer={viewer}
            timeZone={timeZone}
            reconnecting={connection === "reconnecting"}
            onTransition={thread.transition}
            onUpdateEta={thread.updateEta}
            onSchedule={thread.schedule}
          />
        )}
      </div>
      {connection === "offline" && (
        <p role="status" className="border-b border-amber-300 bg-amber-100 px-4 py-2 text-base text-amber-950">
          You're offline. What you send waits here and goes out by itself when you're back online.
        </p>
      )}
      {!thread.outboxKept && pending.length > 0 && (
        <p role="status" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950">
          This browser can't keep unsent messages if the page is closed (private browsing?). Keep this page open until
          they have gone out.
        </p>
      )}
      {homeowner && !collapsed && (
        <>
          <JobProgress job={job} timeZone={timeZone} />
          {job.technician && <TechnicianCard technician={job.technician} />}
        </>
      )}
      {viewer.kind === "staff" && !(technician && collapsed) && (
        <>
          <HomeownerReach jobId={job.id} now={now} />
          <JobRatingPanel job={job} messages={messages} timeZone={timeZone} />
        </>
      )}
      <ol
        ref={listRef}
        className="min-h-0 flex-1 overflow-y-auto px-3 py-2"
        aria-label="Conversation"
        aria-live="polite"
        aria-relevant="additions"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling region must be reachable by keyboard
        tabIndex={0}
        // A finger or wheel moving the conversation (not new messages scrolling it) folds the header.
        onTouchMove={fold}
        onWheel={fold}
        // Writing inside the conversation (a rating's comment) wants the height as much as the message box.
        onFocus={
          fold
            ? (event) => {
                if (event.target instanceof HTMLTextAreaElement) fold();
              }
            : undefined
        }
      >
        {messages.length === 0 && pending.length === 0 && (
          <li className="p-6 text-center text-slate-700">
            No messages yet. Say hello: everyone on this job will see it.
          </li>
        )}
        {messages.map((message) => (
          <MessageBubble
            key={message.seq}
            message={message}
            mine={isMine(message, viewer)}
            timeZone={timeZone}
            now={now}
          />
        ))}
        {pending.map((message) => (
          <PendingBubble
            key={message.clientId}
            message={message}
            onRetry={stopped ? undefined : () => thread.retry(message.clientId)}
            progress={thread.uploadProgress[message.clientId]}
            onDiscard={() => thread.discard(message.clientId)}
          />
        ))}
        {viewer.kind === "homeowner" && job.status === "COMPLETED" && (
          // In the conversation, after the newest entry: it scrolls with the thread, never hides it.
          <li className="my-3">
            <RatingCard jobId={job.id} timeZone={timeZone} />
          </li>
        )}
      </ol>
      <div className="min-h-6 px-4 text-sm text-slate-700" aria-live="polite">
        {typingNow.length > 0 ? (
          <span>
            {typingNow.map((t) => `${t.name} (${ROLE_LABEL[t.role as keyof typeof ROLE_LABEL] ?? t.role})`).join(", ")}{" "}
            {typingNow.length === 1 ? "is" : "are"} typing…
          </span>
        ) : lastMine && pending.length === 0 ? (
          <span data-testid="seen-by">
            {seenBy.length > 0
              ? `Seen by ${seenBy.map((r) => `${r.name} (${ROLE_LABEL[r.role as keyof typeof ROLE_LABEL] ?? r.role})`).join(", ")}`
              : "Delivered"}
          </span>
        ) : null}
      </div>
      {connection === "ended" ? (
        <AccessEnded who={viewer.kind} />
      ) : stopped ? (
        <p role="alert" className="border-t border-slate-200 bg-amber-50 px-4 py-3 text-base text-amber-950">
          {stopped.explanation}
        </p>
      ) : (
        <>
          {technician && (
            <NextAction
              job={actionJob}
              viewer={viewer}
              timeZone={timeZone}
              onTransition={thread.transition}
              onUpdateEta={thread.updateEta}
              onSchedule={thread.schedule}
            />
          )}
          <Composer
            onSendPhoto={thread.sendPhoto}
            canWriteNotes={viewer.kind === "staff"}
            onSend={thread.send}
            onTyping={thread.notifyTyping}
            onFocus={fold}
            quickReplies={
              viewer.kind === "staff"
                ? (insert) => <QuickReplies job={job} timeZone={timeZone} onInsert={insert} />
                : undefined
            }
          />
        </>
      )}
    </div>
  );
}
