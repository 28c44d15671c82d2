"use client";

import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events.ts";

export type TrioSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: TrioSocket | null = null;

/** One connection per tab, same origin, carrying the page's session cookie. */
export function getSocket(): TrioSocket {
  socket ??= io({ withCredentials: true, reconnectionDelayMax: 5000 });
  return socket;
}

/** A message id that works on plain-http pages too (randomUUID needs a secure context). */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
