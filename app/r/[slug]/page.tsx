import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CompanyContact } from "@/components/homeowner/company-contact.tsx";
import { NewLinkForm } from "@/components/intake/new-link-form.tsx";
import { RequestForm } from "@/components/intake/request-form.tsx";
import { getDb } from "@/lib/db.ts";
import { findRequestCompany } from "@/lib/intake/find-request-company.ts";
import { formErrorWords } from "@/lib/intake/form-words.ts";
import { newLinkState } from "@/lib/intake/new-link-state.ts";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ error?: string | string[]; fields?: string | string[]; newLink?: string | string[] }>;
};

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export const metadata: Metadata = { title: "Request a visit" };

/** A company's public request page: anyone may ask for a visit, no account needed. */
export default async function RequestPage({ params, searchParams }: Props) {
  const company = await findRequestCompany(getDb(), (await params).slug);
  if (!company) notFound();
  const { error, fields, newLink } = await searchParams;
  const { byField, summary } = formErrorWords(one(error), one(fields));
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="border-b border-slate-200 bg-white px-4 py-2">
        <div className="mx-auto flex max-w-md flex-wrap items-center justify-between gap-x-4">
          <p className="text-base font-semibold">{company.name}</p>
          <CompanyContact company={company} />
        </div>
      </header>
      <main className="mx-auto max-w-md px-4 py-6">
        <h1 className="mb-1 text-2xl font-bold">Request a visit</h1>
        <p className="mb-6 text-slate-700">
          Tell us what's wrong. You'll go straight to a conversation with our team, and we usually answer within{" "}
          {company.firstReplyMinutes} minutes.
        </p>
        <RequestForm slug={company.slug} initialErrors={byField} initialSummary={summary} />
        <p className="mt-8 text-base text-slate-700">Already asked us, and lost your link?</p>
        <NewLinkForm company={company.slug} back={`/r/${company.slug}`} initial={newLinkState(one(newLink))} />
      </main>
    </div>
  );
}
