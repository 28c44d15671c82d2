"use client";

import { useEffect, useRef, useState } from "react";
import { callApi } from "@/components/ui/call-api.ts";

type Props = { userId: string; name: string };
type Made = { url: string; expiresAt: string };

/**
 * Makes a one-time link for a staff member who forgot their password, shown
 * once, to hand over in person or by phone. Making another expires this one.
 */
export function PasswordResetLink({ userId, name }: Props) {
  const [made, setMade] = useState<Made | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const field = useRef<HTMLInputElement>(null);

  // The new link is what the person came for: focus it, selected, ready to copy.
  useEffect(() => {
    if (made) field.current?.select();
  }, [made]);

  const make = async () => {
    setBusy(true);
    setProblem(null);
    const result = await callApi<Made>(`/api/staff/${userId}/password-resets`, { method: "POST" });
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setMade(result.data);
    setCopied(null);
  };

  const copy = async () => {
    if (!made) return;
    field.current?.select();
    // No clipboard for plain http on a LAN address: the link is selected, ready for Ctrl+C.
    if (!navigator.clipboard) return setCopied("no");
    await navigator.clipboard.writeText(made.url).then(
      () => setCopied("yes"),
      () => setCopied("no"),
    );
  };

  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        aria-disabled={busy}
        onClick={busy ? undefined : make}
        aria-label={`Make a password reset link for ${name}`}
        className="min-h-10 self-start rounded-lg border border-slate-400 bg-white px-3 text-base text-slate-800 hover:bg-slate-100 aria-disabled:opacity-60"
      >
        {busy ? "Making link…" : made ? "Make a new reset link" : "Make reset link"}
      </button>
      {made && (
        <div className="flex flex-col gap-1">
          <label className="text-sm text-slate-700">
            Give this link to {name} only. It works once, for 24 hours; a new link cancels this one.
            <input
              ref={field}
              readOnly
              value={made.url}
              onFocus={(event) => event.currentTarget.select()}
              className="mt-1 w-full rounded-lg border border-slate-400 bg-slate-50 px-2 py-2 font-mono text-sm"
            />
          </label>
          <button type="button" onClick={copy} className="self-start text-sm font-medium text-blue-800 underline">
            Copy link
          </button>
          <p role="status" className="text-sm text-slate-700">
            {copied === "yes"
              ? "Copied."
              : copied === "no"
                ? "The link is selected: press Ctrl+C (⌘C) to copy it."
                : ""}
          </p>
        </div>
      )}
      {problem && (
        <p role="alert" className="text-sm text-red-900">
          {problem}
        </p>
      )}
    </div>
  );
}
