import type { ReactNode } from "react";
import type { StaffActor } from "@/lib/auth/actor.ts";
import { StaffHeader } from "./staff-header.tsx";

type Props = { actor: StaffActor; company: string; title: string; tinted?: boolean; children: ReactNode };

/** An office page beside the board (new job, team, quick replies): the header with the way back, its title, its column. */
export function OfficePage({ actor, company, title, tinted = false, children }: Props) {
  return (
    <div className={`flex min-h-dvh flex-col${tinted ? " bg-slate-50" : ""}`}>
      <StaffHeader
        company={company}
        name={actor.name}
        roleLabel={actor.role === "ADMIN" ? "Admin" : "Dispatcher"}
        back={{ href: "/dispatch", label: "Live jobs" }}
      />
      <main className="mx-auto w-full max-w-2xl px-4 py-6">
        <h1 className="mb-1 text-2xl font-bold">{title}</h1>
        {children}
      </main>
    </div>
  );
}
