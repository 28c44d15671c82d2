import { getDb } from "@/lib/db.ts";
import { getJobFeedback } from "@/lib/feedback/get-job-feedback.ts";
import { rateJob } from "@/lib/feedback/rate-job.ts";
import { rateJobInputSchema } from "@/lib/feedback/schemas.ts";
import { ok, readJson, requireActor, route } from "@/lib/http/route.ts";
import { idSchema } from "@/lib/ids.ts";
import { withinEntryLimit } from "@/lib/limits/send-limit.ts";
import { publishMessage } from "@/lib/realtime/broadcast.ts";
import { publishRating } from "@/lib/realtime/publish-rating.ts";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = route<Params>("GET /api/jobs/:id/feedback", async (request, params) => {
  const actor = await requireActor(request);
  return ok(await getJobFeedback(getDb(), actor, idSchema.parse(params.id)));
});

export const POST = route<Params>("POST /api/jobs/:id/feedback", async (request, params) => {
  const actor = await requireActor(request);
  const body = await readJson(request);
  const input = rateJobInputSchema.parse({ ...(body as object), jobId: params.id });
  const result = await withinEntryLimit(
    actor,
    input.jobId,
    () => rateJob(getDb(), actor, input),
    (rated) => rated.changed,
  );
  if (result.message && result.job) {
    publishMessage(result.message, result.job);
    publishRating(result.job, result.rating);
  }
  return ok(result.own, result.created ? 201 : 200);
});
