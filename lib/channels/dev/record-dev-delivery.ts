// In development with no provider set, a text or an email "goes out" into the
// DevDelivery table, shown at /dev/outbox as the homeowner would see it.
import type { Db } from "../../db.ts";
import type { Outgoing, Send, Sent } from "../outgoing.ts";

export function devSender(db: () => Db, from: string): Send {
  return async (message: Outgoing): Promise<Sent> => {
    const row = await db().devDelivery.create({
      data: {
        notificationId: message.notificationId,
        channel: message.channel,
        to: message.to,
        from,
        replyTo: message.replyTo ?? (message.channel === "SMS" ? from : null),
        subject: message.subject ?? null,
        text: message.text,
        html: message.html ?? null,
      },
      select: { id: true },
    });
    return { providerId: `dev:${row.id}` };
  };
}
