// The office's side of homeowner links: list, issue, turn off. The link
// mechanics (hashing, opening, expiry) live in lib/auth/access-links.ts.

import { createAccessLink, revokeAccessLink } from "../auth/access-links.ts";
import type { Actor } from "../auth/actor.ts";
import { canManageLinks } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { getVisibleJob } from "./get-visible-job.ts";
import type { LinkRef } from "./schemas.ts";

export type LinkView = {
  id: string;
  createdAt: string;
  expiresAt: string;
  state: "ACTIVE" | "EXPIRED" | "TURNED_OFF";
};

const linkSelect = { id: true, createdAt: true, expiresAt: true, revokedAt: true } as const;

function toLinkView(link: { id: string; createdAt: Date; expiresAt: Date; revokedAt: Date | null }): LinkView {
  const state = link.revokedAt ? "TURNED_OFF" : link.expiresAt <= new Date() ? "EXPIRED" : "ACTIVE";
  return { id: link.id, createdAt: link.createdAt.toISOString(), expiresAt: link.expiresAt.toISOString(), state };
}

async function checkManaged(db: Db, actor: Actor, jobId: string) {
  const job = await getVisibleJob(db, actor, jobId);
  if (!canManageLinks(actor, job)) throw new AppError("forbidden", "Only a dispatcher can manage homeowner links.");
}

/** Every link a job has had, newest first. */
export async function listHomeownerLinks(db: Db, actor: Actor, jobId: string): Promise<LinkView[]> {
  await checkManaged(db, actor, jobId);
  const links = await db.accessLink.findMany({ where: { jobId }, select: linkSelect, orderBy: { createdAt: "desc" } });
  return links.map(toLinkView);
}

/** A fresh link for the homeowner. The raw token is in the answer once and never stored. */
export async function issueHomeownerLink(db: Db, actor: Actor, jobId: string, ttlDays: number) {
  await checkManaged(db, actor, jobId);
  const link = await createAccessLink(db, jobId, ttlDays);
  return { id: link.id, path: link.path, expiresAt: link.expiresAt.toISOString() };
}

/**
 * Turns a link off; homeowner sessions opened through it end with it. The
 * caller disconnects the link's sockets after this returns.
 */
export async function turnOffHomeownerLink(db: PrismaClient, actor: Actor, ref: LinkRef): Promise<LinkView> {
  return db.$transaction(async (tx) => {
    await checkManaged(tx, actor, ref.jobId);
    const link = await tx.accessLink.findFirst({ where: { id: ref.linkId, jobId: ref.jobId }, select: { id: true } });
    if (!link) throw new AppError("not_found", "That link does not belong to this job.");
    await revokeAccessLink(tx, link.id);
    return toLinkView(await tx.accessLink.findUniqueOrThrow({ where: { id: link.id }, select: linkSelect }));
  });
}
