"use client";

import { useState } from "react";
import { useCopyLink } from "../ui/use-copy-link.ts";

type Props = { url: string };

/**
 * Shown in the thread right after a request: the homeowner's own link, the
 * way back in from another device or after cookies are cleared.
 */
export function KeepLinkNotice({ url }: Props) {
  const [open, setOpen] = useState(true);
  const { field, copied, copy } = useCopyLink(url);
  if (!open) return null;

  const dismiss = () => {
    setOpen(false);
    void fetch("/api/link-notice", { method: "DELETE", cache: "no-store" }).catch(() => {});
  };

  return (
    <section aria-labelledby="keep-link-title" data-keep-link className="border-b border-blue-200 bg-blue-50 px-4 py-3">
      <h2 id="keep-link-title" className="text-base font-semibold text-slate-900">
        Keep this link to come back
      </h2>
      <p className="text-sm text-slate-800">It opens this conversation on any phone or computer. Keep it private.</p>
      <div className="mt-2 flex gap-2">
        <label htmlFor="keep-link" className="sr-only">
          Your link
        </label>
        <input
          id="keep-link"
          ref={field}
          readOnly
          value={url}
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
      <div className="mt-1 flex items-center justify-between gap-2">
        <p role="status" className="text-sm text-slate-800">
          {copied === "yes" ? "Copied." : copied === "no" ? "The link is selected: copy it from there." : ""}
        </p>
        <button type="button" onClick={dismiss} className="min-h-10 text-sm font-medium text-blue-800 underline">
          I've kept it
        </button>
      </div>
    </section>
  );
}
