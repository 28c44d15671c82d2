"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { messageLength } from "@/lib/messages/message-text.ts";
import {
  cleanQuickReply,
  fillQuickReply,
  MAX_QUICK_REPLY_LENGTH,
  QUICK_REPLY_VARIABLES,
  type QuickReplyFacts,
  quickReplyProblem,
} from "@/lib/quick-replies/template.ts";

type Props = {
  label: string;
  submitLabel: string;
  initial?: string;
  sample: QuickReplyFacts;
  /** Saves the text; answers a problem to show under the box, or null when saved. */
  onSave: (text: string) => Promise<string | null>;
  /** Changing a reply: the box and its Cancel (Escape too); the box takes the focus when it opens. */
  onCancel?: () => void;
};

/**
 * One quick reply's words: blanks to drop in with a tap (braces are hard to
 * find on a phone keyboard), a preview filled from a sample job, and the
 * server's own rule checked before anything is sent.
 */
export function QuickReplyForm({ label, submitLabel, initial = "", sample, onSave, onCancel }: Props) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const cleaned = cleanQuickReply(text);
  const left = MAX_QUICK_REPLY_LENGTH - messageLength(cleaned);
  const opensFocused = Boolean(onCancel);

  useEffect(() => {
    if (opensFocused) boxRef.current?.focus();
  }, [opensFocused]);

  const addBlank = (blank: string) => {
    const box = boxRef.current;
    const at = box?.selectionStart ?? text.length;
    const end = box?.selectionEnd ?? at;
    const before = text.slice(0, at);
    const spaced = before && !/\s$/.test(before) ? ` ${blank}` : blank;
    setText(`${before}${spaced}${text.slice(end)}`);
    setProblem(null);
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(at + spaced.length, at + spaced.length);
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const refused = quickReplyProblem(cleaned);
    if (refused) return setProblem(refused);
    setBusy(true);
    const failed = await onSave(cleaned);
    setBusy(false);
    setProblem(failed);
    if (!failed && !onCancel) setText("");
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-2" noValidate>
      <label htmlFor={`${id}-text`} className="font-medium">
        {label}
      </label>
      <textarea
        ref={boxRef}
        id={`${id}-text`}
        value={text}
        rows={2}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape" && onCancel) onCancel();
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ""}`}
        placeholder="For example: Hi {first name}, I'm on my way."
        className="rounded-lg border border-slate-400 bg-white p-2 text-base"
      />
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        Blanks are filled in from the job when someone taps the reply.{" "}
        {left < 50 && (left >= 0 ? `${left} characters left.` : `${-left} characters too many.`)}
      </p>
      <fieldset className="flex min-w-0 flex-wrap gap-2" aria-label="Add a blank">
        {QUICK_REPLY_VARIABLES.map((blank) => (
          <button
            key={blank}
            type="button"
            onClick={() => addBlank(blank)}
            className="min-h-10 rounded-full border border-slate-400 bg-white px-3 text-sm hover:bg-slate-100"
          >
            + {blank}
          </button>
        ))}
      </fieldset>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
      {cleaned && !problem && (
        <p className="rounded-lg bg-slate-100 p-2 text-sm text-slate-800">
          <span className="font-medium">Preview with a sample job:</span> {fillQuickReply(cleaned, sample)}
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy}
          className="min-h-11 rounded-lg bg-blue-700 px-4 font-semibold text-white hover:bg-blue-800 disabled:opacity-50"
        >
          {busy ? "Saving…" : submitLabel}
        </button>
        {onCancel && (
          <button
            type="button"
            onClick={onCancel}
            className="min-h-11 rounded-lg border border-slate-400 bg-white px-4 font-medium hover:bg-slate-100"
          >
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
