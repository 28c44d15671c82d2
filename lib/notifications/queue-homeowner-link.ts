import type { Db } from "../db.ts";
import type { Channel } from "../generated/prisma/enums.ts";

export type HomeownerContact = { channel: Channel; phone: string | null; email: string | null };

/** Where a channel reaches a homeowner: their phone, their email, or nowhere (the page only, or none on file). */
export function addressFor(channel: Channel, contact: { phone: string | null; email: string | null }): string | null {
  return channel === "SMS" ? contact.phone : channel === "EMAIL" ? contact.email : null;
}

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
  const to = addressFor(contact.channel, contact);
  if (!to || contact.channel === "WEB") return false;
  await tx.notification.create({ data: { ...target, kind, channel: contact.channel, to } });
  return true;
}
