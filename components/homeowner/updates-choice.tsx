"use client";

import { useId, useState } from "react";
import type { UpdatesChannel } from "@/lib/notifications/updates-channel.ts";
import { callApi } from "../ui/call-api.ts";

const LABEL = { SMS: "By text", EMAIL: "By email", WEB: "Only on this page" } as const;

/**
 * "How we update you": the homeowner picks text, email or this page only,
 * among the ways the office has an address for. A number that texted STOP
 * can't be picked (the carrier's rule): the choice says so and offers email.
 */
export function UpdatesChoice({ jobId, initial }: { jobId: string; initial: UpdatesChannel }) {
  const [reach, setReach] = useState(initial);
  // Shown checked at once; back to what is saved if saving fails.
  const [choice, setChoice] = useState(initial.channel);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const name = useId();

  const choose = async (channel: keyof typeof LABEL) => {
    setChoice(channel);
    setBusy(true);
    setProblem(null);
    setSaved(false);
    const result = await callApi<UpdatesChannel>(`/api/jobs/${jobId}/channel`, { method: "PUT", body: { channel } });
    if (result.ok) {
      setReach(result.data);
      setSaved(true);
    } else {
      setChoice(reach.channel);
      setProblem(result.problem);
    }
    setBusy(false);
  };

  const summary =
    reach.channel === "WEB" ? "Updates: on this page" : `Updates: ${reach.channel === "SMS" ? "by text" : "by email"}`;
  const stopped = reach.optedOut && reach.available.includes("SMS");

  return (
    <details>
      <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-blue-800 underline">
        {summary}
      </summary>
      {/* In the page's flow, not floating: it never runs off a narrow screen. */}
      <div className="mb-2 w-72 max-w-full rounded-xl border border-slate-300 bg-white p-3">
        <fieldset disabled={busy}>
          <legend className="mb-2 text-base font-semibold text-slate-900">How should we update you?</legend>
          {(["SMS", "EMAIL", "WEB"] as const).map((channel) => {
            const has = reach.available.includes(channel);
            const blocked = channel === "SMS" && stopped;
            const address = channel === "SMS" ? reach.phone : channel === "EMAIL" ? reach.email : null;
            return (
              <label key={channel} className="flex min-h-11 items-center gap-2 text-base text-slate-900">
                <input
                  type="radio"
                  name={name}
                  className="size-5"
                  checked={choice === channel}
                  disabled={!has || blocked}
                  onChange={() => void choose(channel)}
                />
                <span>
                  {LABEL[channel]}
                  {address && <span className="text-slate-700"> ({address})</span>}
                  {!has && (
                    <span className="block text-sm text-slate-700">
                      No {channel === "SMS" ? "number" : "email"} on file
                    </span>
                  )}
                </span>
              </label>
            );
          })}
        </fieldset>
        {stopped && (
          <p className="mt-2 text-sm text-amber-900">
            You texted STOP, so we don't text you. Text START to turn texts back on
            {reach.available.includes("EMAIL") ? ", or choose email" : ""}.
          </p>
        )}
        <p className="mt-2 min-h-5 text-sm" aria-live="polite">
          {problem ? (
            <span className="text-red-800">{problem}</span>
          ) : saved ? (
            <span className="text-emerald-800">Saved.</span>
          ) : null}
        </p>
      </div>
    </details>
  );
}
