import type { Metadata } from "next";
import { PasswordResetLink } from "@/components/auth/password-reset-link.tsx";
import { BioEditor } from "@/components/staff/bio-editor.tsx";
import { OfficePage } from "@/components/ui/office-page.tsx";
import { ROLE_LABEL } from "@/lib/auth/actor.ts";
import { companyOf, requireOfficePage } from "@/lib/auth/current-actor.ts";
import { listTeam } from "@/lib/auth/list-team.ts";
import { getDb } from "@/lib/db.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Team" };

const roleLabel = (role: keyof typeof ROLE_LABEL | "ADMIN") => (role === "ADMIN" ? "Admin" : ROLE_LABEL[role]);

export default async function TeamPage() {
  const actor = await requireOfficePage();
  const [team, company] = await Promise.all([listTeam(getDb(), actor), companyOf(actor)]);
  return (
    <OfficePage actor={actor} company={company.name} title="Team">
      <p className="mb-6 text-slate-700">
        Technicians' bios are what homeowners read on the technician's card. Someone forgot their password? Make them a
        reset link and hand it over in person or by phone.
      </p>
      <ul className="flex flex-col divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {team.map((member) => (
          <li key={member.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="flex min-w-0 flex-1 flex-col gap-2">
              <div>
                <p className="font-semibold">{member.name}</p>
                <p className="text-sm text-slate-700">
                  {roleLabel(member.role)} · {member.email}
                </p>
              </div>
              {member.role === "TECHNICIAN" && member.canEditBio && (
                <BioEditor userId={member.id} name={member.name} initial={member.bio} />
              )}
            </div>
            {member.canReset ? (
              <PasswordResetLink userId={member.id} name={member.name} />
            ) : (
              // A dispatcher resets technicians only: a link is the account.
              <p className="text-sm text-slate-700">An admin makes reset links for office staff.</p>
            )}
          </li>
        ))}
      </ul>
    </OfficePage>
  );
}
