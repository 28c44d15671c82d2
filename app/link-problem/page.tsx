import type { Metadata } from "next";
import { CompanyContact } from "@/components/homeowner/company-contact.tsx";
import { NewLinkForm } from "@/components/intake/new-link-form.tsx";
import { describeLinkProblem, type LinkProblem } from "@/lib/auth/link-problems.ts";
import { getDb } from "@/lib/db.ts";
import { newLinkState } from "@/lib/intake/new-link-state.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Link problem" };

/**
 * Where /j/<token> sends a link that cannot be opened, and a page a homeowner
 * is signed out of (lib/auth/signed-out-path.ts). Every word is ours: the
 * query carries only a reason and a company slug, never text to show.
 */
export default async function LinkProblemPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string; company?: string; newLink?: string }>;
}) {
  const { reason, company: slug, newLink } = await searchParams;
  const known: LinkProblem =
    reason === "expired" || reason === "turned_off" || reason === "invalid" || reason === "signed_out"
      ? reason
      : "error";
  const company =
    typeof slug === "string" && slug.length <= 100
      ? await getDb()
          .company.findUnique({ where: { slug }, select: { name: true, slug: true, phone: true, email: true } })
          .catch(() => null)
      : null;
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4">
      {reason === undefined && newLink !== undefined ? (
        // Back from "Send me a new link" posted without script: nothing went wrong.
        <h1 className="mb-2 text-2xl font-bold">A new link to your job</h1>
      ) : (
        <>
          <h1 className="mb-2 text-2xl font-bold">
            {known === "signed_out" ? "You were signed out" : "We couldn't open your job"}
          </h1>
          <p className="text-lg text-slate-800">{describeLinkProblem(known, company?.name)}</p>
          <p className="mt-4 text-slate-700">
            {known === "signed_out"
              ? "If the link no longer works, ask for a new one below, or call your service company."
              : "Ask for a new link below, or call your service company."}
          </p>
        </>
      )}
      {company && <CompanyContact company={company} className="mt-4 text-base" />}
      <NewLinkForm
        company={company?.slug ?? null}
        back={`/link-problem?${new URLSearchParams({
          ...(known !== "error" ? { reason: known } : {}),
          ...(company ? { company: company.slug } : {}),
        })}`}
        initial={newLinkState(typeof newLink === "string" ? newLink : undefined)}
      />
    </main>
  );
}
