// Homeowners answer Trio's emails: real mail, sent with nodemailer over SMTP
// to the real listener on a free port, into a real PostgreSQL, with the
// dispatcher's real socket watching the thread.
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_EMAIL_BYTES } from "../../lib/channels/email/receive-email-reply.ts";
import { replyAddressFor } from "../../lib/channels/email/reply-address.ts";
import { closeDb, createDb, getDb } from "../../lib/db.ts";
import { resetLimits } from "../../lib/limits/limits.ts";
import type { MessageView } from "../../lib/messages/message-view.ts";
import { sendMessage } from "../../lib/messages/send-message.ts";
import { createJob } from "../../prisma/seed/factories.ts";
import { type InboundMail, startInboundMail } from "../../server/mail/inbound-smtp.ts";
import { type Client, record, request, settle, startRealtime, until } from "../support/realtime.ts";
import { buildWorld, type World } from "../support/world.ts";

const DOMAIN = "replies.trio.test";
const HOMEOWNER_MAIL = "jordan@example.com";

let world: World;
let realtime: Awaited<ReturnType<typeof startRealtime>>;
let dispatcherSocket: Client;
let inbound: InboundMail;
let transport: nodemailer.Transporter<SMTPTransport.SentMessageInfo>;
const logLines: string[] = [];
/** The homeowner's reply address, as the email Trio sent them carries it. */
let replyTo: string;

beforeAll(async () => {
  process.env.REPLY_DOMAIN = DOMAIN;
  await resetLimits();
  world = await buildWorld();
  const db = getDb();
  // The thread as a homeowner who chose email finds it: the office asked, by email.
  const homeowner = await db.participant.create({
    data: {
      jobId: world.job.id,
      role: "HOMEOWNER",
      name: world.customer.name,
      customerId: world.customer.id,
      channel: "EMAIL",
    },
  });
  replyTo = replyAddressFor(homeowner.id);
  await sendMessage(db, world.dispatcher.actor, {
    jobId: world.job.id,
    clientId: randomUUID(),
    body: "Sam can come Tuesday between 9 and 11. Does that suit you?",
    visibility: "EVERYONE",
  });

  realtime = await startRealtime();
  dispatcherSocket = await realtime.client(world.dispatcher.cookie);
  expect(await request(dispatcherSocket, "thread:join", { jobId: world.job.id, afterSeq: 0 })).toHaveProperty("data");

  inbound = await startInboundMail({ port: 0, host: "127.0.0.1", db: getDb, log: (line) => logLines.push(line) });
  transport = nodemailer.createTransport({ host: "127.0.0.1", port: inbound.port, secure: false, ignoreTLS: true });
});

afterAll(async () => {
  transport?.close();
  await inbound?.stop();
  await realtime?.stop();
  delete process.env.REPLY_DOMAIN;
});

const threadOf = (jobId: string) =>
  getDb().message.findMany({
    where: { jobId },
    orderBy: { seq: "asc" },
    select: { body: true, clientId: true, visibility: true, author: { select: { role: true, name: true } } },
  });

type Mail = Parameters<typeof transport.sendMail>[0];
const mail = (extra: Mail): Mail => ({
  from: `Jordan Home <${HOMEOWNER_MAIL}>`,
  to: replyTo,
  subject: "Re: Your visit is scheduled",
  messageId: `<${randomUUID()}@mail.example.com>`,
  ...extra,
});

/** What the sending server heard back: accepted, or the SMTP code it was refused with. */
async function deliver(
  message: Mail,
): Promise<{ accepted: true } | { code: number; command: string; response: string }> {
  try {
    await transport.sendMail(message);
    return { accepted: true };
  } catch (error) {
    const { responseCode, command, response } = error as { responseCode?: number; command?: string; response?: string };
    if (responseCode === undefined) throw error;
    return { code: responseCode, command: command ?? "", response: response ?? "" };
  }
}

