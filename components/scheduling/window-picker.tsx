"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { zonedInstant, zonedToday } from "@/lib/format/zoned-time.ts";
import { ACTION, ACTION_OUTLINE, PICKER_FIELD, SECONDARY } from "../ui/action-styles.ts";

/** The windows most visits are booked in; any other is two times away. */
const PRESETS = [
  { label: "8–10 am", start: "08:00", end: "10:00" },
  { label: "10 am–12 pm", start: "10:00", end: "12:00" },
  { label: "12–2 pm", start: "12:00", end: "14:00" },
  { label: "2–4 pm", start: "14:00", end: "16:00" },
  { label: "4–6 pm", start: "16:00", end: "18:00" },
] as const;

export type PickedWindow = { windowStart: string; windowEnd: string };

type Props = {
  question: string;
  timeZone: string;
  /** The current window (ISO), when moving one. */
  current?: PickedWindow | null;
  onPick: (window: PickedWindow) => Promise<string | null>;
  onCancel: () => void;
};

/** A day and an arrival window on the company's clock: one tap for the usual windows. */
export function WindowPicker({ question, timeZone, current, onPick, onCancel }: Props) {
  const id = useId();
  const dayInput = useRef<HTMLInputElement>(null);
  const today = zonedToday(timeZone);
  const [day, setDay] = useState(() => (current ? zonedToday(timeZone, Date.parse(current.windowStart)) : today));
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => dayInput.current?.focus(), []);

  const pick = async (start: string, end: string) => {
    if (!day) return setProblem("Pick a day first.");
    setBusy(true);
    setProblem(
      await onPick({
        windowStart: zonedInstant(day, start, timeZone).toISOString(),
        windowEnd: zonedInstant(day, end, timeZone).toISOString(),
      }),
    );
    setBusy(false);
  };

  const pickOwn = (event: FormEvent) => {
    event.preventDefault();
    if (!from || !to) return setProblem("Pick both times of the window.");
    void pick(from, to);
  };

  return (
    <fieldset
      onKeyDown={(event) => event.key === "Escape" && onCancel()}
      className="mt-3 flex flex-col gap-2 rounded-xl border border-slate-300 bg-slate-50 p-3"
    >
      <legend className="float-left mb-2 font-semibold">{question}</legend>
      <label htmlFor={`${id}-day`} className="flex flex-col text-sm">
        Day
        <input
          id={`${id}-day`}
          ref={dayInput}
          type="date"
          min={today}
          value={day}
          onChange={(event) => setDay(event.target.value)}
          className={`${PICKER_FIELD} max-w-xs`}
        />
      </label>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {PRESETS.map((preset) => (
          <button
            key={preset.label}
            type="button"
            // A window already over today can't be promised.
            disabled={busy || (day === today && zonedInstant(day, preset.end, timeZone).getTime() <= Date.now())}
            onClick={() => pick(preset.start, preset.end)}
            className={`${ACTION} px-2`}
          >
            {preset.label}
          </button>
        ))}
      </div>
      <form onSubmit={pickOwn} className="flex flex-wrap items-end gap-2">
        <label htmlFor={`${id}-from`} className="flex flex-col text-sm">
          Or from
          <input
            id={`${id}-from`}
            type="time"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            className={PICKER_FIELD}
          />
        </label>
        <label htmlFor={`${id}-to`} className="flex flex-col text-sm">
          to
          <input
            id={`${id}-to`}
            type="time"
            value={to}
            onChange={(event) => setTo(event.target.value)}
            className={PICKER_FIELD}
          />
        </label>
        <button type="submit" disabled={busy} className={ACTION_OUTLINE}>
          Set window
        </button>
      </form>
      <p className="text-sm text-slate-700">Times are on the company's clock ({timeZone.replace(/_/g, " ")}).</p>
      {problem && (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
      <div>
        <button type="button" onClick={onCancel} className={SECONDARY}>
          Back
        </button>
      </div>
    </fieldset>
  );
}
