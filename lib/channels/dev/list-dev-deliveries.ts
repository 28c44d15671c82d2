import type { Actor } from "../../auth/actor.ts";
import { isManager } from "../../auth/policy.ts";
import type { Db } from "../../db.ts";
import { AppError } from "../../errors.ts";

export type DevDeliveryView = {
  id: string;
  channel: "SMS" | "EMAIL";
  to: string;
  from: string;
  replyTo: string | null;
  subject: string | null;
  text: string;
  hasHtml: boolean;
  jobNumber: number | null;
  createdAt: string;
};

const SHOWN = 50;

/**
 * What the /dev/outbox page shows a dispatcher or admin: their company's
 * would-be texts and emails, newest first. Not technicians: it holds every
 * job's links, and they see only their own jobs.
 */
export async function listDevDeliveries(db: Db, actor: Actor): Promise<DevDeliveryView[]> {
  if (!isManager(actor)) throw new AppError("not_found", "Not found.");
  const rows = await db.devDelivery.findMany({
    where: { notification: { companyId: actor.companyId } },
    orderBy: { createdAt: "desc" },
    take: SHOWN,
    select: {
      id: true,
      channel: true,
      to: true,
      from: true,
      replyTo: true,
      subject: true,
      text: true,
      html: true,
      createdAt: true,
      notification: { select: { job: { select: { number: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel === "SMS" ? "SMS" : "EMAIL",
    to: row.to,
    from: row.from,
    replyTo: row.replyTo,
    subject: row.subject,
    text: row.text,
    hasHtml: row.html !== null,
    jobNumber: row.notification?.job.number ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** One email's HTML, for the staff member's own company only (the same 404 otherwise). */
export async function getDevEmailHtml(db: Db, actor: Actor, id: string): Promise<string> {
  const row =
    isManager(actor) && actor.kind === "staff"
      ? await db.devDelivery.findFirst({
          where: { id, notification: { companyId: actor.companyId } },
          select: { html: true },
        })
      : null;
  if (!row?.html) throw new AppError("not_found", "Not found.");
  return row.html;
}
