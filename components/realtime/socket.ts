"use client";

import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events.ts";

export type TrioSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: TrioSocket | null = null;

const RETRY_AFTER_SERVER_DISCONNECT_MS = 10_000;
/** After "too many open connections for this sign-in": other tabs may close meanwhile. */
const RETRY_AFTER_TOO_MANY_SOCKETS_MS = 30_000;

/** The server refused the handshake for a limit (too many sockets), not for access. */
export const isRateLimited = (error: Error) => (error as { data?: { code?: string } }).data?.code === "rate_limited";

/** One connection per tab, same origin, carrying the page's session cookie. */
export function getSocket(): TrioSocket {
  if (socket) return socket;
  const created: TrioSocket = io({ withCredentials: true, reconnectionDelayMax: 5000 });
  // The server closes a socket whose session ended (signed out, expired, link
  // turned off). The browser may hold a newer one by now (signed in again, a
  // new link), so try once; a refused handshake then ends it for good.
  let lastRetry = 0;
  created.on("disconnect", (reason) => {
    if (reason !== "io server disconnect" || Date.now() - lastRetry < RETRY_AFTER_SERVER_DISCONNECT_MS) return;
    lastRetry = Date.now();
    created.connect();
  });
  created.on("connect_error", (error) => {
    if (isRateLimited(error)) setTimeout(() => created.connect(), RETRY_AFTER_TOO_MANY_SOCKETS_MS);
  });
  watchTheLine(created);
  socket = created;
  return socket;
}

/**
 * The browser knows at once when the network goes or comes back; the socket
 * would notice only when a ping goes unanswered (tens of seconds). Gone: drop
 * the connection now, so what is sent waits honestly and the page says so.
 * Back: connect now rather than at the end of the reconnection back-off.
 *
 * Dropped with disconnect(), which is done when it returns: closing the
 * engine instead waits for its buffer to drain or an upgrade to end, which
 * with no network can take long, and all that time the socket says it is
 * connected (a status tap then waited on an answer that could not come).
 */
function watchTheLine(created: TrioSocket) {
  let lookForTheLine: ReturnType<typeof setInterval> | undefined;
  const reconnect = () => {
    clearInterval(lookForTheLine);
    if (created.connected) return;
    created.disconnect();
    created.connect();
  };
  window.addEventListener("offline", () => {
    if (!created.active) return;
    created.disconnect();
    // A client-side disconnect is never retried by itself: should "online" not come, the line is looked for.
    clearInterval(lookForTheLine);
    lookForTheLine = setInterval(() => navigator.onLine && reconnect(), 5000);
  });
  window.addEventListener("online", reconnect);
}

/** A message id that works on plain-http pages too (randomUUID needs a secure context). */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
