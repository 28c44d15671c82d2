import { formatArrival } from "../format/dates.ts";
import type { JobSummary } from "../jobs/job-view.ts";
import type { QuickReplyFacts } from "./template.ts";

export type FactsJob = Pick<JobSummary, "customer" | "technician" | "eta">;

/** The customer's first name as people say it: the first word of the name on file. */
export function firstNameOf(name: string): string | null {
  return name.trim().split(/\s+/)[0] || null;
}

/**
 * What a job fills a quick reply's blanks with: the ETA written as the rest of
 * the page writes it, in the company's time zone ("2:40 pm", "9:15 am tomorrow").
 */
export function quickReplyFacts(
  job: FactsJob,
  { timeZone, company, now = Date.now() }: { timeZone: string; company: string | null; now?: number },
): QuickReplyFacts {
  return {
    firstName: firstNameOf(job.customer.name),
    eta: job.eta ? formatArrival(job.eta, timeZone, now) : null,
    technician: job.technician?.name ?? null,
    company,
  };
}
