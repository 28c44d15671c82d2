import type { Metadata } from "next";
import { cookies } from "next/headers";
import { CompanyContact } from "@/components/homeowner/company-contact.tsx";
import { UpdatesChoice } from "@/components/homeowner/updates-choice.tsx";
import { KeepLinkNotice } from "@/components/intake/keep-link-notice.tsx";
import { ThreadView } from "@/components/thread/thread-view.tsx";
import { StaffHeader } from "@/components/ui/staff-header.tsx";
import { companyOf, requireVisibleJob } from "@/lib/auth/current-actor.ts";
import { isManager } from "@/lib/auth/policy.ts";
import { getJobCustomerPhone } from "@/lib/customers/get-job-customer-phone.ts";
import { getDb } from "@/lib/db.ts";
import { NEW_LINK_COOKIE } from "@/lib/intake/landing-cookies.ts";
import { newLinkToShow } from "@/lib/intake/new-link-notice.ts";
import { listTechnicians } from "@/lib/jobs/list-technicians.ts";
import { listMessages } from "@/lib/messages/list-messages.ts";
import { getUpdatesChannel } from "@/lib/notifications/updates-channel.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your job" };

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, job } = await requireVisibleJob(id);
  const page = await listMessages(getDb(), actor, job.id, 0);
  const [company, technicians, newLink, reach, customerPhone] = await Promise.all([
    companyOf(actor),
    listTechnicians(getDb(), actor),
    newLinkToShow(getDb(), actor, (await cookies()).get(NEW_LINK_COOKIE)?.value),
    // A job made without its homeowner in the thread (old data) just has no choice to show.
    actor.kind === "homeowner" ? getUpdatesChannel(getDb(), actor, job.id).catch(() => null) : null,
    actor.kind === "staff" ? getJobCustomerPhone(getDb(), job.id) : null,
  ]);
  const viewer =
    actor.kind === "homeowner"
      ? ({ kind: "homeowner", role: "HOMEOWNER", name: actor.name } as const)
      : ({
          kind: "staff",
          role: actor.role === "TECHNICIAN" ? "TECHNICIAN" : "DISPATCHER",
          name: actor.name,
          userId: actor.userId,
        } as const);

  return (
    // On a phone or a short screen, the top bar and the keep-your-link notice step aside while the job's top is
    // folded (typing, scrolling): the conversation gets the height.
    <div className="mx-auto flex h-dvh max-w-3xl flex-col bg-slate-50 max-sm:has-data-folded:[&>[data-keep-link]]:hidden max-sm:has-data-folded:[&>header]:hidden [@media(max-height:480px)]:has-data-folded:[&>[data-keep-link]]:hidden [@media(max-height:480px)]:has-data-folded:[&>header]:hidden">
      {actor.kind === "staff" ? (
        <StaffHeader
          company={company.name}
          name={actor.name}
          roleLabel={viewer.role === "TECHNICIAN" ? "Technician" : "Dispatcher"}
          back={isManager(actor) ? { href: "/dispatch", label: "Board" } : { href: "/tech", label: "My jobs" }}
        />
      ) : (
        <header className="flex flex-wrap items-center justify-between gap-x-4 border-b border-slate-200 bg-white px-4 py-1">
          <p className="text-base font-semibold">{company.name}</p>
          <div className="flex flex-wrap items-center gap-x-4">
            <CompanyContact company={company} />
            {reach && <UpdatesChoice jobId={job.id} initial={reach} />}
          </div>
        </header>
      )}
      {newLink && <KeepLinkNotice url={newLink} />}
      <main className="min-h-0 flex-1">
        <h1 className="sr-only">Job #{page.job.number} conversation</h1>
        <ThreadView
          jobId={page.job.id}
          initial={page}
          viewer={viewer}
          timeZone={company.timeZone}
          technicians={technicians}
          customerPhone={customerPhone}
        />
      </main>
    </div>
  );
}
