import { getDb } from "@/lib/db.ts";
import { ok, readJson, requireActor, route } from "@/lib/http/route.ts";
import { jobSummaryFor } from "@/lib/jobs/job-view.ts";
import { transitionInputSchema } from "@/lib/jobs/schemas.ts";
import { transitionJob } from "@/lib/jobs/transition-job.ts";
import { publishChange } from "@/lib/realtime/broadcast.ts";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>("POST /api/jobs/:id/transitions", async (request, params) => {
  const actor = await requireActor(request);
  const body = await readJson(request);
  const input = transitionInputSchema.parse({ ...(body as object), jobId: params.id });
  const change = await transitionJob(getDb(), actor, input);
  publishChange(change);
  return ok(jobSummaryFor(actor, change.job));
});
