import type { Metadata } from "next";
import { QuickReplyEditor } from "@/components/quick-replies/quick-reply-editor.tsx";
import { OfficePage } from "@/components/ui/office-page.tsx";
import { companyOf, requireOfficePage } from "@/lib/auth/current-actor.ts";
import { canEditQuickReplies } from "@/lib/auth/policy.ts";
import { getDb } from "@/lib/db.ts";
import { formatArrival } from "@/lib/format/dates.ts";
import { listTechnicians } from "@/lib/jobs/list-technicians.ts";
import { listQuickReplies } from "@/lib/quick-replies/list-quick-replies.ts";
import type { QuickReplyFacts } from "@/lib/quick-replies/template.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Quick replies" };

export default async function QuickRepliesPage() {
  const actor = await requireOfficePage(canEditQuickReplies);
  const [list, company, technicians] = await Promise.all([
    listQuickReplies(getDb(), actor),
    companyOf(actor),
    listTechnicians(getDb(), actor),
  ]);
  // A made-up job for the previews: a technician of this company, on the way for half an hour.
  const sample: QuickReplyFacts = {
    firstName: "Jordan",
    eta: formatArrival(new Date(Date.now() + 30 * 60_000).toISOString(), company.timeZone),
    technician: technicians[0]?.name ?? "Sam Rivera",
    company: company.name,
  };
  return (
    <OfficePage actor={actor} company={company.name} title="Quick replies">
      <p className="mb-4 text-slate-700">
        Ready-made messages your technicians and dispatchers put in the message box with one tap, then send as they are
        or change first. Blanks such as {"{first name}"} are filled in from the job: the customer's first name, the
        arrival time ({"{eta}"}), the technician's name, the company's name. A blank the job can't fill reads as a plain
        word instead ("there", "soon", "your technician").
      </p>
      <QuickReplyEditor initial={list.replies} sample={sample} />
    </OfficePage>
  );
}
