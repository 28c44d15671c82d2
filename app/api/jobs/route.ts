import { getDb } from "@/lib/db.ts";
import { ok, requireActor, route } from "@/lib/http/route.ts";
import { listJobs } from "@/lib/jobs/list-jobs.ts";
import { listJobsQuerySchema } from "@/lib/jobs/schemas.ts";

export const dynamic = "force-dynamic";

export const GET = route("GET /api/jobs", async (request) => {
  const actor = await requireActor(request);
  const query = listJobsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return ok(await listJobs(getDb(), actor, query));
});
