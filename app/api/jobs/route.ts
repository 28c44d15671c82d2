import { getDb } from "@/lib/db.ts";
import { ok, requireActor, route } from "@/lib/http/route.ts";
import { listJobs } from "@/lib/jobs/list-jobs.ts";

export const dynamic = "force-dynamic";

export const GET = route("GET /api/jobs", async (request) => {
  const actor = await requireActor(request);
  const all = new URL(request.url).searchParams.get("status") === "all";
  return ok(await listJobs(getDb(), actor, { open: !all }));
});
