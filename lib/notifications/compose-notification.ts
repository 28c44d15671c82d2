// What a notification says, decided when it goes out (not when it was
// queued): the words of the thread entry it tells of, the newest unread
// messages, and a fresh link to the job. A link is minted per notification
// because only a token's hash is stored: the raw one exists only in the text
// or email that carries it.
import { createAccessLink } from "../auth/access-links.ts";
import { renderNotificationEmail } from "../channels/email/templates/notification-email.tsx";
import type { Db } from "../db.ts";
import { zonedToday } from "../format/zoned-time.ts";
import type { ClaimedNotification } from "./claim-due.ts";
import { composeStaffAlert } from "./compose-staff-alert.ts";
import { type QuietHours, quietUntil } from "./quiet-hours.ts";

export type ComposeOptions = {
  publicUrl: string;
  linkTtlDays: number;
  now: Date;
  /** A homeowner's signed reply-to address, when answered emails come back into threads. */
  replyAddress?: (participantId: string) => string;
};

export type Draft = {
  subject?: string;
  text: string;
  html?: string;
  replyTo?: string;
  /** The link minted for it: turned off again if the send fails for good. */
  linkId: string | null;
};

export type Composed =
  | { outcome: "send"; draft: Draft }
  | { outcome: "skip"; reason: string }
  | { outcome: "defer"; until: Date };

/** The newest unread messages a batch quotes; the rest are counted. */
const MAX_QUOTES = 3;
/** A quoted message in a text is cut here (a text of more than ~3 segments costs more and reads worse). */
const MAX_QUOTE_CHARS = 240;

export async function composeNotification(
  db: Db,
  claimed: ClaimedNotification,
  options: ComposeOptions,
): Promise<Composed> {
  if (claimed.kind === "WAITING") return composeStaffAlert(db, claimed, options);
  const job = await db.job.findUnique({
    where: { id: claimed.jobId },
    select: {
      number: true,
      title: true,
      status: true,
      createdAt: true,
      lastPublicSeq: true,
      windowStart: true,
      company: {
        select: { name: true, phone: true, email: true, timeZone: true, quietHoursStart: true, quietHoursEnd: true },
      },
    },
  });
  const person = claimed.participantId
    ? await db.participant.findUnique({
        where: { id: claimed.participantId },
        select: { name: true, lastReadSeq: true, channel: true },
      })
    : null;
  if (!job || !person) return { outcome: "skip", reason: "the job or the person is gone" };
  const company = job.company;
  const quiet: QuietHours = {
    timeZone: company.timeZone,
    startHour: company.quietHoursStart,
    endHour: company.quietHoursEnd,
  };

  let lines: string[];
  let quotes: { name: string; text: string }[] = [];
  let subject: string;
  let actionLabel = "Open your job";
  if (claimed.kind === "JOB_LINK") {
    subject = `Your request with ${company.name} (job #${job.number})`;
    lines = [`We have your request: “${job.title}”. Follow it and write to us on your job's page.`];
  } else if (claimed.kind === "NEW_LINK") {
    subject = `Your new link to job #${job.number}`;
    lines = ["Here is a new link to your job, as you asked. Links sent before still work until they expire."];
  } else if ((claimed.kind === "STEP" || claimed.kind === "MESSAGES") && person.channel !== claimed.channel) {
    // They chose another way (or the page only) since this was queued: what comes next follows the new choice.
    return { outcome: "skip", reason: `they now follow ${person.channel === "WEB" ? "on the page" : "another way"}` };
  } else if (claimed.kind === "STEP") {
    const until = quietUntil(quiet, options.now);
    if (
      until &&
      !dayOf(job, company.timeZone, options.now) &&
      !(await talkingNow(db, claimed.jobId, job.createdAt, options.now))
    ) {
      return { outcome: "defer", until };
    }
    const entry = await db.message.findUnique({
      where: { jobId_seq: { jobId: claimed.jobId, seq: claimed.seq ?? 0 } },
      select: { body: true, visibility: true },
    });
    if (entry?.visibility !== "EVERYONE") return { outcome: "skip", reason: "the update is gone" };
    subject = `Job #${job.number}: ${firstSentence(entry.body)}`;
    lines = [entry.body];
    if (job.status === "COMPLETED") {
      lines.push("How did we do? It takes a few seconds to rate the visit.");
      actionLabel = "Rate the visit";
    }
  } else if (claimed.kind === "MESSAGES") {
    const until = quietUntil(quiet, options.now);
    if (until && !(await talkingNow(db, claimed.jobId, job.createdAt, options.now))) return { outcome: "defer", until };
    // Up to the thread's newest entry, not only to when it was queued: a batch
    // held through the night carries the messages written meanwhile.
    const upTo = Math.max(job.lastPublicSeq, claimed.seq ?? 0);
    const unread = await db.message.findMany({
      where: {
        jobId: claimed.jobId,
        seq: { gt: person.lastReadSeq, lte: upTo },
        visibility: "EVERYONE",
        kind: { in: ["TEXT", "PHOTO"] },
        author: { role: { not: "HOMEOWNER" } },
      },
      orderBy: { seq: "desc" },
      select: { body: true, kind: true, author: { select: { name: true } } },
    });
    if (unread.length === 0) return { outcome: "skip", reason: "read on the page meanwhile" };
    await db.participant.updateMany({
      where: { id: claimed.participantId ?? "", notifiedSeq: { lt: upTo } },
      data: { notifiedSeq: upTo },
    });
    quotes = unread
      .slice(0, MAX_QUOTES)
      .reverse()
      .map((message) => ({ name: message.author?.name ?? company.name, text: cut(quoted(message), MAX_QUOTE_CHARS) }));
    const more = unread.length - quotes.length;
    subject = `New message from ${company.name} about job #${job.number}`;
    lines = [
      unread.length === 1
        ? `You have a new message about “${job.title}”.`
        : `You have ${unread.length} new messages about “${job.title}”${more > 0 ? ` (the newest ${quotes.length} below)` : ""}.`,
    ];
  } else {
    return { outcome: "skip", reason: `not a homeowner notification (${claimed.kind})` };
  }

  const link = await createAccessLink(db, claimed.jobId, options.linkTtlDays);
  const url = new URL(link.path, options.publicUrl).href;
  if (claimed.channel === "SMS") {
    return {
      outcome: "send",
      draft: { text: smsText(company.name, lines, quotes, actionLabel, url), linkId: link.id },
    };
  }
  const replyTo = claimed.participantId ? options.replyAddress?.(claimed.participantId) : undefined;
  const { html, text } = await renderNotificationEmail({
    companyName: company.name,
    companyContact: [company.phone && `Call ${company.phone}`, company.email].filter(Boolean).join(" · ") || null,
    greeting: `Hi ${firstName(person.name)},`,
    lines,
    quotes,
    action: { label: actionLabel, url },
    replyHint: replyTo ? "You can answer this email: your reply goes to your job's conversation." : null,
  });
  return { outcome: "send", draft: { subject, text, html, replyTo, linkId: link.id } };
}

