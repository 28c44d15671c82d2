"use client";

import { useId, useState } from "react";
import type { DevReplyOutcome } from "@/lib/channels/dev/reply-as-homeowner.ts";
import { callApi } from "../ui/call-api.ts";

const REASONS: Record<string, string> = {
  empty: "nothing was left once the quoted email was taken out",
  rate_limited: "the homeowner is sending too quickly",
  unknown_participant: "the job or the homeowner is gone",
  opted_out: "that was STOP: texts to this number are now off",
  opted_in: "that was START: texts to this number are on again",
  no_recent_job: "this number has no open or recent job",
  unknown_sender: "no job we texted this number about",
  closed: "the job closed long ago",
};

/** Answers a text or email as the homeowner would, through the same door a real answer takes. */
export function DevReplyForm({ id, channel }: { id: string; channel: "SMS" | "EMAIL" }) {
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const field = useId();

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await callApi<DevReplyOutcome>(`/api/dev/outbox/${id}/reply`, { method: "POST", body: { body } });
    if (!answer.ok) setResult({ ok: false, text: answer.problem });
    else if (answer.data.posted) {
      setResult({ ok: true, text: "Posted in the job's conversation." });
      setBody("");
    } else {
      const reason = answer.data.reason ?? "";
      setResult({ ok: false, text: `Not posted: ${REASONS[reason] ?? reason}.` });
    }
    setBusy(false);
  };

  return (
    <form onSubmit={send} className="mt-3 flex flex-col gap-2">
      <label htmlFor={field} className="text-sm font-medium text-slate-800">
        Reply as the homeowner ({channel === "SMS" ? "by text" : "by email"})
      </label>
      <div className="flex gap-2">
        <textarea
          id={field}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          rows={2}
          className="min-h-11 flex-1 rounded-lg border border-slate-400 px-3 py-2 text-base"
        />
        <button
          type="submit"
          disabled={busy || body.trim() === ""}
          className="min-h-11 self-end rounded-lg bg-blue-700 px-4 text-base font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          Reply
        </button>
      </div>
      <p className="min-h-5 text-sm" aria-live="polite">
        {result && <span className={result.ok ? "text-emerald-800" : "text-red-800"}>{result.text}</span>}
      </p>
    </form>
  );
}
