import { type Actor, participantRoleOf } from "../auth/actor.ts";
import { jobScope } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { AppError, jobNotFound } from "../errors.ts";
import type { JobStatus, MessageKind, ParticipantRole, Visibility } from "../generated/prisma/enums.ts";
import { type JobColumns, toJobRow } from "../jobs/job-columns.ts";
import type { JobRow } from "../jobs/job-view.ts";
import { type AttachmentParams, type EntryParams, submitEntry } from "./entry-batcher.ts";
import type { MessageView } from "./message-view.ts";

/** What a job must still look like for the entry to go in (else the caller re-reads it). */
export type JobExpectation = {
  status?: JobStatus;
  technicianId?: string | null;
  eta?: Date | null;
  windowEnd?: Date | null;
  /** Whether Trio has said the visit runs late (runningLateSince is set). */
  runningLate?: boolean;
};
/**
 * What changes on the job in the same statement as the entry. A change of
 * status, ETA or window also ends "running late" (unless runningLate is given).
 */
export type JobChange = {
  status?: JobStatus;
  eta?: Date | null;
  technicianId?: string | null;
  windowStart?: Date | null;
  windowEnd?: Date | null;
  runningLate?: boolean;
  /** The homeowner has now been told who the technician is (lib/jobs/announce-technicians.ts). */
  announceTechnician?: true;
  /**
   * Staff owe an answer from now (true, if they didn't already: a low
   * rating), or no longer for that reason (false: the rating was raised),
   * unless the homeowner's own message is the newest (lib/feedback/attention.ts).
   */
  awaitReply?: boolean;
};

export type Entry = {
  kind: MessageKind;
  visibility: Visibility;
  body: string;
  /**
   * Made by the client for TEXT. Entries the server writes get `server:<kind>:<seq>`:
   * the colon is outside what clients may send, so no client can take one first.
   */
  clientId?: string;
  expect?: JobExpectation;
  change?: JobChange;
  /**
   * A step the homeowner hears of in the channel they chose (text, email): its
   * notification is queued in the same statement as the entry (lib/notifications/).
   */
  notify?: true;
  /** A PHOTO entry's picture (already stored): its Attachment row is written with the entry. */
  attachment?: AttachmentParams;
};

export type AppendResult =
  | { outcome: "created" | "existing"; message: MessageView; job: JobRow }
  | { outcome: "stale"; message?: undefined; job?: undefined };

type Row = JobColumns & {
  outcome: "created" | "existing" | "not_found" | "conflict" | "stale";
  m_id: string;
  m_seq: number;
  m_client_id: string;
  m_kind: MessageKind;
  m_visibility: Visibility;
  m_body: string;
  m_created_at: Date;
  m_author_role: ParticipantRole | null;
  m_author_name: string | null;
};

/**
 * The one way a thread grows: in one statement to PostgreSQL (the database
 * function trio_append_entry, prisma/migrations/…_thread_functions, through
 * pg and batched with others under load: see entry-batcher.ts), check access,
 * take the job's next seq, insert the entry, apply any job change, and move
 * the author's read mark. Prisma's interactive transactions would hold a
 * pooled connection and the job's row lock across a dozen round trips; this
 * holds the lock only inside one statement, so sends to a busy job queue in
 * PostgreSQL and never wait on Node.
 *
 * A repeated clientId returns the stored entry as `existing` (the caller
 * broadcasts nothing); someone else's clientId is a conflict; `stale` means
 * `expect` no longer held and nothing was written.
 */
export async function appendEntry(db: Db, actor: Actor, jobId: string, entry: Entry): Promise<AppendResult> {
  const scope = jobScope(actor, jobId);
  if (!scope) throw jobNotFound();
  return submit(db, {
    jobId,
    companyId: scope.companyId,
    technicianId: scope.technicianId,
    userId: actor.kind === "staff" ? actor.userId : null,
    customerId: actor.kind === "homeowner" ? actor.customerId : null,
    role: participantRoleOf(actor),
    name: actor.name,
    ...entryParams(entry),
  });
}

/**
 * An entry Trio writes itself (a running-late notice): no author, no read
 * mark moved. Its `expect` is what keeps two nodes from writing it twice.
 */
export async function appendTrioEntry(
  db: Db,
  job: { id: string; companyId: string },
  entry: Entry,
): Promise<AppendResult> {
  return submit(db, trioEntryParams(job, entry));
}

/**
 * The same, inside a transaction the caller holds, for the rare write that
 * must commit with rows of its own (a rating): the job's row lock is then
 * held until that transaction ends.
 */
export async function appendTrioEntryWithin(
  tx: Pick<Db, "$queryRawUnsafe">,
  job: { id: string; companyId: string },
  entry: Entry,
): Promise<AppendResult> {
  const [row] = await tx.$queryRawUnsafe<Row[]>(
    "SELECT * FROM trio_append_entries($1::jsonb)",
    JSON.stringify([trioEntryParams(job, entry)]),
  );
  return toResult(row);
}

/** The homeowner of a job as a text or an email reaches them (no page, no session). */
export type ChannelHomeowner = { jobId: string; companyId: string; customerId: string; name: string };

/**
 * A homeowner's reply by text or email, posted as if written on their page.
 * `clientId` is the provider's own id for it ("sms:<MessageSid>"), so a
 * provider's retry of the same message stores it once (`existing`).
 */
export async function appendChannelReply(
  db: Db,
  homeowner: ChannelHomeowner,
  entry: { clientId: string; body: string },
): Promise<AppendResult> {
  return submit(db, {
    jobId: homeowner.jobId,
    companyId: homeowner.companyId,
    technicianId: null,
    userId: null,
    customerId: homeowner.customerId,
    role: "HOMEOWNER",
    name: homeowner.name,
    ...entryParams({ kind: "TEXT", visibility: "EVERYONE", body: entry.body, clientId: entry.clientId }),
  });
}

const trioEntryParams = (job: { id: string; companyId: string }, entry: Entry): EntryParams => ({
  jobId: job.id,
  companyId: job.companyId,
  technicianId: null,
  userId: null,
  customerId: null,
  role: "DISPATCHER",
  name: "Trio",
  ...entryParams(entry),
});

// Dates in expect and change travel as ISO strings (JSON), as the function reads them.
const entryParams = (entry: Entry) => ({
  kind: entry.kind,
  visibility: entry.visibility,
  body: entry.body,
  clientId: entry.clientId ?? null,
  expect: entry.expect ?? {},
  change: entry.change ?? {},
  ...(entry.notify ? { notify: true as const } : {}),
  ...(entry.attachment ? { attachment: entry.attachment } : {}),
});

async function submit(db: Db, params: EntryParams): Promise<AppendResult> {
  return toResult(await submitEntry<Row>(db, params));
}

function toResult(row: Row | undefined): AppendResult {
  if (!row || row.outcome === "not_found") throw jobNotFound();
  if (row.outcome === "conflict") throw new AppError("conflict", "That message id is already taken. Send again.");
  if (row.outcome === "stale") return { outcome: "stale" };
  return { outcome: row.outcome, message: toMessage(row), job: toJobRow(row) };
}

function toMessage(row: Row): MessageView {
  return {
    id: row.m_id,
    jobId: row.j_id,
    seq: row.m_seq,
    clientId: row.m_client_id,
    kind: row.m_kind,
    visibility: row.m_visibility,
    body: row.m_body,
    author: row.m_author_role && row.m_author_name ? { role: row.m_author_role, name: row.m_author_name } : null,
    createdAt: row.m_created_at.toISOString(),
  };
}
