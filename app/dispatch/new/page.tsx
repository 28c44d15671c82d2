import type { Metadata } from "next";
import { NewJobForm } from "@/components/dispatch/new-job-form.tsx";
import { OfficePage } from "@/components/ui/office-page.tsx";
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
    <OfficePage actor={actor} company={company.name} title="New job" tinted>
      <p className="mb-6 text-slate-700">A request by phone: open the job, then send the homeowner their link.</p>
      <NewJobForm technicians={technicians} timeZone={company.timeZone} today={zonedToday(company.timeZone)} />
    </OfficePage>
  );
}
