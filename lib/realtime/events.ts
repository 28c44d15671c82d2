// The realtime protocol, typed once (design.md lists the same table).
import type { Server } from "socket.io";
import type { ErrorBody } from "../errors.ts";
import type { JobSummary } from "../jobs/job-view.ts";
import type { JobStatusName } from "../jobs/schemas.ts";
import type { ThreadPage } from "../messages/list-messages.ts";
import type { ReadReceipt } from "../messages/mark-read.ts";
import type { MessageView } from "../messages/message-view.ts";
import type { VisibilityName } from "../messages/schemas.ts";

export type Ack<T> = (response: { data: T } | ErrorBody) => void;

export type ClientToServerEvents = {
  "thread:join": (input: { jobId: string; afterSeq: number }, ack: Ack<ThreadPage>) => void;
  "thread:leave": (input: { jobId: string }, ack: Ack<Record<string, never>>) => void;
  "message:send": (
    input: { jobId: string; clientId: string; body: string; visibility?: VisibilityName },
    ack: Ack<MessageView>,
  ) => void;
  "thread:read": (input: { jobId: string; seq: number }, ack: Ack<Record<string, never>>) => void;
  "job:transition": (
    input: { jobId: string; to: JobStatusName; eta?: string; summary?: string; reason?: string; clientId?: string },
    ack: Ack<JobSummary>,
  ) => void;
  "job:eta": (input: { jobId: string; eta: string }, ack: Ack<JobSummary>) => void;
  "job:schedule": (input: { jobId: string; windowStart: string; windowEnd: string }, ack: Ack<JobSummary>) => void;
  typing: (input: { jobId: string; visibility?: VisibilityName }) => void;
};

export type TypingNotice = { jobId: string; role: string; name: string };

export type ServerToClientEvents = {
  "message:created": (message: MessageView) => void;
  "job:updated": (job: JobSummary) => void;
  "thread:read": (receipt: ReadReceipt) => void;
  typing: (notice: TypingNotice) => void;
  /** Staff only: a text or email about this job went out, failed, or the homeowner changed channel. */
  "delivery:updated": (notice: { jobId: string }) => void;
};

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

export const CLIENT_EVENTS = [
  "thread:join",
  "thread:leave",
  "message:send",
  "thread:read",
  "job:transition",
  "job:eta",
  "job:schedule",
  "typing",
] as const satisfies readonly (keyof ClientToServerEvents)[];

export const rooms = {
  job: (jobId: string) => `job:${jobId}`,
  /** Staff sockets in a thread also sit here: internal notes go only to it. */
  jobStaff: (jobId: string) => `job:${jobId}:staff`,
  company: (companyId: string) => `company:${companyId}`,
  user: (userId: string) => `user:${userId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  link: (linkId: string) => `link:${linkId}`,
};
