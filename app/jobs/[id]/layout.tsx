import type { ReactNode } from "react";
import { requireVisibleJob } from "@/lib/auth/current-actor.ts";

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
  await requireVisibleJob((await params).id);
  return children;
}
