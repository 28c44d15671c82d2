"use client";

import { useCallback, useState } from "react";
import { callApi } from "@/components/ui/call-api.ts";
import { formatDayTime } from "@/lib/format/dates.ts";
import type { LinkView } from "@/lib/jobs/homeowner-links.ts";

type Props = { jobId: string; timeZone: string };
type Issued = { id: string; url: string; expiresAt: string };

/**
 * The dispatcher's way to hand the homeowner a fresh link and to turn off
 * one that went to the wrong person. Turning off ends that homeowner's
 * session at once.
 */
export function HomeownerLinks({ jobId, timeZone }: Props) {
  const [links, setLinks] = useState<LinkView[] | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await callApi<LinkView[]>(`/api/jobs/${jobId}/links`, { method: "GET" });
    if (result.ok) setLinks(result.data);
    else setProblem(result.problem);
  }, [jobId]);

  const act = async (work: () => Promise<string | undefined>) => {
    setBusy(true);
    setProblem(null);
    const failure = await work();
    if (failure) setProblem(failure);
    else await load();
    setBusy(false);
  };

  const issue = () =>
    act(async () => {
      const result = await callApi<Issued>(`/api/jobs/${jobId}/links`, { method: "POST" });
      if (!result.ok) return result.problem;
      setIssued(result.data);
      setCopied(false);
    });

  const turnOff = (linkId: string) =>
    act(async () => {
      if (!window.confirm("Turn this link off? Anyone using it loses access to the conversation at once.")) return;
      if (issued?.id === linkId) setIssued(null);
      const result = await callApi(`/api/jobs/${jobId}/links/${linkId}`, { method: "DELETE" });
      return result.ok ? undefined : result.problem;
    });

  const copy = async () => {
    if (!issued) return;
    await navigator.clipboard?.writeText(issued.url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  const active = links?.filter((link) => link.state === "ACTIVE") ?? [];

  return (
    <details
      className="relative"
      onToggle={(event) => {
        if (event.currentTarget.open && links === null) void load();
      }}
    >
      <summary className="flex min-h-10 cursor-pointer items-center rounded-lg border border-slate-400 bg-white px-3 text-base text-slate-800 hover:bg-slate-100">
        Homeowner link
      </summary>
      <div className="absolute right-0 z-10 mt-1 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-3 rounded-xl border border-slate-300 bg-white p-3 shadow-lg">
        <button
          type="button"
          disabled={busy}
          onClick={issue}
          className="min-h-10 rounded-lg bg-blue-700 px-3 text-base font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          Make a new link
        </button>
        {issued && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`link-${issued.id}`} className="text-sm font-medium text-slate-800">
              Send this to the homeowner (valid until {formatDayTime(issued.expiresAt, timeZone)})
            </label>
            <div className="flex gap-2">
              <input
                id={`link-${issued.id}`}
                readOnly
                value={issued.url}
                onFocus={(event) => event.currentTarget.select()}
                className="min-w-0 flex-1 rounded-lg border border-slate-400 px-2 py-1 text-sm"
              />
              <button
                type="button"
                onClick={copy}
                className="rounded-lg border border-slate-400 px-3 text-sm hover:bg-slate-100"
              >
                {copied ? "Copied" : "Copy"}
              </button>
            </div>
          </div>
        )}
        {links === null && !problem && (
          <p role="status" className="text-sm text-slate-700">
            Loading links…
          </p>
        )}
        {links !== null && (
          <div>
            <p className="text-sm font-medium text-slate-800">Links that work now</p>
            {active.length === 0 ? (
              <p className="text-sm text-slate-700">
                None. The homeowner can't open the conversation until you make one.
              </p>
            ) : (
              <ul className="mt-1 flex flex-col gap-1">
                {active.map((link) => (
                  <li key={link.id} className="flex items-center justify-between gap-2 text-sm text-slate-800">
                    <span>Made {formatDayTime(link.createdAt, timeZone)}</span>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => turnOff(link.id)}
                      aria-label={`Turn off the link made ${formatDayTime(link.createdAt, timeZone)}`}
                      className="rounded-lg border border-red-700 px-2 py-1 text-red-800 hover:bg-red-50 disabled:opacity-60"
                    >
                      Turn off
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {problem && (
          <p role="alert" className="text-sm text-red-800">
            {problem}
          </p>
        )}
      </div>
    </details>
  );
}
