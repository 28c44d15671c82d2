// The Socket.IO door. Each handler is thin: parse with the shared schema, call
// one lib/ function with the actor resolved at the handshake, publish after
// commit, answer `{ data } | { error }`.
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import type { z } from "zod";
import { type Actor, participantRoleOf } from "@/lib/auth/actor.ts";
import { parseCookieHeader } from "@/lib/auth/cookies.ts";
import { isManager } from "@/lib/auth/policy.ts";
import { resolveActor } from "@/lib/auth/resolve-actor.ts";
import { AppError, toErrorBody } from "@/lib/errors.ts";
import type { PrismaClient } from "@/lib/generated/prisma/client.ts";
import { assertVisibleJob } from "@/lib/jobs/get-visible-job.ts";
import { jobSummaryFor } from "@/lib/jobs/job-view.ts";
import { transitionInputSchema, updateEtaInputSchema } from "@/lib/jobs/schemas.ts";
import { transitionJob } from "@/lib/jobs/transition-job.ts";
import { withinSendLimit } from "@/lib/limits/send-limit.ts";
import { listMessages } from "@/lib/messages/list-messages.ts";
import { markRead } from "@/lib/messages/mark-read.ts";
import {
  joinThreadInputSchema,
  leaveThreadInputSchema,
  readThreadInputSchema,
  sendMessageInputSchema,
  typingInputSchema,
} from "@/lib/messages/schemas.ts";
import { sendMessage } from "@/lib/messages/send-message.ts";
import { publishJob, publishMessage, publishRead } from "@/lib/realtime/broadcast.ts";
import {
  CLIENT_EVENTS,
  type ClientToServerEvents,
  type RealtimeServer,
  rooms,
  type ServerToClientEvents,
} from "@/lib/realtime/events.ts";
import { scheduleVisit } from "@/lib/scheduling/schedule-visit.ts";
import { scheduleInputSchema } from "@/lib/scheduling/schemas.ts";
import { updateEta } from "@/lib/scheduling/update-eta.ts";
import { limitEvents, limitHandshakes, limitSocketsPerSession } from "./limit-sockets.ts";
import { isAllowedOrigin } from "./origin.ts";

/** Socket.IO refuses larger frames outright (and closes the socket). */
export const MAX_SOCKET_PAYLOAD_BYTES = 64 * 1024;
/** setTimeout's longest wait (about 24.8 days); longer ones are waited out in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type SocketData = { actor: Actor };
type TrioSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
/** `appUrl`: the public address whose pages may connect; `dev`: the page's own host may too. */
type Options = { db: () => PrismaClient; appUrl?: string; dev?: boolean };

export function createRealtimeServer(httpServer: HttpServer, { db, appUrl, dev }: Options): RealtimeServer {
  const io: RealtimeServer = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(
    httpServer,
    // No per-message deflate: a zlib context per socket costs ~300 KB for a few bytes saved per message.
    { maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES, serveClient: false, perMessageDeflate: false },
  );

  io.use(limitHandshakes);
  io.use(async (socket, next) => {
    const { origin, host, cookie } = socket.handshake.headers;
    if (!isAllowedOrigin(origin, { appUrl, host, dev })) return next(new Error("This page's origin may not connect."));
    try {
      const actor = await resolveActor(db(), parseCookieHeader(cookie));
      if (!actor) return next(new Error("unauthorized"));
      socket.data.actor = actor;
      next();
    } catch (error) {
      console.error("[trio] socket handshake failed:", error);
      next(new Error("unavailable"));
    }
  });
  io.use(limitSocketsPerSession);

  io.on("connection", (socket: TrioSocket) => {
    const { actor } = socket.data;
    // The actor is all a socket needs from its handshake: let the first HTTP
    // request and its headers go (Socket.IO's memory advice).
    (socket.conn as { request: unknown }).request = null;
    (socket.handshake as { headers: unknown }).headers = {};
    void socket.join(rooms.session(actor.sessionId));
    // A homeowner's whole "list" is their one job: they hear its public updates from the start.
    if (actor.kind === "homeowner") void socket.join([rooms.link(actor.accessLinkId), rooms.job(actor.jobId)]);
    else {
      void socket.join(rooms.user(actor.userId));
      if (isManager(actor)) void socket.join(rooms.company(actor.companyId));
    }
    closeAtExpiry(socket, actor.expiresAt);
    limitEvents(socket as unknown as Socket);
    registerHandlers(io, socket, db);
  });

  return io;
}

