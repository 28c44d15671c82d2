"use client";

import Link from "next/link";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { callApi } from "@/components/ui/call-api.ts";
import type { CustomerMatch } from "@/lib/customers/search-customers.ts";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import type { TechnicianOption } from "@/lib/jobs/list-technicians.ts";

type Props = { technicians: TechnicianOption[]; timeZone: string; today: string };
type Created = { job: JobSummary; link: { url: string; expiresAt: string } };
type Failure = { message: string; fields: Record<string, string> };

const inputClass =
  "rounded-lg border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/** The API's refusal with its field problems (callApi keeps only the sentence). */
async function postJob(body: unknown): Promise<{ ok: true; data: Created } | { ok: false; failure: Failure }> {
  const response = await fetch("/api/jobs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
  }).catch(() => null);
  if (!response) return { ok: false, failure: { message: "No connection right now. Try again.", fields: {} } };
  const answer = (await response.json().catch(() => null)) as {
    data?: Created;
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
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<CustomerMatch[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [chosen, setChosen] = useState<CustomerMatch | null>(null);
  const [adding, setAdding] = useState(false);
  const [address, setAddress] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (chosen || adding) return;
    const text = query.trim();
    if (text.length < 2) {
      setMatches(null);
      return;
    }
    setSearching(true);
    const timer = setTimeout(async () => {
      const result = await callApi<CustomerMatch[]>(`/api/customers?q=${encodeURIComponent(text)}`, { method: "GET" });
      setSearching(false);
      setMatches(result.ok ? result.data : []);
    }, 250);
    return () => clearTimeout(timer);
  }, [query, chosen, adding]);

  useEffect(() => {
    if (created) linkField.current?.focus();
  }, [created]);

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
    setCopied(null);
  };

  const copy = async () => {
    if (!created) return;
    linkField.current?.select();
    if (!navigator.clipboard) return setCopied("no");
    await navigator.clipboard.writeText(created.link.url).then(
      () => setCopied("yes"),
      () => setCopied("no"),
    );
  };

  const startOver = () => {
    setCreated(null);
    setChosen(null);
    setAdding(false);
    setQuery("");
    setMatches(null);
    setAddress("");
    setFailure(null);
  };

  if (created) {
    return (
      <section
        aria-labelledby="created-title"
        className="flex flex-col gap-4 rounded-xl border border-green-300 bg-green-50 p-4"
      >
        <h2 id="created-title" className="text-xl font-bold text-green-950">
          Job #{created.job.number} is open
        </h2>
        <p className="text-slate-800">
          {created.job.title} · {created.job.customer.name}
        </p>
        <div className="flex flex-col gap-1">
          <label htmlFor="new-job-link" className="text-sm font-medium text-slate-900">
            Send this link to {created.job.customer.name}: it opens the conversation, no account needed.
          </label>
          <div className="flex gap-2">
            <input
              id="new-job-link"
              ref={linkField}
              readOnly
              value={created.link.url}
              onFocus={(event) => event.currentTarget.select()}
              className="min-w-0 flex-1 rounded-lg border border-slate-400 bg-white px-2 py-2 font-mono text-sm"
            />
            <button
              type="button"
              onClick={copy}
              className="min-h-10 shrink-0 rounded-lg bg-blue-700 px-3 text-sm font-semibold text-white hover:bg-blue-800"
            >
              Copy link
            </button>
          </div>
          <p role="status" className="text-sm text-slate-800">
            {copied === "yes"
              ? "Copied."
              : copied === "no"
                ? "The link is selected: press Ctrl+C (⌘C) to copy it."
                : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          <Link
            href={`/jobs/${created.job.id}`}
            className="flex min-h-10 items-center rounded-lg bg-blue-700 px-4 font-semibold text-white hover:bg-blue-800"
          >
            Open the job
          </Link>
          <button
            type="button"
            onClick={startOver}
            className="min-h-10 rounded-lg border border-slate-400 bg-white px-4 text-slate-800 hover:bg-slate-100"
          >
            Another new job
          </button>
        </div>
      </section>
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} className="flex flex-col gap-5" noValidate>
      <fieldset className="flex flex-col gap-2" aria-describedby={describedBy("customer", "customer")}>
        <legend className="mb-1 text-lg font-semibold">Customer</legend>
        {chosen ? (
          <div className="flex items-start justify-between gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2">
            <div>
              <p className="font-semibold">{chosen.name}</p>
              <p className="text-sm text-slate-700">
                {[chosen.phone, chosen.email, chosen.address].filter(Boolean).join(" · ") || "No details on file"}
              </p>
            </div>
            <button
              type="button"
              onClick={() => setChosen(null)}
              className="min-h-10 shrink-0 text-sm font-medium text-blue-800 underline"
            >
              Change
            </button>
          </div>
        ) : adding ? (
          <div className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-3">
            <div className="flex flex-col gap-1">
              <label htmlFor="name" className="font-medium">
                Name
              </label>
              <input
                id="name"
                name="name"
                maxLength={100}
                aria-invalid={Boolean(errors["customer.name"])}
                aria-describedby={describedBy("name", "customer.name")}
                className={inputClass}
              />
              {fieldError("name", "customer.name")}
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              <div className="flex flex-col gap-1">
                <label htmlFor="phone" className="font-medium">
                  Phone
                </label>
                <input
                  id="phone"
                  name="phone"
                  type="tel"
                  maxLength={30}
                  aria-invalid={Boolean(errors["customer.phone"])}
                  aria-describedby={describedBy("phone", "customer.phone")}
                  className={inputClass}
                />
                {fieldError("phone", "customer.phone")}
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor="email" className="font-medium">
                  Email
                </label>
                <input
                  id="email"
                  name="email"
                  type="email"
                  maxLength={254}
                  aria-invalid={Boolean(errors["customer.email"])}
                  aria-describedby={describedBy("email", "customer.email")}
                  className={inputClass}
                />
                {fieldError("email", "customer.email")}
              </div>
            </div>
            <button
              type="button"
              onClick={() => setAdding(false)}
              className="self-start text-sm font-medium text-blue-800 underline"
            >
              Search instead
            </button>
          </div>
        ) : (
          <div className="flex flex-col gap-2">
            <label htmlFor="customer-search" className="font-medium">
              Find by name, phone or email
            </label>
            <input
              id="customer-search"
              type="search"
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              autoComplete="off"
              maxLength={100}
              aria-describedby="customer-results"
              className={inputClass}
            />
            <div id="customer-results" aria-live="polite" className="flex flex-col gap-1">
              {searching && <p className="text-sm text-slate-700">Searching…</p>}
              {!searching && matches?.length === 0 && (
                <p className="text-sm text-slate-700">No customer matches “{query.trim()}”.</p>
              )}
              {!searching && matches && matches.length > 0 && (
                <ul
                  aria-label="Matching customers"
                  className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white"
                >
                  {matches.map((customer) => (
                    <li key={customer.id}>
                      <button
                        type="button"
                        onClick={() => choose(customer)}
                        className="flex w-full flex-col items-start px-3 py-2 text-left hover:bg-slate-100"
                      >
                        <span className="font-semibold">{customer.name}</span>
                        <span className="text-sm text-slate-700">
                          {[customer.phone, customer.email, customer.address].filter(Boolean).join(" · ")}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <button
              type="button"
              onClick={() => setAdding(true)}
              className="min-h-10 self-start rounded-lg border border-slate-400 bg-white px-3 text-slate-800 hover:bg-slate-100"
            >
              Add a new customer
            </button>
          </div>
        )}
        {fieldError("customer", "customer")}
      </fieldset>

      <div className="flex flex-col gap-1">
        <label htmlFor="address" className="font-medium">
          Address of the work
        </label>
        <input
          id="address"
          name="address"
          value={address}
          onChange={(event) => setAddress(event.currentTarget.value)}
          maxLength={300}
          aria-invalid={Boolean(errors.address)}
          aria-describedby={describedBy("address", "address")}
          className={inputClass}
        />
        {fieldError("address", "address")}
      </div>

      <div className="flex flex-col gap-1">
        <label htmlFor="problem" className="font-medium">
          What's wrong
        </label>
        <textarea
          id="problem"
          name="problem"
          rows={3}
          maxLength={2000}
          aria-invalid={Boolean(errors.problem)}
          aria-describedby={describedBy("problem", "problem")}
          className={inputClass}
        />
        {fieldError("problem", "problem")}
      </div>

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
