import type { JobSummary } from "@/lib/jobs/job-view.ts";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? "")
    .join("");

/** Who is coming: a face (initials until photos exist), a name and a line about them. */
export function TechnicianCard({ technician }: { technician: NonNullable<JobSummary["technician"]> }) {
  return (
    <section
      aria-label="Your technician"
      className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2"
      data-testid="technician-card"
    >
      <span
        aria-hidden="true"
        className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-emerald-700 text-base font-bold text-white"
      >
        {initials(technician.name)}
      </span>
      <span className="min-w-0">
        <span className="block font-semibold">
          {technician.name} <span className="font-normal text-slate-700">· your technician</span>
        </span>
        {technician.bio && <span className="block text-sm text-slate-800">{technician.bio}</span>}
      </span>
    </section>
  );
}
