import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/current-actor.ts";
import { isManager } from "@/lib/auth/policy.ts";

export const dynamic = "force-dynamic";

export default async function Home() {
  const actor = await requirePageActor();
  if (actor.kind === "homeowner") redirect(`/jobs/${actor.jobId}`);
  redirect(isManager(actor) ? "/dispatch" : "/tech");
}
