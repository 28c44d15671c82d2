"use client";

import { type FormEvent, useRef, useState } from "react";
import type { CustomerMatch } from "@/lib/customers/search-customers.ts";
import type { TechnicianOption } from "@/lib/jobs/list-technicians.ts";
import { TextAreaField, TextField } from "../ui/text-field.tsx";
import { CustomerPicker } from "./customer-picker.tsx";
import { type CreatedJob, NewJobCreated } from "./new-job-created.tsx";
import { inputClass } from "./new-job-fields.ts";

type Props = { technicians: TechnicianOption[]; timeZone: string; today: string };

type Failure = { message: string; fields: Record<string, string> };

/** The API's refusal with its field problems (callApi keeps only the sentence). */
async function postJob(body: unknown): Promise<{ ok: true; data: CreatedJob } | { ok: false; failure: Failure }> {
  const response = await fetch("/api/jobs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
  }).catch(() => null);
  if (!response) return { ok: false, failure: { message: "No connection right now. Try again.", fields: {} } };
  const answer = (await response.json().catch(() => null)) as {
    data?: CreatedJob;
    error?: { message: string; fields?: Record<string, string> };
  } | null;
  if (response.ok && answer?.data) return { ok: true, data: answer.data };
  return {
    ok: false,
    failure: { message: answer?.error?.message ?? "That didn't work. Try again.", fields: answer?.error?.fields ?? {} },
  };
}

/**
 * A job for a homeowner on the phone: find them (or add them), what and where,
 * optionally when and who. Creating it gives the link to send them.
 */
export function NewJobForm({ technicians, timeZone, today }: Props) {
  const [chosen, setChosen] = useState<CustomerMatch | null>(null);
  const [adding, setAdding] = useState(false);
  const [address, setAddress] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [created, setCreated] = useState<CreatedJob | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const errors = failure?.fields ?? {};
  const problemFor = (...names: string[]) => names.map((name) => errors[name]).find(Boolean);
  const describedBy = (id: string, ...names: string[]) => (problemFor(...names) ? `${id}-error` : undefined);
  const fieldError = (id: string, ...names: string[]) => {
    const text = problemFor(...names);
    return text ? (
      <p id={`${id}-error`} className="text-sm font-medium text-red-800">
        {text}
      </p>
    ) : null;
  };

  const choose = (customer: CustomerMatch) => {
    setChosen(customer);
    setAdding(false);
    if (customer.address && !address) setAddress(customer.address);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    if (!chosen && !adding) {
      setFailure({
        message: "Find the customer, or add a new one.",
        fields: { customer: "Find the customer, or add a new one." },
      });
      return;
    }
    const windowParts = [text("date"), text("start"), text("end")];
    const window = windowParts.some(Boolean)
      ? { date: windowParts[0], start: windowParts[1], end: windowParts[2] }
      : null;
    setBusy(true);
    setFailure(null);
    const result = await postJob({
      customer: chosen
        ? { kind: "known", id: chosen.id }
        : { kind: "new", name: text("name"), phone: text("phone"), email: text("email") },
      address,
      problem: text("problem"),
      window,
      technicianId: text("technicianId") || null,
    });
    setBusy(false);
    if (!result.ok) {
      setFailure(result.failure);
      const first = Object.keys(result.failure.fields)[0];
      const name = first?.split(".").pop();
      if (name) formRef.current?.querySelector<HTMLElement>(`[name="${name === "window" ? "date" : name}"]`)?.focus();
      return;
    }
    setCreated(result.data);
  };

  const startOver = () => {
    setCreated(null);
    setChosen(null);
    setAdding(false);
    setAddress("");
    setFailure(null);
  };

  if (created) return <NewJobCreated created={created} onStartOver={startOver} />;

  return (
    <form ref={formRef} onSubmit={submit} className="flex flex-col gap-5" noValidate>
      <CustomerPicker
        chosen={chosen}
        adding={adding}
        onChoose={choose}
        onClear={() => setChosen(null)}
        onAdding={setAdding}
        errors={errors}
        fieldError={fieldError}
        describedBy={describedBy}
      />

      <TextField
        id="address"
        label="Address of the work"
        error={errors.address}
        value={address}
        onChange={(event) => setAddress(event.currentTarget.value)}
        maxLength={300}
        className={inputClass}
      />

      <TextAreaField
        id="problem"
        label="What's wrong"
        error={errors.problem}
        rows={3}
        maxLength={2000}
        className={inputClass}
      />

      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={["window-hint", describedBy("window", "window", "window.date", "window.start", "window.end")]
          .filter(Boolean)
          .join(" ")}
      >
        <legend className="font-medium">Arrival window (optional)</legend>
        <p id="window-hint" className="text-sm text-slate-700">
          Times in {timeZone.replace(/_/g, " ")}.
        </p>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="date" className="text-sm font-medium">
              Day
            </label>
            <input
              id="date"
              name="date"
              type="date"
              min={today}
              aria-invalid={Boolean(problemFor("window", "window.date"))}
              className={inputClass}
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="start" className="text-sm font-medium">
              From
            </label>
            <input
              id="start"
              name="start"
              type="time"
              step={900}
              aria-invalid={Boolean(problemFor("window", "window.start"))}
              className={inputClass}
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="end" className="text-sm font-medium">
              To
            </label>
            <input
              id="end"
              name="end"
              type="time"
              step={900}
              aria-invalid={Boolean(problemFor("window", "window.end"))}
              className={inputClass}
            />
          </div>
        </div>
        {fieldError("window", "window", "window.date", "window.start", "window.end")}
      </fieldset>

      <div className="flex flex-col gap-1">
        <label htmlFor="technicianId" className="font-medium">
          Technician (optional)
        </label>
        <select
          id="technicianId"
          name="technicianId"
          defaultValue=""
          aria-invalid={Boolean(errors.technicianId)}
          aria-describedby={describedBy("technicianId", "technicianId")}
          className={inputClass}
        >
          <option value="">Not yet</option>
          {technicians.map((technician) => (
            <option key={technician.id} value={technician.id}>
              {technician.name}
            </option>
          ))}
        </select>
        {fieldError("technicianId", "technicianId")}
      </div>

      <div role="alert" className="empty:hidden rounded-lg bg-red-50 px-3 py-2 text-red-900">
        {failure?.message}
      </div>

      <button
        type="submit"
        aria-disabled={busy}
        className="min-h-12 rounded-xl bg-blue-700 px-5 text-base font-semibold text-white hover:bg-blue-800 aria-disabled:opacity-60"
      >
        {busy ? "Creating the job…" : "Create job"}
      </button>
    </form>
  );
}
