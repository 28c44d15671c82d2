"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import type { JobFeedback } from "@/lib/feedback/get-job-feedback.ts";
import {
  MAX_COMMENT_LENGTH,
  RECOMMEND_MAX,
  RECOMMEND_MIN,
  SATISFACTION_MAX,
  SATISFACTION_MIN,
} from "@/lib/feedback/rating-rules.ts";
import type { OwnRating } from "@/lib/feedback/rating-view.ts";
import { formatDayTime } from "@/lib/format/dates.ts";
import { cleanMessageText, messageLength } from "@/lib/messages/message-text.ts";
import { callApi } from "../ui/call-api.ts";
import { ScorePicker } from "./score-picker.tsx";

type Props = { jobId: string; timeZone: string };
type Mode = "loading" | "form" | "later" | "done";

const FEELING: Record<number, string> = {
  1: "very unhappy",
  2: "unhappy",
  3: "okay",
  4: "happy",
  5: "very happy",
};

/**
 * The homeowner's rating of a finished job, in their thread: how the visit
 * went (1–5), how likely they are to recommend the company (0–10) and an
 * optional comment. Changeable until 24 hours after it was first given; the
 * thank-you passes on the company's request page.
 */
export function RatingCard({ jobId, timeZone }: Props) {
  const [mode, setMode] = useState<Mode>("loading");
  const [rating, setRating] = useState<OwnRating | null>(null);
  const [sharePath, setSharePath] = useState<string | null>(null);
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [recommend, setRecommend] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [thanked, setThanked] = useState(false);
  const [copied, setCopied] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  const headingId = useId();
  const commentId = useId();
  const problemId = useId();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    void callApi<JobFeedback>(`/api/jobs/${jobId}/feedback`, { method: "GET" }).then((result) => {
      if (!live || !result.ok || result.data.for !== "homeowner") return;
      setSharePath(result.data.sharePath);
      setRating(result.data.rating);
      setMode(result.data.rating ? "done" : "form");
    });
    return () => {
      live = false;
    };
  }, [jobId]);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(tick);
  }, []);

  useEffect(() => {
    if (focusHeading.current && mode !== "loading") {
      focusHeading.current = false;
      headingRef.current?.focus();
    }
  });

  const show = (next: Mode) => {
    focusHeading.current = true;
    setMode(next);
  };

  const edit = () => {
    if (rating) {
      setSatisfaction(rating.satisfaction);
      setRecommend(rating.recommend);
      setComment(rating.comment);
    }
    setProblem(null);
    setThanked(false);
    show("form");
  };

  const commentLeft = MAX_COMMENT_LENGTH - messageLength(cleanMessageText(comment));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (satisfaction === null || recommend === null) {
      setProblem(
        satisfaction === null
          ? "Choose how the visit went, from 1 to 5."
          : "Choose how likely you are to recommend us, from 0 to 10.",
      );
      return;
    }
    if (commentLeft < 0) return setProblem(`Your comment can be at most ${MAX_COMMENT_LENGTH} characters.`);
    setBusy(true);
    setProblem(null);
    const result = await callApi<OwnRating>(`/api/jobs/${jobId}/feedback`, {
      method: "POST",
      body: { satisfaction, recommend, comment },
    });
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setRating(result.data);
    setThanked(true);
    show("done");
  };

  if (mode === "loading") return null;

  const editable = rating !== null && new Date(rating.editableUntil).getTime() > now;
  const shareUrl = sharePath && typeof window !== "undefined" ? `${window.location.origin}${sharePath}` : sharePath;

  const copy = async () => {
    if (!shareUrl || !navigator.clipboard) return;
    await navigator.clipboard.writeText(shareUrl).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  if (mode === "later") {
    return (
      <div>
        <button
          type="button"
          onClick={() => show("form")}
          className="min-h-12 w-full rounded-xl border-2 border-blue-700 px-4 text-base font-semibold text-blue-800 hover:bg-blue-50"
        >
          Rate this visit
        </button>
      </div>
    );
  }

  return (
    <section
      aria-labelledby={headingId}
      data-testid="rating-card"
      className="rounded-2xl border border-slate-200 bg-white px-4 py-3 shadow-sm"
    >
      {mode === "done" && rating ? (
        <div>
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
            {thanked ? "Thank you for your rating!" : "Your rating"}
          </h2>
          <p role="status" className="text-base text-slate-800">
            {thanked && <span className="sr-only">Thank you for your rating! </span>}
            You rated the visit {rating.satisfaction} of {SATISFACTION_MAX} and would recommend us {rating.recommend} of{" "}
            {RECOMMEND_MAX}.
          </p>
          {rating.comment && (
            <p className="mt-1 text-sm text-slate-700">
              You said: <q dir="auto">{rating.comment}</q>
            </p>
          )}
          {editable && (
            <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
              <span>You can change your rating until {formatDayTime(rating.editableUntil, timeZone)}.</span>
              <button
                type="button"
                onClick={edit}
                className="min-h-11 rounded-xl border border-slate-400 px-4 text-base text-slate-900 hover:bg-slate-100"
              >
                Change my rating
              </button>
            </p>
          )}
          {sharePath && (
            <div className="mt-3 rounded-xl bg-emerald-50 p-3">
              <p className="text-base text-slate-900">
                Know someone who needs help at home? Send them our request page:{" "}
                <a
                  href={sharePath}
                  className="break-all font-semibold text-blue-800 underline"
                  data-testid="share-link"
                >
                  {shareUrl}
                </a>
              </p>
              <button
                type="button"
                onClick={copy}
                className="mt-2 min-h-11 rounded-xl border border-emerald-700 bg-white px-4 text-base text-emerald-900 hover:bg-emerald-100"
              >
                Copy link
              </button>
              <span role="status" className="ml-2 text-sm text-emerald-900">
                {copied ? "Link copied" : ""}
              </span>
            </div>
          )}
        </div>
      ) : (
        <form onSubmit={submit} noValidate aria-describedby={problem ? problemId : undefined}>
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
            {rating ? "Change your rating" : "How did we do?"}
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            The job is done. Your rating goes to the office, not the public.
          </p>
          <div className="space-y-4">
            <ScorePicker
              name="satisfaction"
              legend="How was the visit?"
              hint="1 = very unhappy, 5 = very happy"
              min={SATISFACTION_MIN}
              max={SATISFACTION_MAX}
              value={satisfaction}
              onChange={setSatisfaction}
              labelOf={(score) => `${score} of ${SATISFACTION_MAX}, ${FEELING[score]}`}
              columns="grid-cols-5"
            />
            <ScorePicker
              name="recommend"
              legend="How likely are you to recommend us to a friend?"
              hint="0 = not at all likely, 10 = extremely likely"
              min={RECOMMEND_MIN}
              max={RECOMMEND_MAX}
              value={recommend}
              onChange={setRecommend}
              labelOf={(score) => `${score} of ${RECOMMEND_MAX}`}
              columns="grid-cols-6 sm:grid-cols-11"
            />
            <div>
              <label htmlFor={commentId} className="text-base font-semibold text-slate-900">
                Anything you'd like to tell us? <span className="font-normal text-slate-700">(optional)</span>
              </label>
              <textarea
                id={commentId}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                rows={2}
                className="mt-1 block min-h-12 w-full resize-y rounded-xl border border-slate-400 bg-white px-3 py-2 text-base"
              />
              {commentLeft < 200 && (
                <p className="mt-1 text-sm text-slate-700" aria-live="polite">
                  {commentLeft >= 0 ? `${commentLeft} characters left` : `${-commentLeft} too many characters`}
                </p>
              )}
            </div>
          </div>
          {problem && (
            <p id={problemId} role="alert" className="mt-3 text-base text-red-800">
              {problem}
            </p>
          )}
          <div className="mt-3 flex flex-wrap gap-2">
            <button
              type="submit"
              disabled={busy}
              className="min-h-12 flex-1 rounded-xl bg-blue-700 px-5 text-base font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
            >
              {/* Not "Send…": the composer's button below is the thread's one "Send". */}
              {busy ? "Submitting…" : rating ? "Save my rating" : "Submit my rating"}
            </button>
            <button
              type="button"
              onClick={() => (rating ? show("done") : show("later"))}
              className="min-h-12 rounded-xl border border-slate-400 px-4 text-base text-slate-900 hover:bg-slate-100"
            >
              {rating ? "Keep my rating" : "Not now"}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
