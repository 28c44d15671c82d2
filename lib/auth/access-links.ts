import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { describeLinkProblem } from "./link-problems.ts";
import { hashToken, newToken } from "./tokens.ts";

const DAY = 24 * 60 * 60 * 1000;

/** Makes a homeowner link for a job; the raw token is returned once and never stored. */
export async function createAccessLink(db: Db, jobId: string, ttlDays: number) {
  const token = newToken();
  const link = await db.accessLink.create({
    data: { jobId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + ttlDays * DAY) },
    select: { id: true, expiresAt: true },
  });
  return { ...link, token, path: `/j/${token}` };
}

export async function revokeAccessLink(db: Db, linkId: string) {
  await db.accessLink.updateMany({ where: { id: linkId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Why a link that exists cannot be used, and whose it is, for the page that says so. */
export class UnusableLink extends AppError {
  constructor(
    readonly reason: "expired" | "turned_off",
    readonly companySlug: string,
    companyName: string,
  ) {
    super("link_expired", describeLinkProblem(reason, companyName));
  }
}

/** Finds the live link behind a token, or explains why it cannot be used. */
export async function findUsableLink(db: Db, token: string) {
  const link = await db.accessLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      jobId: true,
      expiresAt: true,
      revokedAt: true,
      job: { select: { company: { select: { name: true, slug: true } } } },
    },
  });
  if (!link) throw new AppError("not_found", describeLinkProblem("invalid"));
  const { name, slug } = link.job.company;
  if (link.revokedAt) throw new UnusableLink("turned_off", slug, name);
  if (link.expiresAt <= new Date()) throw new UnusableLink("expired", slug, name);
  return link;
}

/**
 * Opening a link starts a homeowner session: a second random token, kept in a
 * cookie and stored hashed. The link itself stays usable until it expires, so a
 * mail scanner that follows it first burns nothing.
 */
export async function openAccessLink(db: Db, token: string) {
  const link = await findUsableLink(db, token);
  const sessionToken = newToken();
  await db.homeownerSession.create({ data: { accessLinkId: link.id, tokenHash: hashToken(sessionToken) } });
  return { jobId: link.jobId, sessionToken, expiresAt: link.expiresAt };
}
