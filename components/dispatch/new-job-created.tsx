"use client";

import Link from "next/link";
import { useEffect } from "react";
import type { JobSummary } from "@/lib/jobs/job-view.ts";
import { useCopyLink } from "../ui/use-copy-link.ts";

export type CreatedJob = { job: JobSummary; link: { url: string; expiresAt: string } };

/** A job opened by phone: the link to send the homeowner, and where to go next. */
export function NewJobCreated({ created, onStartOver }: { created: CreatedJob; onStartOver: () => void }) {
  const { field: linkField, copied, copy } = useCopyLink(created.link.url);

  useEffect(() => linkField.current?.focus(), [linkField]);

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
          {copied === "yes" ? "Copied." : copied === "no" ? "The link is selected: press Ctrl+C (⌘C) to copy it." : ""}
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
          onClick={onStartOver}
          className="min-h-10 rounded-lg border border-slate-400 bg-white px-4 text-slate-800 hover:bg-slate-100"
        >
          Another new job
        </button>
      </div>
    </section>
  );
}
