import { getDb } from "@/lib/db.ts";
import { ok, readJson, requireActor, route } from "@/lib/http/route.ts";
import { jobSummaryFor } from "@/lib/jobs/job-view.ts";
import { updateEtaInputSchema } from "@/lib/jobs/schemas.ts";
import { publishJob, publishMessage } from "@/lib/realtime/broadcast.ts";
import { updateEta } from "@/lib/scheduling/update-eta.ts";

export const dynamic = "force-dynamic";

/** The HTTP twin of the socket's `job:eta`. */
export const POST = route<{ id: string }>("POST /api/jobs/:id/eta", async (request, params) => {
  const actor = await requireActor(request);
  const body = await readJson(request);
  const input = updateEtaInputSchema.parse({ ...(body as object), jobId: params.id });
  const { job, message } = await updateEta(getDb(), actor, input);
  publishMessage(message, job);
  publishJob(job);
  return ok(jobSummaryFor(actor, job));
});
