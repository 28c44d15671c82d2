import { type Actor, participantRoleOf } from "../auth/actor.ts";
import { jobScope } from "../auth/policy.ts";
import type { Db } from "../db.ts";
import { jobNotFound } from "../errors.ts";
import { runStatement } from "../sql.ts";

export type ReadReceipt = { jobId: string; role: string; name: string; seq: number };
/**
 * `receipt` is for staff. Homeowners get `publicReceipt`: the same mark moved
 * back to the newest message they can see, and only when that moved, so
 * reading an internal note tells them nothing. Null when there is no news.
 */
export type MarkReadResult = { receipt: ReadReceipt; publicReceipt: ReadReceipt | null; changed: boolean };

const MARK_READ = `SELECT * FROM trio_mark_read(
  $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::"ParticipantRole", $7, $8::integer)`;

type Row = {
  visible: boolean;
  r_role: string;
  r_name: string;
  before_seq: number;
  after_seq: number;
  public_seq: number;
};

/**
 * Moves the actor's read mark forward (never back, never past the thread's
 * end) in one round trip: the database function trio_mark_read checks access
 * with the same scope as appendEntry and makes the participant on first use.
 */
export async function markRead(db: Db, actor: Actor, jobId: string, seq: number): Promise<MarkReadResult> {
  const scope = jobScope(actor, jobId);
  if (!scope) throw jobNotFound();
  const user = actor.kind === "staff" ? actor.userId : null;
  const customer = actor.kind === "homeowner" ? actor.customerId : null;
  const [row] = await runStatement<Row>(db, "trio_mark_read", MARK_READ, [
    jobId,
    scope.companyId,
    scope.technicianId,
    user,
    customer,
    participantRoleOf(actor),
    actor.name,
    seq,
  ]);
  if (!row?.visible) throw jobNotFound();
  const receipt = { jobId, role: row.r_role, name: row.r_name, seq: row.after_seq };
  const changed = row.after_seq > row.before_seq;
  // News for homeowners only if the mark passed a message they can see.
  const publicReceipt = changed && row.public_seq > 0 ? { ...receipt, seq: row.public_seq } : null;
  return { receipt, publicReceipt, changed };
}
