"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { nextZonedTime } from "@/lib/format/zoned-time.ts";
import { ACTION, ACTION_OUTLINE, PICKER_FIELD, SECONDARY } from "../ui/action-styles.ts";

const MINUTES = [15, 30, 45, 60] as const;
/** A time just passed still means "now" (less than the server's 2 minutes, lib/jobs/schemas.ts etaSchema). */
const CLOCK_SLACK_MS = 60_000;

type Props = {
  question: string;
  timeZone: string;
  /** Gives the picked arrival time (ISO), or null for "not sure yet" when offered. */
  onPick: (eta: string | null) => Promise<string | null>;
  onCancel: () => void;
  allowUnknown?: boolean;
};

/** One tap for "in 15/30/45/60 minutes", or a clock time in the company's zone. */
export function EtaPicker({ question, timeZone, onPick, onCancel, allowUnknown = false }: Props) {
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);
  const [time, setTime] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => first.current?.focus(), []);

  const pick = async (eta: string | null) => {
    setBusy(true);
    setProblem(await onPick(eta));
    setBusy(false);
  };

  const pickTime = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{2}:\d{2}$/.test(time)) return setProblem("Pick a time first.");
    const at = nextZonedTime(time, timeZone, Date.now(), CLOCK_SLACK_MS);
    if (!at) return setProblem("That time has already passed. Pick a later one.");
    void pick(at.toISOString());
  };

  return (
    <fieldset
      onKeyDown={(event) => event.key === "Escape" && onCancel()}
      className="mt-3 flex flex-col gap-2 rounded-xl border border-slate-300 bg-slate-50 p-3"
    >
      <legend className="float-left mb-2 font-semibold">{question}</legend>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {MINUTES.map((minutes, index) => (
          <button
            key={minutes}
            ref={index === 0 ? first : undefined}
            type="button"
            disabled={busy}
            onClick={() => pick(new Date(Date.now() + minutes * 60_000).toISOString())}
            className={ACTION}
          >
            {minutes === 60 ? "1 hour" : `${minutes} min`}
          </button>
        ))}
      </div>
      <form onSubmit={pickTime} className="flex flex-wrap items-end gap-2">
        <label htmlFor={`${id}-time`} className="flex flex-col text-sm">
          Or at a time
          <input
            id={`${id}-time`}
            type="time"
            value={time}
            onChange={(event) => setTime(event.target.value)}
            className={PICKER_FIELD}
          />
        </label>
        <button type="submit" disabled={busy} className={ACTION_OUTLINE}>
          Set time
        </button>
      </form>
      {problem && (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {allowUnknown && (
          <button type="button" disabled={busy} onClick={() => pick(null)} className={SECONDARY}>
            Not sure yet
          </button>
        )}
        <button type="button" onClick={onCancel} className={SECONDARY}>
          Back
        </button>
      </div>
    </fieldset>
  );
}
