import { getDb } from "@/lib/db.ts";
import { ok, readJson, requireActor, route } from "@/lib/http/route.ts";
import { assignTechnician } from "@/lib/jobs/assign-technician.ts";
import { toJobSummary } from "@/lib/jobs/job-view.ts";
import { assignInputSchema } from "@/lib/jobs/schemas.ts";
import { publishJob, publishMessage, removeFromJob } from "@/lib/realtime/broadcast.ts";

export const dynamic = "force-dynamic";

export const PUT = route<{ id: string }>("PUT /api/jobs/:id/assignment", async (request, params) => {
  const actor = await requireActor(request);
  const body = await readJson(request);
  const input = assignInputSchema.parse({ ...(body as object), jobId: params.id });
  const { job, previousTechnicianId, message } = await assignTechnician(getDb(), actor, input);
  if (message) {
    // Losing the job takes effect at once, sockets included.
    if (previousTechnicianId) removeFromJob(previousTechnicianId, job);
    publishMessage(message, job);
    publishJob(job);
  }
  return ok(toJobSummary(job));
});