/** Runs `send`, then checks the thread is as it was, no socket heard of a message, and returns what `send` gave. */
async function expectNothingPosted<T>(send: () => Promise<T>): Promise<T> {
  const before = await threadOf(world.job.id);
  const heard = record<MessageView>(dispatcherSocket, "message:created");
  const result = await send();
  await settle();
  expect(await threadOf(world.job.id)).toEqual(before);
  expect(heard).toEqual([]);
  return result;
}

const GMAIL_REPLY = [
  "Yes, Tuesday 9 to 11 works. The side gate is open.",
  "",
  "-- ",
  "Jordan Home",
  "555-0100",
  "",
  "On Tue, Nov 24, 2026 at 9:14 AM Acme Heating <",
  "reply+0000@replies.trio.test> wrote:",
  "",
  "> Sam can come Tuesday between 9 and 11. Does that suit you?",
  ">",
].join("\r\n");

describe("a homeowner's email reply", () => {
  it("lands in the job's thread once, as the homeowner, without the quote or the signature, and live", async () => {
    const heard = record<MessageView>(dispatcherSocket, "message:created");
    const reply = mail({ text: GMAIL_REPLY, messageId: "<CAGmail-reply-1@mail.gmail.com>" });
    expect(await deliver(reply)).toEqual({ accepted: true });

    const thread = await threadOf(world.job.id);
    const posted = thread.filter((entry) => entry.author?.role === "HOMEOWNER");
    expect(posted).toEqual([
      {
        body: "Yes, Tuesday 9 to 11 works. The side gate is open.",
        clientId: expect.stringMatching(/^email:[0-9a-f]{24}$/),
        visibility: "EVERYONE",
        author: { role: "HOMEOWNER", name: "Jordan Home" },
      },
    ]);
    await until(() => heard.length === 1, "the dispatcher's page hears of the reply");
    expect(heard[0]).toMatchObject({ body: posted[0]?.body, author: { role: "HOMEOWNER", name: "Jordan Home" } });
    // Staff now owe an answer: the job comes to the top of the board.
    const job = await getDb().job.findUniqueOrThrow({ where: { id: world.job.id } });
    expect(job.awaitingReplySince).not.toBeNull();

    // The same mail again (a sending server's retry, a second click on Send) stores nothing new.
    expect(await expectNothingPosted(() => deliver(reply))).toEqual({ accepted: true });
  });

  it("from an HTML-only mail lands as plain text, Gmail's quoted block left out", async () => {
    const html = [
      '<div dir="ltr"><p>Could Sam bring a <b>new cartridge</b>?</p><p>The old one is a Moen 1225.</p></div>',
      '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Tue, Nov 24, 2026 at 9:14 AM Acme Heating',
      ` &lt;<a href="mailto:${replyTo}">${replyTo}</a>&gt; wrote:<br></div>`,
      '<blockquote class="gmail_quote">Sam can come Tuesday between 9 and 11.</blockquote></div>',
    ].join("");
    expect(await deliver(mail({ html }))).toEqual({ accepted: true });
    const last = (await threadOf(world.job.id)).at(-1);
    expect(last?.author?.role).toBe("HOMEOWNER");
    expect(last?.body).toBe("Could Sam bring a new cartridge?\n\nThe old one is a Moen 1225.");
    expect(last?.body).not.toMatch(/<|wrote|Sam can come/);
  });

  it("is taken at any case of its address: mail systems may lowercase or uppercase it", async () => {
    const shouted = replyTo.toUpperCase();
    expect(await deliver(mail({ to: `Acme Heating <${shouted}>`, text: "Upper case works too." }))).toEqual({
      accepted: true,
    });
    expect((await threadOf(world.job.id)).at(-1)?.body).toBe("Upper case works too.");
  });
});

