import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePageActor } from "@/lib/auth/current-actor.ts";
import { getDb } from "@/lib/db.ts";
import { AppError } from "@/lib/errors.ts";
import { idSchema } from "@/lib/ids.ts";
import { getVisibleJob } from "@/lib/jobs/get-visible-job.ts";

/**
 * The access gate for a thread, above the loading boundary: an unknown or
 * forbidden job answers a real 404 status before anything streams.
 */
export default async function JobLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const actor = await requirePageActor();
  const jobId = idSchema.safeParse(id);
  if (!jobId.success) notFound();
  await getVisibleJob(getDb(), actor, jobId.data).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return children;
}
