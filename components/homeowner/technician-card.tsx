import type { JobSummary } from "@/lib/jobs/job-view.ts";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? "")
    .join("");

/**
 * Who is coming: a face (initials until photos exist) and a name on one line,
 * the bio a tap away, so the conversation keeps the phone's height.
 */
export function TechnicianCard({ technician }: { technician: NonNullable<JobSummary["technician"]> }) {
  const face = (
    <span
      aria-hidden="true"
      className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-emerald-700 text-sm font-bold text-white"
    >
      {initials(technician.name)}
    </span>
  );
  const name = (
    <span className="min-w-0 truncate">
      <span className="font-semibold">{technician.name}</span>
      <span className="text-slate-700"> · your technician</span>
    </span>
  );
  return (
    <section
      aria-label="Your technician"
      className="border-b border-slate-200 bg-white px-4 py-1.5"
      data-testid="technician-card"
    >
      {technician.bio ? (
        <details>
          <summary className="flex min-h-9 cursor-pointer items-center gap-3">
            {face}
            {name}
            <span className="ml-auto shrink-0 text-sm text-blue-800 underline">About</span>
          </summary>
          <p className="pb-1 pl-11 text-sm text-slate-800">{technician.bio}</p>
        </details>
      ) : (
        <p className="flex min-h-9 items-center gap-3">
          {face}
          {name}
        </p>
      )}
    </section>
  );
}