describe("mail that must not reach the thread", () => {
  it("a forged, altered or unsigned reply address is refused at RCPT TO, before any data", async () => {
    const token = replyTo.slice("reply+".length, replyTo.indexOf("@"));
    const altered = `reply+${token.slice(0, -2)}${token.at(-2) === "a" ? "b" : "a"}${token.at(-1)}@${DOMAIN}`;
    const forged = [altered, `reply+${"a".repeat(token.length)}@${DOMAIN}`, `reply+${randomUUID()}@${DOMAIN}`];
    for (const to of [...forged, `dispatch@${DOMAIN}`, `postmaster@${DOMAIN}`]) {
      const answer = await expectNothingPosted(() => deliver(mail({ to, text: "Let me in" })));
      expect(answer).toMatchObject({ code: 550, command: "RCPT TO" });
    }
  });

  it("an out-of-office answer (Auto-Submitted: auto-replied) is accepted and dropped, so no loop starts", async () => {
    const logged = logLines.length;
    const outOfOffice = mail({
      subject: "Automatic reply: Your visit is scheduled",
      text: "I am away until Monday with limited access to email.",
      headers: { "Auto-Submitted": "auto-replied" },
    });
    expect(await expectNothingPosted(() => deliver(outOfOffice))).toEqual({ accepted: true });
    expect(logLines.slice(logged)).toEqual([expect.stringContaining("(automatic)")]);
    // Nothing of the mail's text goes to the log.
    expect(logLines.slice(logged).join("\n")).not.toContain("away until Monday");

    const others: Record<string, string>[] = [
      { "X-Autoreply": "yes" },
      { Precedence: "bulk" },
      { "List-Id": "<homeowners.example.com>" },
      { "X-Auto-Response-Suppress": "All" },
    ];
    for (const headers of others) {
      expect(await expectNothingPosted(() => deliver(mail({ text: "Automatic words", headers })))).toEqual({
        accepted: true,
      });
    }
  });

  it("a bounce (multipart/report from MAILER-DAEMON, null sender) is accepted and dropped", async () => {
    const raw = [
      "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.com>",
      `To: ${replyTo}`,
      "Subject: Undelivered Mail Returned to Sender",
      `Message-ID: <${randomUUID()}@mail.example.com>`,
      "MIME-Version: 1.0",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain",
      "",
      "Your message to jordan@example.com could not be delivered: mailbox full.",
      "--b1",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mail.example.com",
      "",
      "Final-Recipient: rfc822; jordan@example.com",
      "Action: failed",
      "Status: 5.2.2",
      "--b1--",
      "",
    ].join("\r\n");
    const bounce = { envelope: { from: "", to: [replyTo] }, raw };
    expect(await expectNothingPosted(() => deliver(bounce))).toEqual({ accepted: true });
    expect(logLines.at(-1)).toContain("(bounce)");
  });

  it("an oversized mail is refused with 552 and nothing of it is stored", async () => {
    const huge = mail({ text: `Photos below.\n${"x".repeat(MAX_EMAIL_BYTES)}` });
    expect(await expectNothingPosted(() => deliver(huge))).toMatchObject({ code: 552 });
  });

  it("a reply to a staff member's address stores nothing: only the homeowner posts by email", async () => {
    const staff = await getDb().participant.findFirstOrThrow({
      where: { jobId: world.job.id, role: "DISPATCHER", userId: world.dispatcher.id },
    });
    const answer = await expectNothingPosted(() =>
      deliver(mail({ to: replyAddressFor(staff.id), text: "Posting as the dispatcher" })),
    );
    // Signed by Trio, so past RCPT TO; refused once the message shows whose address it is.
    expect(answer).toMatchObject({ code: 550, command: "DATA" });
    expect(logLines.at(-1)).toContain("(not_homeowner)");
  });

  it("a reply with nothing above the quote is refused with a bounce that says why", async () => {
    const onlyQuote = mail({
      text: "On Tue, Nov 24, 2026 at 9:14 AM Acme wrote:\n> Does that suit you?\n\n-- \nJordan",
    });
    const answer = await expectNothingPosted(() => deliver(onlyQuote));
    expect(answer).toMatchObject({ code: 550 });
    expect((answer as { response: string }).response).toMatch(/write your answer at the top/);
  });

  it("a reply address whose homeowner left the job (participant gone) is refused", async () => {
    const db = getDb();
    const customer = await db.customer.create({ data: { companyId: world.company.id, name: "Former Owner" } });
    const job = await createJob(db, { companyId: world.company.id, customerId: customer.id });
    const gone = await db.participant.create({
      data: { jobId: job.id, role: "HOMEOWNER", name: customer.name, customerId: customer.id },
    });
    const address = replyAddressFor(gone.id);
    await db.participant.delete({ where: { id: gone.id } });
    expect(await deliver(mail({ to: address, text: "Still there?" }))).toMatchObject({ code: 550 });
    expect(await db.message.count({ where: { jobId: job.id } })).toBe(0);
  });

  it("to a job closed long ago is refused: an old email doesn't reopen it", async () => {
    const db = getDb();
    const customer = await db.customer.create({ data: { companyId: world.company.id, name: "Old Customer" } });
    const job = await createJob(db, { companyId: world.company.id, customerId: customer.id, status: "COMPLETED" });
    const longAgo = new Date(Date.now() - 60 * 24 * 3_600_000);
    await db.job.update({ where: { id: job.id }, data: { steps: { COMPLETED: longAgo.toISOString() } } });
    const person = await db.participant.create({
      data: { jobId: job.id, role: "HOMEOWNER", name: customer.name, customerId: customer.id },
    });
    const answer = await deliver(mail({ to: replyAddressFor(person.id), text: "One more thing about last year" }));
    expect(answer).toMatchObject({ code: 550 });
    expect((answer as { response: string }).response).toMatch(/request a new visit/);
    expect(await db.message.count({ where: { jobId: job.id } })).toBe(0);
  });

  it("a mail loop that slips past the checks is held to the person's send budget", async () => {
    const db = getDb();
    await resetLimits();
    const job = await createJob(db, { companyId: world.company.id, customerId: world.customer.id });
    const participant = await db.participant.create({
      data: { jobId: job.id, role: "HOMEOWNER", name: world.customer.name, customerId: world.customer.id },
    });
    const to = replyAddressFor(participant.id);
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await deliver(mail({ to, text: `Looping message ${i}` })));
    const stored = await db.message.count({ where: { jobId: job.id } });
    // LIMIT_SENDS_PER_MINUTE is 30: about a third at once, the rest told to come back later (451).
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(20);
    expect(answers.filter((answer) => "code" in answer && answer.code === 451)).toHaveLength(20 - stored);
  });
});

