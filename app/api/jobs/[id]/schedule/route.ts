import { getDb } from "@/lib/db.ts";
import { ok, readJson, requireActor, route } from "@/lib/http/route.ts";
import { jobSummaryFor } from "@/lib/jobs/job-view.ts";
import { publishJob, publishMessage } from "@/lib/realtime/broadcast.ts";
import { scheduleVisit } from "@/lib/scheduling/schedule-visit.ts";
import { scheduleInputSchema } from "@/lib/scheduling/schemas.ts";

export const dynamic = "force-dynamic";

/** The HTTP twin of the socket's `job:schedule`. */
export const POST = route<{ id: string }>("POST /api/jobs/:id/schedule", async (request, params) => {
  const actor = await requireActor(request);
  const body = await readJson(request);
  const input = scheduleInputSchema.parse({ ...(body as object), jobId: params.id });
  const { job, message } = await scheduleVisit(getDb(), actor, input);
  publishMessage(message, job);
  publishJob(job);
  return ok(jobSummaryFor(actor, job));
});
