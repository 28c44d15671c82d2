// One push to one browser: web-push encrypts the payload (RFC 8291) and signs
// the VAPID header; the request goes out through fetch, so it has a deadline,
// never follows a redirect away from the allowed host, and (for tests) may be
// plain http to a local stand-in for the push service.
import webPush from "web-push";
import type { VapidKeys } from "./push-settings.ts";
import type { PushPayload } from "./schemas.ts";

export type PushTarget = { endpoint: string; p256dh: string; auth: string };

export type PushOutcome =
  | { outcome: "sent" }
  /** 404/410: the browser unsubscribed or the subscription expired; it must be forgotten. */
  | { outcome: "gone" }
  | { outcome: "failed"; reason: string };

/** How long a notice is worth keeping at the push service for a phone that is off. */
const TTL_SECONDS = 60 * 60;
const TIMEOUT_MS = 10_000;

export async function sendPush(
  target: PushTarget,
  payload: PushPayload,
  vapid: VapidKeys,
  { topic }: { topic?: string } = {},
): Promise<PushOutcome> {
  const details = webPush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    JSON.stringify(payload),
    {
      vapidDetails: vapid,
      TTL: TTL_SECONDS,
      urgency: "high",
      contentEncoding: "aes128gcm",
      // A newer notice on the same job replaces one the phone hasn't fetched yet.
      ...(topic ? { topic } : {}),
    },
  );
  try {
    const response = await fetch(details.endpoint, {
      method: details.method,
      headers: details.headers as Record<string, string>,
      body: details.body ? new Uint8Array(details.body) : undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status === 404 || response.status === 410) return { outcome: "gone" };
    if (response.status >= 200 && response.status < 300) return { outcome: "sent" };
    return { outcome: "failed", reason: `the push service answered ${response.status}` };
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? "timed out" : "could not be reached";
    return { outcome: "failed", reason: `the push service ${reason}` };
  }
}
