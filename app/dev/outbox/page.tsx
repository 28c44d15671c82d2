import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { DevOutboxList } from "@/components/dev/dev-outbox-list.tsx";
import { StaffHeader } from "@/components/ui/staff-header.tsx";
import { companyOf, requirePageActor } from "@/lib/auth/current-actor.ts";
import { isManager } from "@/lib/auth/policy.ts";
import { listDevDeliveries } from "@/lib/channels/dev/list-dev-deliveries.ts";
import { devOutboxOn } from "@/lib/channels/senders.ts";
import { getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Outbox (development)" };

/**
 * Every text and email that would have gone out, as the homeowner would see
 * it: in development, with no provider set up, this is where they go.
 */
export default async function DevOutboxPage() {
  if (!devOutboxOn(env())) notFound();
  const actor = await requirePageActor();
  if (actor.kind !== "staff") redirect(`/jobs/${actor.jobId}`);
  if (!isManager(actor)) notFound();
  const [deliveries, company] = await Promise.all([listDevDeliveries(getDb(), actor), companyOf(actor)]);
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <StaffHeader
        company={company.name}
        name={actor.name}
        roleLabel="Dispatcher"
        back={{ href: "/dispatch", label: "Board" }}
      />
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-4">
        <h1 className="text-xl font-semibold text-slate-900">Outbox (development)</h1>
        <p className="mt-1 text-base text-slate-700">
          Texts and emails Trio would have sent, newest first. Set <code>SMTP_URL</code> or the <code>SMS_*</code>{" "}
          settings to send them for real.
        </p>
        <DevOutboxList deliveries={deliveries} timeZone={company.timeZone} />
      </main>
    </div>
  );
}
