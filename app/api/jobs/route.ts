import type { ZodError } from "zod";
import { canCreateJob } from "@/lib/auth/policy.ts";
import { getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { AppError, invalidFields } from "@/lib/errors.ts";
import { ok, publicOrigin, readJson, requireActor, route } from "@/lib/http/route.ts";
import { createStaffJob } from "@/lib/jobs/create-staff-job.ts";
import { toJobSummary } from "@/lib/jobs/job-view.ts";
import { listJobs } from "@/lib/jobs/list-jobs.ts";
import { createJobInputSchema, listJobsQuerySchema } from "@/lib/jobs/schemas.ts";
import { publishJob } from "@/lib/realtime/broadcast.ts";

export const dynamic = "force-dynamic";

export const GET = route("GET /api/jobs", async (request) => {
  const actor = await requireActor(request);
  const query = listJobsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return ok(await listJobs(getDb(), actor, query));
});

/** A dispatcher opens a job (a request by phone): the job, and the homeowner's link to send. */
export const POST = route("POST /api/jobs", async (request) => {
  const actor = await requireActor(request);
  if (actor.kind !== "staff" || !canCreateJob(actor))
    throw new AppError("forbidden", "Only a dispatcher can open jobs.");
  const parsed = createJobInputSchema.safeParse(await readJson(request));
  if (!parsed.success) throw invalidFields(parsed.error as ZodError);
  const { job, link } = await createStaffJob(getDb(), actor, parsed.data, env().LINK_TTL_DAYS);
  publishJob(job);
  return ok(
    {
      job: toJobSummary(job),
      link: { url: new URL(link.path, publicOrigin(request)).href, expiresAt: link.expiresAt.toISOString() },
    },
    201,
  );
});
