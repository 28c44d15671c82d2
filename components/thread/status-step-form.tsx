"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ACTION, SECONDARY } from "../ui/action-styles.ts";

type Props = {
  /** The question the box answers ("What did you do?"). */
  label: string;
  hint: string;
  maxLength: number;
  submitLabel: string;
  onSubmit: (text: string) => Promise<string | null>;
  onCancel: () => void;
};

/** A status step that needs a few words first: the work summary with "Job complete", the reason for a step back. */
export function StatusStepForm({ label, hint, maxLength, submitLabel, onSubmit, onCancel }: Props) {
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => box.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setProblem("Write a few words first: everyone in the thread will read them.");
      box.current?.focus();
      return;
    }
    setBusy(true);
    const failed = await onSubmit(text.trim());
    setBusy(false);
    if (failed) setProblem(failed);
  };

  return (
    <form onSubmit={submit} className="mt-3 flex flex-col gap-2 rounded-xl border border-slate-300 bg-slate-50 p-3">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {hint}
      </p>
      <textarea
        id={id}
        ref={box}
        value={text}
        maxLength={maxLength}
        rows={3}
        required
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ""}`}
        aria-invalid={problem ? true : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => event.key === "Escape" && onCancel()}
        className="rounded-lg border border-slate-400 bg-white p-2 text-base"
      />
      {problem && (
        <p id={`${id}-problem`} role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={busy} className={ACTION}>
          {busy ? "Saving…" : submitLabel}
        </button>
        <button type="button" onClick={onCancel} className={SECONDARY}>
          Back
        </button>
      </div>
    </form>
  );
}
