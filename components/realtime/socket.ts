"use client";

import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events.ts";

export type TrioSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: TrioSocket | null = null;

const RETRY_AFTER_SERVER_DISCONNECT_MS = 10_000;

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
  socket = created;
  return socket;
}

/** A message id that works on plain-http pages too (randomUUID needs a secure context). */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
