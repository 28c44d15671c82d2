import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PushOptIn } from "@/components/app-shell/push-opt-in.tsx";
import { TechJobList } from "@/components/tech/tech-job-list.tsx";
import { StaffHeader } from "@/components/ui/staff-header.tsx";
import { companyOf, requirePageActor } from "@/lib/auth/current-actor.ts";
import { isManager } from "@/lib/auth/policy.ts";
import { getDb } from "@/lib/db.ts";
import { listJobs } from "@/lib/jobs/list-jobs.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My jobs" };

export default async function TechPage() {
  const actor = await requirePageActor();
  if (actor.kind !== "staff") redirect(`/jobs/${actor.jobId}`);
  if (isManager(actor)) redirect("/dispatch");
  const [jobs, company] = await Promise.all([listJobs(getDb(), actor), companyOf(actor)]);
  return (
    <div className="mx-auto flex min-h-dvh max-w-2xl flex-col">
      <StaffHeader company={company.name} name={actor.name} roleLabel="Technician" />
      <main className="flex-1">
        <h1 tabIndex={-1} className="px-4 pt-4 text-2xl font-bold outline-none">
          My jobs
        </h1>
        <PushOptIn about="new messages and jobs" />
        <TechJobList initialJobs={jobs} userId={actor.userId} timeZone={company.timeZone} />
      </main>
    </div>
  );
}
