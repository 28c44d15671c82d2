import type { Db } from "../db.ts";

/** The public request page's company by its slug: only what the page and the request need. */
export async function findRequestCompany(db: Db, slug: string) {
  // Slugs are lower-case words and dashes: anything else (a NUL, a path) is no company.
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return null;
  return db.company.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, firstReplyMinutes: true, phone: true, email: true },
  });
}