it("answers 451 when the database can't be reached, so the sender's server tries again, and keeps listening", async () => {
  const unreachable = createDb("postgresql://trio:trio@127.0.0.1:1/trio", { connectionTimeoutMillis: 2000 });
  const lines: string[] = [];
  const broken = await startInboundMail({
    port: 0,
    host: "127.0.0.1",
    db: () => unreachable,
    log: (line) => lines.push(line),
  });
  const sender = nodemailer.createTransport({ host: "127.0.0.1", port: broken.port, secure: false, ignoreTLS: true });
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(sender.sendMail(mail({ text: "Is Tuesday still on?" }))).rejects.toMatchObject({
        responseCode: 451,
        command: "DATA",
      });
    }
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Inbound mail failed, answered 451/);
  } finally {
    sender.close();
    await broken.stop();
    await closeDb(unreachable);
  }
});

it("stops, and a stopped listener takes no more mail", async () => {
  const extra = await startInboundMail({ port: 0, host: "127.0.0.1", db: getDb, log: () => {} });
  await extra.stop();
  const closed = nodemailer.createTransport({ host: "127.0.0.1", port: extra.port, secure: false, ignoreTLS: true });
  await expect(closed.sendMail(mail({ text: "Anyone?" }))).rejects.toThrow();
});
