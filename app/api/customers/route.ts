import { searchCustomersQuerySchema } from "@/lib/customers/schemas.ts";
import { searchCustomers } from "@/lib/customers/search-customers.ts";
import { getDb } from "@/lib/db.ts";
import { ok, requireActor, route } from "@/lib/http/route.ts";

export const dynamic = "force-dynamic";

export const GET = route("GET /api/customers", async (request) => {
  const actor = await requireActor(request);
  const { q } = searchCustomersQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return ok(await searchCustomers(getDb(), actor, q));
});
