import type { Db } from "../db.ts";

/** The phone of a job's customer, for staff's tap to call; the caller has checked the job is theirs to see. */
export async function getJobCustomerPhone(db: Db, jobId: string): Promise<string | null> {
  const job = await db.job.findUnique({ where: { id: jobId }, select: { customer: { select: { phone: true } } } });
  return job?.customer.phone ?? null;
}
