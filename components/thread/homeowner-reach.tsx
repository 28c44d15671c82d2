"use client";

import { useCallback, useEffect, useState } from "react";
import { formatRelative } from "@/lib/format/dates.ts";
import type { UpdatesChannel } from "@/lib/notifications/updates-channel.ts";
import { getSocket } from "../realtime/socket.ts";
import { callApi } from "../ui/call-api.ts";

const KIND_WORDS = {
  JOB_LINK: "their link",
  NEW_LINK: "a new link",
  STEP: "an update",
  MESSAGES: "new messages",
  WAITING: "a reminder",
} as const;
const CHANNEL_WORDS = { SMS: "Text", EMAIL: "Email", WEB: "Page" } as const;

/**
 * Staff's line about how the homeowner hears of this job outside the page,
 * and, loudly, when the newest text or email did not reach them and why.
 * Looks again whenever the server says a delivery changed.
 */
export function HomeownerReach({ jobId, now }: { jobId: string; now: number }) {
  const [reach, setReach] = useState<UpdatesChannel | null>(null);

  const load = useCallback(async () => {
    const result = await callApi<UpdatesChannel>(`/api/jobs/${jobId}/channel`, { method: "GET" });
    if (result.ok) setReach(result.data);
  }, [jobId]);

  useEffect(() => {
    void load();
    const socket = getSocket();
    const onDelivery = (notice: { jobId: string }) => {
      if (notice.jobId === jobId) void load();
    };
    const onConnect = () => void load();
    socket.on("delivery:updated", onDelivery);
    socket.on("connect", onConnect);
    return () => {
      socket.off("delivery:updated", onDelivery);
      socket.off("connect", onConnect);
    };
  }, [jobId, load]);

  if (!reach) return null;
  const address = reach.channel === "SMS" ? reach.phone : reach.channel === "EMAIL" ? reach.email : null;
  const how =
    reach.channel === "WEB"
      ? `${reach.name} follows on the page only`
      : `${reach.name} hears by ${reach.channel === "SMS" ? "text" : "email"} at ${address}`;
  const last = reach.last;
  const failed = last?.state === "FAILED";
  const stopped = reach.optedOut && reach.channel === "SMS";

  return (
    <div className="border-b border-slate-200 bg-white px-4 py-1 text-sm text-slate-700" data-testid="homeowner-reach">
      <p>
        {how}
        {last && !failed && (
          <span>
            {" · "}
            {CHANNEL_WORDS[last.channel]} with {KIND_WORDS[last.kind]}: {stateWords(last.state, last.reason)}{" "}
            {formatRelative(last.at, now)}
          </span>
        )}
      </p>
      {stopped && <p className="font-medium text-amber-900">Texts are off: this number texted STOP.</p>}
      {failed && (
        <p className="my-1 rounded-md bg-red-50 px-2 py-1 font-medium text-red-900" role="status">
          {CHANNEL_WORDS[last.channel]} to {last.to} failed: {last.reason ?? "not delivered"}.
        </p>
      )}
    </div>
  );
}

function stateWords(state: string, reason: string | null): string {
  if (state === "DELIVERED") return "delivered";
  if (state === "SENT") return "sent";
  if (state === "SKIPPED") return `not sent (${reason ?? "skipped"})`;
  return reason ? `sending, tried again soon (${reason})` : "sending";
}
