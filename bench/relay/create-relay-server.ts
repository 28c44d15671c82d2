// A bare Socket.IO relay speaking Trio's protocol (docs/protocol.md) with no
// auth and no database: the floor Trio is measured against. Seqs, idempotency
// and board summaries live in memory; boards get each job's summary coalesced
// (at most one per job per interval, carrying the newest state), as
// design.md's hot path describes.
import { randomUUID } from "node:crypto";
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import { SENDER_ROLES } from "../world.ts";

const identitySchema = z.object({
  role: z.enum(SENDER_ROLES),
  name: z.string(),
  companyId: z.string(),
  jobId: z.string().nullable(),
});
const joinSchema = z.object({ jobId: z.string().min(1), afterSeq: z.number().int().min(0).default(0) });
const leaveSchema = z.object({ jobId: z.string().min(1) });
const sendSchema = z.object({
  jobId: z.string().min(1),
  clientId: z.string().min(8).max(64),
  body: z.string().trim().min(1).max(4000),
  visibility: z.enum(["EVERYONE", "STAFF"]).default("EVERYONE"),
});

type Identity = z.infer<typeof identitySchema>;
type Message = {
  id: string;
  jobId: string;
  seq: number;
  clientId: string;
  kind: "TEXT";
  visibility: "EVERYONE" | "STAFF";
  body: string;
  author: { role: Identity["role"]; name: string };
  createdAt: string;
};
type RelayJob = {
  id: string;
  companyId: string;
  lastSeq: number;
  updatedAt: string;
  lastMessage: Message | null;
  byClientId: Map<string, Message>;
  lastSummaryAt: number;
  summaryTimer: NodeJS.Timeout | null;
};
type Reply = (response: unknown) => void;

const summaryOf = (job: RelayJob) => ({
  id: job.id,
  number: 0,
  title: "",
  description: "",
  status: "SCHEDULED",
  customer: { name: "", address: null },
  technician: null,
  windowStart: null,
  windowEnd: null,
  eta: null,
  lastSeq: job.lastSeq,
  updatedAt: job.updatedAt,
  lastMessage: job.lastMessage,
});

const badRequest = (error: z.ZodError) => ({ error: { code: "bad_request", message: error.issues[0]?.message } });

export function createRelayServer(httpServer: HttpServer, { summaryIntervalMs = 1000 } = {}) {
  const io = new Server(httpServer, { maxHttpBufferSize: 64 * 1024, serveClient: false });
  const jobs = new Map<string, RelayJob>();
  let stored = 0;

  const jobFor = (id: string, companyId: string): RelayJob => {
    let job = jobs.get(id);
    if (!job) {
      job = {
        id,
        companyId,
        lastSeq: 0,
        updatedAt: new Date().toISOString(),
        lastMessage: null,
        byClientId: new Map(),
        lastSummaryAt: 0,
        summaryTimer: null,
      };
      jobs.set(id, job);
    }
    return job;
  };

  const emitSummary = (job: RelayJob) => {
    job.summaryTimer = null;
    job.lastSummaryAt = Date.now();
    io.to(`company:${job.companyId}`).emit("job:updated", summaryOf(job));
  };
  const publishSummary = (job: RelayJob) => {
    if (job.summaryTimer) return;
    const wait = job.lastSummaryAt + summaryIntervalMs - Date.now();
    if (wait <= 0) emitSummary(job);
    else job.summaryTimer = setTimeout(() => emitSummary(job), wait);
  };

  io.use((socket, next) => {
    const identity = identitySchema.safeParse(socket.handshake.auth);
    if (!identity.success) return next(new Error("unauthorized"));
    socket.data = identity.data;
    next();
  });

  io.on("connection", (socket: Socket) => {
    const identity = socket.data as Identity;
    if (identity.role === "DISPATCHER") void socket.join(`company:${identity.companyId}`);
    if (identity.jobId) void socket.join(`job:${identity.jobId}`);

    socket.on("thread:join", (raw: unknown, ack?: Reply) => {
      const input = joinSchema.safeParse(raw);
      if (!input.success) return ack?.(badRequest(input.error));
      const { jobId } = input.data;
      void socket.join(identity.role === "HOMEOWNER" ? [`job:${jobId}`] : [`job:${jobId}`, `job:${jobId}:staff`]);
      const job = jobFor(input.data.jobId, identity.companyId);
      ack?.({ data: { job: summaryOf(job), messages: [], readers: [], hasMore: false } });
    });

    socket.on("thread:leave", (raw: unknown, ack?: Reply) => {
      const input = leaveSchema.safeParse(raw);
      if (!input.success) return ack?.(badRequest(input.error));
      void socket.leave(`job:${input.data.jobId}`);
      void socket.leave(`job:${input.data.jobId}:staff`);
      ack?.({ data: {} });
    });

    socket.on("message:send", (raw: unknown, ack?: Reply) => {
      const input = sendSchema.safeParse(raw);
      if (!input.success) return ack?.(badRequest(input.error));
      const job = jobFor(input.data.jobId, identity.companyId);
      const repeated = job.byClientId.get(input.data.clientId);
      if (repeated) return ack?.({ data: repeated });
      const message: Message = {
        id: randomUUID(),
        jobId: job.id,
        seq: ++job.lastSeq,
        clientId: input.data.clientId,
        kind: "TEXT",
        visibility: input.data.visibility,
        body: input.data.body,
        author: { role: identity.role, name: identity.name },
        createdAt: new Date().toISOString(),
      };
      job.byClientId.set(message.clientId, message);
      job.lastMessage = message;
      job.updatedAt = message.createdAt;
      stored++;
      io.to(message.visibility === "STAFF" ? `job:${job.id}:staff` : `job:${job.id}`).emit("message:created", message);
      ack?.({ data: message });
      publishSummary(job);
    });
  });

  const close = () =>
    new Promise<void>((resolve) => {
      for (const job of jobs.values()) if (job.summaryTimer) clearTimeout(job.summaryTimer);
      io.close(() => resolve());
    });
  return { io, stored: () => stored, close };
}
