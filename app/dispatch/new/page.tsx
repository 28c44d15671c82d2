import type { Metadata } from "next";
import { NewJobForm } from "@/components/dispatch/new-job-form.tsx";
import { StaffHeader } from "@/components/ui/staff-header.tsx";
import { companyOf, requireOfficePage } from "@/lib/auth/current-actor.ts";
import { canCreateJob } from "@/lib/auth/policy.ts";
import { getDb } from "@/lib/db.ts";
import { zonedToday } from "@/lib/format/zoned-time.ts";
import { listTechnicians } from "@/lib/jobs/list-technicians.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New job" };

export default async function NewJobPage() {
  const actor = await requireOfficePage(canCreateJob);
  const [technicians, company] = await Promise.all([listTechnicians(getDb(), actor), companyOf(actor)]);
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <StaffHeader
        company={company.name}
        name={actor.name}
        roleLabel={actor.role === "ADMIN" ? "Admin" : "Dispatcher"}
        back={{ href: "/dispatch", label: "Live jobs" }}
      />
      <main className="mx-auto w-full max-w-2xl px-4 py-6">
        <h1 className="mb-1 text-2xl font-bold">New job</h1>
        <p className="mb-6 text-slate-700">A request by phone: open the job, then send the homeowner their link.</p>
        <NewJobForm technicians={technicians} timeZone={company.timeZone} today={zonedToday(company.timeZone)} />
      </main>
    </div>
  );
}
