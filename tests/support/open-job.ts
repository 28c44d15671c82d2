// A job opened the real way (lib/jobs/create-job.ts: the homeowner in its
// thread, their link queued), for a homeowner who chose `channel`.
import { getDb } from "../../lib/db.ts";
import { createJob } from "../../lib/jobs/create-job.ts";
import type { World } from "./world.ts";

export type Contact = { phone: string | null; email: string | null };

export async function openJob(
  world: World,
  channel: "SMS" | "EMAIL" | "WEB",
  contact: Contact = { phone: "5550102233", email: "jordan@home.test" },
) {
  const { job, link } = await createJob(getDb(), {
    companyId: world.company.id,
    customer: { name: "Jordan Home", ...contact, address: "1 Main St", channel, matchExisting: false },
    problem: "Dripping kitchen tap",
    address: "1 Main St",
    technicianId: world.technician.id,
    status: "REQUESTED",
    awaitingReply: false,
    firstEntry: (name) => `Thanks, ${name}: we have your request.`,
    linkTtlDays: 30,
  });
  return { ...job, link };
}
