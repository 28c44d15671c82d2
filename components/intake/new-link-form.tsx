"use client";

import { useId, useState } from "react";
import type { NewLinkState } from "@/lib/intake/new-link-state.ts";
import { callApi } from "../ui/call-api.ts";

const SENT =
  "If that matches a job with us, a new link is on its way to it. It can take a minute; check your texts or email.";
const WORDS: Record<Exclude<NewLinkState, null>, string> = {
  sent: SENT,
  limited: "That's several new links asked for just now. Try again later, or call the office.",
  invalid: "Give the phone number or email on your job.",
};

/**
 * "Send me a new link": the phone number or email on the homeowner's job; the
 * link goes there, never to this screen, and the answer is the same whether
 * or not it matched. Works without script (the form posts itself and the
 * page comes back saying so).
 */
export function NewLinkForm({
  company,
  back,
  initial,
}: {
  company: string | null;
  back: string;
  initial: NewLinkState;
}) {
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(
    initial ? { ok: initial === "sent", text: WORDS[initial] } : null,
  );
  const field = useId();

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const contact = new FormData(event.currentTarget).get("contact");
    setBusy(true);
    const result = await callApi<{ sent: boolean }>("/api/new-link", {
      method: "POST",
      body: { contact, ...(company ? { company } : {}) },
    });
    setAnswer(result.ok ? { ok: true, text: SENT } : { ok: false, text: result.problem });
    setBusy(false);
  };

  return (
    <form
      id="new-link"
      action="/api/new-link"
      method="post"
      onSubmit={submit}
      className="mt-6 flex flex-col gap-2 rounded-xl border border-slate-300 bg-white p-4"
    >
      <h2 className="text-lg font-semibold text-slate-900">Send me a new link</h2>
      <label htmlFor={field} className="text-base text-slate-800">
        The phone number or email on your job
      </label>
      <input
        id={field}
        name="contact"
        required
        maxLength={300}
        className="min-h-12 rounded-lg border border-slate-400 bg-white px-3 text-base"
      />
      {company && <input type="hidden" name="company" value={company} />}
      <input type="hidden" name="back" value={back} />
      <button
        type="submit"
        disabled={busy}
        className="min-h-12 rounded-lg bg-blue-700 px-4 text-base font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {busy ? "Sending…" : "Send me a new link"}
      </button>
      <p className="min-h-5 text-base" aria-live="polite">
        {answer && <span className={answer.ok ? "text-emerald-800" : "text-red-800"}>{answer.text}</span>}
      </p>
    </form>
  );
}
