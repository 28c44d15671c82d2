// Limits on one socket and on the sockets of one session, for server/realtime.
import { AppError } from "../errors.ts";
import { limits } from "./limits.ts";
import { retryAfterSeconds } from "./rules.ts";

const refusal = (message: (seconds: number) => string, retryAfterMs: number) => {
  const seconds = retryAfterSeconds(retryAfterMs);
  return new AppError("rate_limited", message(seconds), { retryAfter: seconds });
};

/** Every client event of a socket counts; null when it may go ahead. */
export async function checkSocketEvent(socketId: string, event: string): Promise<AppError | null> {
  const verdict = await limits().events.take(socketId);
  if (!verdict.ok) return refusal((s) => `You're doing that quickly — try again in ${s} s.`, verdict.retryAfterMs);
  if (event !== "thread:join") return null;
  const join = await limits().joins.take(socketId);
  if (!join.ok) return refusal((s) => `You're opening conversations quickly — try again in ${s} s.`, join.retryAfterMs);
  return null;
}

/**
 * Counts a new socket of a session on this node: a way to let it go again
 * (call it once, on disconnect), or null when the session has all it may hold.
 */
export function admitSessionSocket(sessionKey: string): (() => void) | null {
  const { openSockets, socketsPerSession } = limits();
  const open = openSockets.get(sessionKey) ?? 0;
  if (open >= socketsPerSession) return null;
  openSockets.set(sessionKey, open + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (openSockets.get(sessionKey) ?? 1) - 1;
    if (left > 0) openSockets.set(sessionKey, left);
    else openSockets.delete(sessionKey);
  };
}
