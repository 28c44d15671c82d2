// A homeowner's text to Trio's number: a carrier keyword, or a reply posted in
// their job's thread as if written on their page.
import type { Db } from "../../db.ts";
import type { JobRow } from "../../jobs/job-view.ts";
import { cleanMessageText, fitMessageLength } from "../../messages/message-text.ts";
import type { MessageView } from "../../messages/message-view.ts";
import { messageBodySchema } from "../../messages/schemas.ts";
import { postChannelReply } from "../post-channel-reply.ts";
import { findReplyJob, jobsTextedTo, type ReplyTarget, wasTexted } from "./find-reply-job.ts";
import { keywordOf } from "./keywords.ts";
import { recordOptOut, removeOptOut } from "./opt-outs.ts";
import { E164 } from "./schemas.ts";

export type ReceiveTextInput = {
  /** The sender, E.164 (+15550102233). */
  from: string;
  body: string;
  /** The provider's id for the text: a retry of the same text carries the same one. */
  messageSid: string;
  /** Pictures attached (MMS). */
  numMedia?: number;
  /** What Twilio's Advanced Opt-Out matched (STOP, START, HELP), if it is on. */
  optOutType?: string;
};

/** What became of a text; only `help` and a picture-only `empty` answer the sender. */
export type ReceiveTextResult =
  | { outcome: "posted"; message: MessageView; job: JobRow }
  | { outcome: "duplicate" }
  /** `jobId`: the job a reply would reach, whose staff see the number's opt-out. */
  | { outcome: "opted_out" | "opted_in"; jobId: string | null }
  | { outcome: "help"; reply: string }
  | { outcome: "empty"; reply: string | null }
  /** `reply`: for a number we have texted, how to reach us instead (null: a stranger, left unanswered). */
  | { outcome: "unknown_sender" | "no_recent_job"; reply: string | null }
  | { outcome: "rate_limited"; retryAfter: number };

/** The answer to a text Trio can't place in a job, to a number it has texted. */
export const NOT_MATCHED_REPLY =
  "Sorry, we can't match this text to an open job. Please write on your job's page, using the link we sent you, or call us.";

/** The answer to a picture-only text: pictures by text are not stored (yet). */
export const PICTURES_REPLY =
  "Sorry, pictures sent by text don't reach us. Please add them on your job's page, using the link we sent you.";

/**
 * Keywords first, whoever sends them (STOP, START, HELP and their synonyms:
 * never posted). Anything else is posted in the sender's job's thread
 * (find-reply-job.ts) with the clientId `sms:<MessageSid>`, so a provider's
 * retry stores it once, within the same per-person budget as their page's
 * sends. Text longer than a message may be is cut (SMS itself stops at 1,600
 * characters, so only another provider could send more) rather than lost.
 */
export async function receiveText(db: Db, input: ReceiveTextInput): Promise<ReceiveTextResult> {
  const { from, messageSid } = input;
  const log = (why: string) => console.warn(`[trio] text ${messageSid} from ${masked(from)} not posted: ${why}`);
  if (!E164.test(from)) {
    log("the sender is not a phone number");
    return { outcome: "unknown_sender", reply: null };
  }

  const keyword = keywordOf(input.body, input.optOutType);
  if (keyword === "stop" || keyword === "start") {
    if (keyword === "stop") await recordOptOut(db, from);
    else await removeOptOut(db, from);
    console.info(`[trio] ${masked(from)} ${keyword === "stop" ? "opted out of" : "opted back in to"} texts`);
    const target = await findReplyJob(db, from);
    const jobId = "found" in target ? target.found.homeowner.jobId : null;
    return { outcome: keyword === "stop" ? "opted_out" : "opted_in", jobId };
  }
  if (keyword === "help") {
    const target = await findReplyJob(db, from);
    return { outcome: "help", reply: helpText("found" in target ? target.found : null) };
  }

  const body = bodyOf(input.body);
  if (body === null) {
    const pictures = (input.numMedia ?? 0) > 0;
    log(pictures ? "pictures only (not stored by text)" : "no text");
    return { outcome: "empty", reply: pictures ? PICTURES_REPLY : null };
  }

  const clientId = `sms:${messageSid}`;
  // A provider's retry is stored once, even if the job it would reach changed meanwhile.
  const stored = await db.message.findFirst({
    where: { clientId, jobId: { in: await jobsTextedTo(db, from) } },
    select: { id: true },
  });
  if (stored) return { outcome: "duplicate" };
  const target = await findReplyJob(db, from);
  if ("missing" in target) {
    log(target.missing === "unknown_sender" ? "no job we texted this number about" : "no open or recently closed job");
    // Someone we texted is told where to write instead; a stranger's text costs us no answer.
    return { outcome: target.missing, reply: (await wasTexted(db, from)) ? NOT_MATCHED_REPLY : null };
  }
  return postReply(db, target.found, { clientId, body }, log);
}

async function postReply(
  db: Db,
  { homeowner }: ReplyTarget,
  entry: { clientId: string; body: string },
  log: (why: string) => void,
): Promise<ReceiveTextResult> {
  const result = await postChannelReply(db, homeowner, entry);
  if (result.outcome === "created") return { outcome: "posted", message: result.message, job: result.job };
  if (result.outcome === "rate_limited") {
    log(`over the sending limit (next in ${result.retryAfter} s)`);
    return { outcome: "rate_limited", retryAfter: result.retryAfter };
  }
  if (result.outcome === "gone") {
    log("the job went meanwhile");
    return { outcome: "no_recent_job", reply: null };
  }
  return { outcome: "duplicate" };
}

/**
 * The text as a message is stored (message-text.ts's rules, cut to fit), or
 * null when nothing is left to show (a picture-only text, blank characters).
 */
function bodyOf(raw: string): string | null {
  const parsed = messageBodySchema.safeParse(fitMessageLength(cleanMessageText(raw)));
  return parsed.success ? parsed.data : null;
}

/** Short enough for one text where the company's name allows. */
export function helpText(target: ReplyTarget | null): string {
  const name = target?.company.name ?? "Trio";
  const call = target?.company.phone ? ` Call ${target.company.phone} to talk to us.` : "";
  return `${name}: replies to this number go to your job's conversation with us.${call} Reply STOP to opt out.`;
}

/** Logs name a number by its last digits only. */
const masked = (phone: string) => `…${phone.slice(-4)}`;
