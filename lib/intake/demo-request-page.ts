// The demo company's request page, offered to signed-out visitors of a demo
// install (npm start with demo data): the homeowner's door, one click away.
import type { Db } from "../db.ts";

export const DEMO_COMPANY_SLUG = "brightside";
export const DEMO_DISPATCHER_EMAIL = "dispatcher@brightside.test";

/**
 * The demo company, only when the demo data is there (its demo dispatcher
 * with it): a real company that happens to use the slug is not advertised.
 */
export async function findDemoRequestPage(db: Db) {
  const company = await db.company.findFirst({
    where: { slug: DEMO_COMPANY_SLUG, memberships: { some: { user: { email: DEMO_DISPATCHER_EMAIL } } } },
    select: { name: true, slug: true },
  });
  return company ? { name: company.name, path: `/r/${company.slug}` } : null;
}
