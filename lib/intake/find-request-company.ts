import type { Db } from "../db.ts";

/** The public request page's company by its slug: only what the page and the request need. */
export async function findRequestCompany(db: Db, slug: string) {
  if (slug.length > 100) return null;
  return db.company.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, firstReplyMinutes: true, phone: true, email: true },
  });
}
