// The socket side of Trio's fair limits (the rules are in lib/limits/).
import type { Socket } from "socket.io";
import type { Actor } from "@/lib/auth/actor.ts";
import { toErrorBody } from "@/lib/errors.ts";
import { admitSessionSocket, checkSocketEvent } from "@/lib/limits/socket-limits.ts";

type AnySocket = Socket & { data: { actor?: Actor } };

/** Shown as the `connect_error` message; `data.code` lets a client tell it apart. */
export const TOO_MANY_SOCKETS = "Too many open connections for this sign-in. Close some tabs or windows and try again.";

/**
 * Socket.IO lets a client try a refused handshake again on the same
 * connection, and every try looks its cookie up in the database: past a few
 * tries the connection is closed. (A browser makes one per connection.)
 */
const HANDSHAKES_PER_CONNECTION = 5;
const handshakes = new WeakMap<object, number>();

export const TOO_MANY_HANDSHAKES = "Too many attempts to connect. Reload the page to try again.";

/** Handshake middleware, first of all. */
export function limitHandshakes(socket: Socket, next: (error?: Error) => void) {
  const tries = (handshakes.get(socket.conn) ?? 0) + 1;
  handshakes.set(socket.conn, tries);
  if (tries <= HANDSHAKES_PER_CONNECTION) return next();
  next(Object.assign(new Error(TOO_MANY_HANDSHAKES), { data: { code: "rate_limited" } }));
  // After the refusal is queued (Socket.IO sends it on the next tick); close waits for it to drain.
  setImmediate(() => socket.conn.close());
}

/**
 * Handshake middleware, after the actor is resolved: a session holds at most
 * LIMIT_SOCKETS_PER_SESSION sockets on this node. The count goes down when the
 * socket goes, or its connection closes before it was ever connected.
 */
export function limitSocketsPerSession(socket: AnySocket, next: (error?: Error) => void) {
  const { actor } = socket.data;
  if (!actor || socket.conn.readyState !== "open") return next();
  const release = admitSessionSocket(`${actor.kind}:${actor.sessionId}`);
  if (!release) {
    const refused = Object.assign(new Error(TOO_MANY_SOCKETS), { data: { code: "rate_limited" } });
    return next(refused);
  }
  socket.once("disconnect", release);
  socket.conn.once("close", release);
  next();
}

/**
 * Every client event counts against the socket (and `thread:join` against its
 * joins too). A refused event never reaches its handler: an event with an
 * acknowledgement is answered `rate_limited` with the seconds to wait, one
 * without (typing) is dropped.
 */
export function limitEvents(socket: Socket) {
  socket.use(([event, ...args], next) => {
    void checkSocketEvent(socket.id, event).then((refusal) => {
      if (!refusal) return next();
      const ack = args.at(-1);
      if (typeof ack === "function") ack(toErrorBody(refusal));
    });
  });
}
