import { telHref } from "@/lib/format/contact-links.ts";

export type CompanyContactInfo = { name: string; phone: string | null; email: string | null };

/** How to reach the office, on every homeowner page: a tap to call or to write. */
export function CompanyContact({ company, className = "" }: { company: CompanyContactInfo; className?: string }) {
  if (!company.phone && !company.email) return null;
  const link = "inline-flex min-h-11 items-center font-medium text-blue-800 underline";
  return (
    <p className={`flex flex-wrap items-center gap-x-4 text-sm ${className}`}>
      <span className="sr-only">Contact {company.name}:</span>
      {company.phone && (
        <a href={telHref(company.phone)} className={link}>
          Call {company.phone}
        </a>
      )}
      {company.email && (
        <a href={`mailto:${company.email}`} className={link}>
          {company.email}
        </a>
      )}
    </p>
  );
}
