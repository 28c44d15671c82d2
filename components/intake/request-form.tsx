"use client";

import { type FormEvent, useRef, useState } from "react";
import { TextAreaField, TextField } from "../ui/text-field.tsx";

type Props = {
  slug: string;
  /** Field problems said by the page after a plain form post came back (no script ran). */
  initialErrors?: Record<string, string>;
  initialSummary?: string | null;
};

type Answer = { data?: { path: string }; error?: { message: string; fields?: Record<string, string> } };

const FIELD_ORDER = ["name", "phone", "email", "address", "problem", "preferredTimes", "channel"];

const LABEL = "text-base font-medium";
const inputClass =
  "rounded-lg border border-slate-400 bg-white px-3 py-3 text-base aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/**
 * The homeowner's request. Works without its script: a plain POST answered
 * with a redirect into the thread (or back here, naming the fields to fix).
 * With the script it sends JSON, keeps what was typed and shows each problem
 * beside its field.
 */
export function RequestForm({ slug, initialErrors = {}, initialSummary = null }: Props) {
  const [errors, setErrors] = useState<Record<string, string>>(initialErrors);
  const [summary, setSummary] = useState<string | null>(initialSummary);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const action = `/api/companies/${encodeURIComponent(slug)}/requests`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const data = Object.fromEntries(new FormData(event.currentTarget).entries());
    setBusy(true);
    setSummary(null);
    const response = await fetch(action, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(data),
      cache: "no-store",
    }).catch(() => null);
    const answer = (await response?.json().catch(() => null)) as Answer | null;
    if (response?.ok && answer?.data) {
      window.location.assign(answer.data.path);
      return;
    }
    setBusy(false);
    const fields = answer?.error?.fields ?? {};
    setErrors(fields);
    setSummary(
      response
        ? (answer?.error?.message ?? "That didn't go through. Please try again.")
        : "No connection right now. Your details are still here: try again in a moment.",
    );
    const first = FIELD_ORDER.find((name) => fields[name]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="text-sm font-medium text-red-800">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form ref={formRef} method="post" action={action} onSubmit={submit} className="flex flex-col gap-5" noValidate>
      <TextField
        id="name"
        label="Your name"
        labelClassName={LABEL}
        error={errors.name}
        autoComplete="name"
        required
        maxLength={100}
        className={inputClass}
      />

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-base font-medium">How can we reach you?</legend>
        <p id="contact-hint" className="-mt-2 text-sm text-slate-700">
          A phone number, an email, or both.
        </p>
        <TextField
          id="phone"
          label="Phone"
          labelClassName={LABEL}
          error={errors.phone}
          describedBy="contact-hint"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={30}
          className={inputClass}
        />
        <TextField
          id="email"
          label="Email"
          labelClassName={LABEL}
          error={errors.email}
          describedBy="contact-hint"
          type="email"
          inputMode="email"
          autoComplete="email"
          maxLength={254}
          className={inputClass}
        />
      </fieldset>

      <TextField
        id="address"
        label="Address of the work"
        labelClassName={LABEL}
        error={errors.address}
        autoComplete="street-address"
        required
        maxLength={300}
        className={inputClass}
      />

      <TextAreaField
        id="problem"
        label="What's wrong?"
        labelClassName={LABEL}
        error={errors.problem}
        hint="What you see or hear, since when, and anything you've tried."
        required
        rows={4}
        maxLength={2000}
        className={inputClass}
      />

      <TextField
        id="preferredTimes"
        label={
          <>
            Days and times that suit you <span className="font-normal text-slate-700">(optional)</span>
          </>
        }
        labelClassName={LABEL}
        error={errors.preferredTimes}
        maxLength={200}
        placeholder="e.g. weekday mornings, not Friday"
        className={inputClass}
      />

      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={errors.channel ? "channel-error" : undefined}
        aria-invalid={errors.channel ? true : undefined}
      >
        <legend className="mb-1 text-base font-medium">How should we keep you posted?</legend>
        {(
          [
            ["WEB", "On this page only"],
            ["SMS", "Text me"],
            ["EMAIL", "Email me"],
          ] as const
        ).map(([value, label]) => (
          <label
            key={value}
            className="flex min-h-12 items-center gap-3 rounded-lg border border-slate-300 bg-white px-3 text-base has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50"
          >
            <input type="radio" name="channel" value={value} defaultChecked={value === "WEB"} className="size-5" />
            {label}
          </label>
        ))}
        {fieldError("channel")}
      </fieldset>

      {/* For bots only: people never see it, and a request that fills it is dropped. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="website">Leave this empty</label>
        <input id="website" name="website" tabIndex={-1} autoComplete="off" />
      </div>

      <div role="alert" className="empty:hidden rounded-lg bg-red-50 px-3 py-2 text-red-900">
        {summary}
      </div>

      <button
        type="submit"
        aria-disabled={busy}
        className="min-h-12 rounded-xl bg-blue-700 px-5 text-base font-semibold text-white hover:bg-blue-800 aria-disabled:opacity-60"
      >
        {busy ? "Sending your request…" : "Send request"}
      </button>
    </form>
  );
}