/**
 * News of today's visit goes out even in quiet hours (on the way, arrived,
 * done, running late, a window today); a visit scheduled (or canceled) for
 * another day waits.
 */
function dayOf(job: { status: string; windowStart: Date | null }, timeZone: string, now: Date): boolean {
  if (job.status === "EN_ROUTE" || job.status === "ON_SITE" || job.status === "COMPLETED") return true;
  return (
    job.windowStart !== null && zonedToday(timeZone, job.windowStart.getTime()) === zonedToday(timeZone, now.getTime())
  );
}

/** A homeowner who wrote (or asked for the visit) this recently is awake: answers reach them even in quiet hours. */
const AWAKE_MS = 60 * 60_000;

async function talkingNow(db: Db, jobId: string, jobCreatedAt: Date, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - AWAKE_MS);
  if (jobCreatedAt >= since) return true;
  const spoke = await db.message.findFirst({
    where: { jobId, createdAt: { gte: since }, author: { role: "HOMEOWNER" } },
    select: { id: true },
  });
  return spoke !== null;
}

function smsText(
  company: string,
  lines: string[],
  quotes: { name: string; text: string }[],
  action: string,
  url: string,
) {
  const said = quotes.map((quote) => `${quote.name}: “${quote.text}”`);
  return [`${company}: ${lines.join(" ")}`, ...said, `${action}: ${url}`].join("\n");
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;

function firstSentence(body: string): string {
  const sentence = body.split(/(?<=[.!?])\s/)[0] ?? body;
  return cut(sentence.replace(/[.!]$/, ""), 70);
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** A photo is named, not shown, in a text or an email: the page has it. */
function quoted(message: { kind: string; body: string }): string {
  if (message.kind !== "PHOTO") return message.body;
  return message.body ? `[Photo] ${message.body}` : "[Photo] Open the page to see it.";
}