/**
 * The actor is resolved once, at the handshake. Revoking (sign-out, a link
 * turned off) closes sockets through their rooms; expiry closes them here, at
 * the moment every other door starts refusing the same cookie.
 */
function closeAtExpiry(socket: TrioSocket, expiresAt: Date) {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const wait = expiresAt.getTime() - Date.now();
    if (wait <= 0) {
      socket.disconnect(true);
      return;
    }
    timer = setTimeout(arm, Math.min(wait, MAX_TIMER_MS));
    timer.unref();
  };
  socket.once("disconnect", () => clearTimeout(timer));
  arm();
}

function registerHandlers(io: RealtimeServer, socket: TrioSocket, db: () => PrismaClient) {
  const { actor } = socket.data;

  // Every event answers through its acknowledgement, in the one error shape.
  const handle = <S extends z.ZodType, R>(event: string, schema: S, run: (input: z.output<S>) => Promise<R>) => {
    (socket as unknown as Socket).on(event, async (raw: unknown, ack?: unknown) => {
      const reply = typeof ack === "function" ? (ack as (response: unknown) => void) : () => {};
      try {
        reply({ data: await run(schema.parse(raw)) });
      } catch (error) {
        reply(toErrorBody(error, `socket ${event}`));
      }
    });
  };

  // Check, join, then read: a message committed while joining is then in the
  // page or in the room's broadcast (the client merges by seq), never in neither.
  // The read checks access again, so an assignment lost in between leaves the rooms.
  handle("thread:join", joinThreadInputSchema, async ({ jobId, afterSeq }) => {
    await assertVisibleJob(db(), actor, jobId);
    const wanted = actor.kind === "staff" ? [rooms.job(jobId), rooms.jobStaff(jobId)] : [rooms.job(jobId)];
    const fresh = wanted.filter((room) => !socket.rooms.has(room));
    await socket.join(fresh);
    try {
      return await listMessages(db(), actor, jobId, afterSeq);
    } catch (error) {
      for (const room of fresh) await socket.leave(room);
      throw error;
    }
  });

  handle("thread:leave", leaveThreadInputSchema, async ({ jobId }) => {
    await socket.leave(rooms.job(jobId));
    await socket.leave(rooms.jobStaff(jobId));
    return {};
  });

  handle("message:send", sendMessageInputSchema, async (input) => {
    const result = await withinSendLimit(db(), actor, input, () => sendMessage(db(), actor, input));
    if (result.created) publishMessage(result.message, result.job, io);
    return result.message;
  });

  handle("thread:read", readThreadInputSchema, async ({ jobId, seq }) => {
    publishRead(await markRead(db(), actor, jobId, seq), io);
    return {};
  });

  handle("job:transition", transitionInputSchema, async (input) => {
    const { job, message } = await transitionJob(db(), actor, input);
    publishMessage(message, job, io);
    publishJob(job, io);
    return jobSummaryFor(actor, job);
  });

  handle("job:eta", updateEtaInputSchema, async (input) => {
    const { job, message } = await updateEta(db(), actor, input);
    publishMessage(message, job, io);
    publishJob(job, io);
    return jobSummaryFor(actor, job);
  });

  handle("job:schedule", scheduleInputSchema, async (input) => {
    const { job, message } = await scheduleVisit(db(), actor, input);
    publishMessage(message, job, io);
    publishJob(job, io);
    return jobSummaryFor(actor, job);
  });

  (socket as unknown as Socket).on("typing", (raw: unknown) => {
    const parsed = typingInputSchema.safeParse(raw);
    // Only someone already let into the thread (thread:join) may say they are typing.
    if (!parsed.success || !socket.rooms.has(rooms.job(parsed.data.jobId))) return;
    const { jobId, visibility } = parsed.data;
    const room = visibility === "STAFF" ? rooms.jobStaff(jobId) : rooms.job(jobId);
    socket.to(room).volatile.emit("typing", { jobId, role: participantRoleOf(actor), name: actor.name });
  });

  const known = new Set<string>(CLIENT_EVENTS);
  socket.onAny((event: string, ...args: unknown[]) => {
    if (known.has(event)) return;
    const ack = args.at(-1);
    if (typeof ack === "function") {
      const error = new AppError("bad_request", `Unknown event "${event.slice(0, 50)}".`);
      ack(toErrorBody(error));
    }
  });
}
