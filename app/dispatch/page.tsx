import type { Metadata } from "next";
import { DispatchBoard } from "@/components/dispatch/dispatch-board.tsx";
import { StaffHeader } from "@/components/ui/staff-header.tsx";
import { companyOf, requireOfficePage } from "@/lib/auth/current-actor.ts";
import { devOutboxOn } from "@/lib/channels/senders.ts";
import { getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { listJobs } from "@/lib/jobs/list-jobs.ts";
import { listTechnicians } from "@/lib/jobs/list-technicians.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dispatch" };

export default async function DispatchPage() {
  const actor = await requireOfficePage();
  const [jobs, technicians, company] = await Promise.all([
    listJobs(getDb(), actor),
    listTechnicians(getDb(), actor),
    companyOf(actor),
  ]);
  return (
    <div className="flex h-dvh flex-col">
      <StaffHeader
        company={company.name}
        name={actor.name}
        roleLabel="Dispatcher"
        links={[
          { href: "/dispatch/new", label: "New job" },
          { href: "/dispatch/team", label: "Team" },
          { href: "/dispatch/quick-replies", label: "Quick replies" },
          ...(devOutboxOn(env()) ? [{ href: "/dev/outbox", label: "Outbox" }] : []),
        ]}
      />
      <main className="flex min-h-0 flex-1">
        <DispatchBoard
          initialJobs={jobs}
          technicians={technicians}
          viewer={{ kind: "staff", role: "DISPATCHER", name: actor.name, userId: actor.userId }}
          timeZone={company.timeZone}
        />
      </main>
    </div>
  );
}
