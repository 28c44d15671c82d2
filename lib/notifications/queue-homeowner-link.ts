import type { Db } from "../db.ts";
import type { Channel } from "../generated/prisma/enums.ts";

export type HomeownerContact = { channel: Channel; phone: string | null; email: string | null };

/**
 * Queues a link for a homeowner in the channel they chose, in the caller's
 * transaction (so it goes out only if what caused it commits). Page only, or
 * no address for the channel: nothing is queued.
 */
export async function queueHomeownerLink(
  tx: Db,
  kind: "JOB_LINK" | "NEW_LINK",
  target: { companyId: string; jobId: string; participantId: string },
  contact: HomeownerContact,
): Promise<boolean> {
  const to = contact.channel === "SMS" ? contact.phone : contact.channel === "EMAIL" ? contact.email : null;
  if (!to || contact.channel === "WEB") return false;
  await tx.notification.create({ data: { ...target, kind, channel: contact.channel, to } });
  return true;
}
