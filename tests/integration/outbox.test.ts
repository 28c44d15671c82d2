// The outbox: what the homeowner hears in the channel they chose, through a
// real SMTP server and a local HTTP server playing Twilio; retries, failures
// and two workers on one database.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findUsableLink } from "../../lib/auth/access-links.ts";
import { readReplyAddress, replyAddressFor } from "../../lib/channels/email/reply-address.ts";
import { emailSender } from "../../lib/channels/email/send-email.ts";
import { receiveText } from "../../lib/channels/sms/receive-text.ts";
import { textSender } from "../../lib/channels/sms/send-text.ts";
import { closeDb, createDb, getDb } from "../../lib/db.ts";
import { rateJob } from "../../lib/feedback/rate-job.ts";
import { zonedHour } from "../../lib/format/zoned-time.ts";
import { transitionJob } from "../../lib/jobs/transition-job.ts";
import { listMessages } from "../../lib/messages/list-messages.ts";
import { markRead } from "../../lib/messages/mark-read.ts";
import { sendMessage } from "../../lib/messages/send-message.ts";
import { deliverDue, type Senders } from "../../lib/notifications/deliver-due.ts";
import { chooseChannel, getUpdatesChannel } from "../../lib/notifications/updates-channel.ts";
import { scheduleVisit } from "../../lib/scheduling/schedule-visit.ts";
import { startInboundMail } from "../../server/mail/inbound-smtp.ts";
import { runOutbox } from "../../server/workers/deliver-notifications.ts";
import { type FakeTwilio, startFakeTwilio } from "../support/fake-twilio.ts";
import { type MailCatcher, startMailCatcher } from "../support/mail-catcher.ts";
import { type Contact, openJob as openJobFor } from "../support/open-job.ts";
import { actorFor, buildWorld, homeownerCookie, type World } from "../support/world.ts";

const HOUR = 3_600_000;
let world: World;
let twilio: FakeTwilio;
let mail: MailCatcher;
let senders: Senders;

beforeAll(async () => {
  twilio = await startFakeTwilio();
  mail = await startMailCatcher();
  senders = {
    SMS: textSender(
      { accountSid: "AC123", authToken: "secret", from: "+15550009999", apiUrl: twilio.url },
      "http://trio.test/api/sms/status",
      { timeoutMs: 1000 },
    ),
    EMAIL: emailSender(mail.url, "Acme Heating <jobs@acme.test>"),
  };
});
afterAll(async () => {
  await twilio.stop();
  await mail.stop();
});
beforeEach(async () => {
  await getDb().notification.deleteMany();
  await getDb().smsOptOut.deleteMany();
  twilio.reset();
  mail.reset();
  world = await buildWorld();
});

const options = (
  extra: {
    now?: () => Date;
    random?: () => number;
    maxAttempts?: number;
    replyAddress?: (participantId: string) => string;
  } = {},
) => ({
  senders,
  smsCountryCode: "1",
  maxAttempts: extra.maxAttempts ?? 4,
  retryBaseMs: 1000,
  publicUrl: "http://trio.test",
  linkTtlDays: 30,
  intervalMs: 1000,
  messageDelaySeconds: 120,
  ...extra,
});

const openJob = (channel: "SMS" | "EMAIL" | "WEB", contact?: Contact) => openJobFor(world, channel, contact);

const rows = () => getDb().notification.findMany({ orderBy: { createdAt: "asc" } });
const tokenIn = (text: string) => /http:\/\/trio\.test\/j\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
const windowAhead = () => ({
  windowStart: new Date(Date.now() + 2 * HOUR).toISOString(),
  windowEnd: new Date(Date.now() + 4 * HOUR).toISOString(),
});

describe("the homeowner's link", () => {
  it("arrives by email when the job opens, with a link that opens this job and a plain-text part", async () => {
    const job = await openJob("EMAIL");
    expect(mail.mails).toHaveLength(0); // nothing is sent inside the transaction
    expect(await runOutbox(getDb(), options())).toMatchObject({ delivered: { sent: 1 } });

    expect(mail.mails).toHaveLength(1);
    const [received] = mail.mails;
    expect(received?.envelopeTo).toEqual(["jordan@home.test"]);
    expect(received?.parsed.subject).toBe(`Your request with Acme Heating (job #${job.number})`);
    expect(received?.parsed.headers.get("auto-submitted")).toBe("auto-generated");
    const text = received?.parsed.text ?? "";
    expect(text).toContain("Hi Jordan,");
    expect(text).toContain("Dripping kitchen tap");
    expect(received?.parsed.html).toContain("Open your job");
    const token = tokenIn(text);
    expect(token).toBeDefined();
    expect((await findUsableLink(getDb(), token as string)).jobId).toBe(job.id);

    const [row] = await rows();
    expect(row).toMatchObject({ kind: "JOB_LINK", state: "SENT", attempts: 1, lastError: null });
    expect(row?.providerId).toBe(received?.parsed.messageId);
    // Sent is sent: another pass sends nothing again.
    await runOutbox(getDb(), options());
    expect(mail.mails).toHaveLength(1);
  });

  it("arrives by text in Twilio's shape, to the number in E.164, with the status callback", async () => {
    await openJob("SMS");
    await runOutbox(getDb(), options());
    expect(twilio.calls).toHaveLength(1);
    const [call] = twilio.calls;
    expect(call?.path).toBe("/2010-04-01/Accounts/AC123/Messages.json");
    expect(call?.authorization).toBe(`Basic ${Buffer.from("AC123:secret").toString("base64")}`);
    expect(call?.form).toMatchObject({
      To: "+15550102233",
      From: "+15550009999",
      StatusCallback: "http://trio.test/api/sms/status",
    });
    expect(call?.form.Body).toMatch(/^Acme Heating: We have your request: “Dripping kitchen tap”/);
    expect(tokenIn(call?.form.Body ?? "")).toBeDefined();
    expect((await rows())[0]).toMatchObject({ state: "SENT", providerId: `SM${"1".padStart(32, "0")}` });
  });

  it("is not sent to a homeowner who chose the page only", async () => {
    const job = await openJob("WEB");
    await scheduleVisit(getDb(), world.dispatcher.actor, { jobId: job.id, ...windowAhead() });
    expect(await rows()).toHaveLength(0);
    await runOutbox(getDb(), options());
    expect(twilio.calls).toHaveLength(0);
    expect(mail.mails).toHaveLength(0);
  });
});

describe("the visit's steps", () => {
  it("each reach a texting homeowner once, in the thread's own words", async () => {
    const job = await openJob("SMS");
    await scheduleVisit(getDb(), world.dispatcher.actor, { jobId: job.id, ...windowAhead() });
    await transitionJob(getDb(), world.technician.actor, {
      jobId: job.id,
      to: "EN_ROUTE",
      eta: new Date(Date.now() + HOUR).toISOString(),
    });
    // A retried tap writes no entry, and so no second text.
    await transitionJob(getDb(), world.technician.actor, { jobId: job.id, to: "EN_ROUTE" });
    await transitionJob(getDb(), world.technician.actor, { jobId: job.id, to: "ON_SITE" });
    await transitionJob(getDb(), world.technician.actor, {
      jobId: job.id,
      to: "COMPLETED",
      summary: "Replaced the washer.",
    });
    expect((await rows()).map((row) => row.kind)).toEqual(["JOB_LINK", "STEP", "STEP", "STEP", "STEP"]);

    await runOutbox(getDb(), options());
    const bodies = twilio.calls.map((call) => call.form.Body ?? "");
    expect(bodies).toHaveLength(5);
    expect(bodies[1]).toMatch(/^Acme Heating: Your visit is scheduled for /);
    expect(bodies[2]).toMatch(/Sam Tech is on the way — arriving around \d{1,2}:\d{2} [ap]m/);
    expect(bodies[3]).toContain("Sam Tech has arrived");
    expect(bodies[4]).toContain("How did we do?");
    expect(bodies[4]).toMatch(/Rate the visit: http:\/\/trio\.test\/j\//);
  });
});

describe("a step the homeowner hears of", () => {
  /**
   * A texting homeowner's visit scheduled for another day, at night: an old
   * job, nobody writing now, and quiet hours from this hour for two hours.
   * Returns the held step and the hour quiet hours end.
   */
  async function stepHeldOvernight() {
    const job = await openJob("SMS");
    await runOutbox(getDb(), options());
    twilio.reset();
    mail.reset();
    await getDb().job.update({ where: { id: job.id }, data: { createdAt: new Date(Date.now() - 3 * HOUR) } });
    const hour = zonedHour("America/New_York");
    await getDb().company.update({
      where: { id: world.company.id },
      data: { quietHoursStart: hour, quietHoursEnd: (hour + 2) % 24 },
    });
    const dayAfter = Date.now() + 30 * HOUR;
    await scheduleVisit(getDb(), world.dispatcher.actor, {
      jobId: job.id,
      windowStart: new Date(dayAfter).toISOString(),
      windowEnd: new Date(dayAfter + 2 * HOUR).toISOString(),
    });
    await runOutbox(getDb(), options());
    const step = await getDb().notification.findFirstOrThrow({ where: { kind: "STEP", jobId: job.id } });
    return { job, step, morning: () => new Date(step.nextAttemptAt.getTime() + 1000), endHour: (hour + 2) % 24 };
  }

  it("waits out the night when the visit is another day, and isn't sent if they chose the page only", async () => {
    const { job, step, morning, endHour } = await stepHeldOvernight();
    expect(twilio.calls).toHaveLength(0);
    expect(step.state).toBe("PENDING");
    expect(zonedHour("America/New_York", step.nextAttemptAt.getTime())).toBe(endHour);

    await getDb().participant.updateMany({ where: { jobId: job.id, role: "HOMEOWNER" }, data: { channel: "WEB" } });
    await runOutbox(getDb(), options({ now: morning }));
    expect(twilio.calls).toHaveLength(0);
    expect((await getDb().notification.findUnique({ where: { id: step.id } }))?.state).toBe("SKIPPED");
  });

  it("reaches a homeowner who switched to email meanwhile, by email", async () => {
    const { job, morning } = await stepHeldOvernight();
    const homeowner = await actorFor(await homeownerCookie(job.id));
    await chooseChannel(getDb(), homeowner, { jobId: job.id, channel: "EMAIL" });
    await runOutbox(getDb(), options({ now: morning }));
    expect(twilio.calls).toHaveLength(0);
    expect(mail.mails.map((m) => m.envelopeTo[0])).toEqual(["jordan@home.test"]);
    expect(mail.mails[0]?.parsed.text).toContain("Your visit is scheduled for");
  });
});

describe("a provider that fails", () => {
  it("is tried again with growing delays, and the text goes out once it answers", async () => {
    await openJob("SMS");
    twilio.answerNext({ status: 500, body: {} }, { status: 503, body: {} });
    let clock = Date.now();
    const now = () => new Date(clock);
    const fixed = { now, random: () => 1 };

    expect((await deliverDue(getDb(), options(fixed))).retrying).toBe(1);
    const first = (await rows())[0];
    expect(first).toMatchObject({ state: "PENDING", attempts: 1, lastError: "text provider failed (500)" });
    const firstDelay = (first?.nextAttemptAt.getTime() ?? 0) - clock;

    // Not before it is due.
    expect((await deliverDue(getDb(), options(fixed))).retrying).toBe(0);
    clock += firstDelay;
    expect((await deliverDue(getDb(), options(fixed))).retrying).toBe(1);
    const second = (await rows())[0];
    const secondDelay = (second?.nextAttemptAt.getTime() ?? 0) - clock;
    expect(secondDelay).toBeGreaterThan(firstDelay);

    clock += secondDelay;
    expect((await deliverDue(getDb(), options(fixed))).sent).toBe(1);
    expect(twilio.calls).toHaveLength(3);
    expect((await rows())[0]).toMatchObject({ state: "SENT", attempts: 3, lastError: null });
  });

  it("that always fails ends failed, saying why, after the last try", async () => {
    await openJob("SMS");
    twilio.always({ status: 500, body: {} });
    let clock = Date.now();
    for (let pass = 0; pass < 6; pass += 1) {
      await deliverDue(getDb(), options({ now: () => new Date(clock), maxAttempts: 3 }));
      clock += 24 * HOUR;
    }
    expect(twilio.calls).toHaveLength(3);
    expect((await rows())[0]).toMatchObject({ state: "FAILED", attempts: 3, lastError: "text provider failed (500)" });
  });

  it("that says the number is invalid is not asked again, and the unsent link is turned off", async () => {
    const job = await openJob("SMS");
    twilio.answerNext({ status: 400, body: { code: 21211, message: "Invalid 'To' Phone Number" } });
    await deliverDue(getDb(), options());
    expect((await rows())[0]).toMatchObject({ state: "FAILED", attempts: 1, lastError: "not a valid phone number" });
    const links = await getDb().accessLink.findMany({ where: { jobId: job.id }, orderBy: { createdAt: "asc" } });
    // The link made with the job (shown to whoever opened it) and the one that never went out, now off.
    expect(links.map((link) => link.revokedAt !== null)).toEqual([false, true]);
  });

  it("that hangs fails the try instead of holding the worker", async () => {
    await openJob("SMS");
    twilio.answerNext("hang");
    expect((await deliverDue(getDb(), options())).retrying).toBe(1);
    expect((await rows())[0]).toMatchObject({ state: "PENDING", lastError: "text provider didn't answer" });
  });

  it("that is slow never makes a row whose hold ran out go twice: the worker that took it over sends it", async () => {
    await openJob("SMS", { phone: "5550103001", email: null });
    await openJob("SMS", { phone: "5550103002", email: null });
    twilio.answerNext("hang"); // the slow worker's first text: it waits up to 5 s for an answer
    const patient = textSender(
      { accountSid: "AC123", authToken: "secret", from: "+15550009999", apiUrl: twilio.url },
      null,
      { timeoutMs: 5000 },
    );
    const slow = deliverDue(getDb(), {
      ...options(),
      senders: { ...senders, SMS: patient },
      holdMs: 200,
      batchSize: 2,
    });
    // Once it holds both rows and its hold has run out, another worker takes them over.
    await expect.poll(() => twilio.calls.length, { timeout: 4000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const other = await deliverDue(getDb(), { ...options(), holdMs: 60_000 });
    const slowTally = await slow;
    expect(other.sent).toBe(2);
    expect(slowTally.overtaken).toBe(1);
    expect(twilio.calls.filter((call) => call.form.To === "+15550103002")).toHaveLength(1);
    expect((await rows()).map((row) => row.state)).toEqual(["SENT", "SENT"]);
  });

  it("a mail server that refuses for now is tried again", async () => {
    await openJob("EMAIL");
    mail.refuse(1);
    expect((await deliverDue(getDb(), options())).retrying).toBe(1);
    expect((await rows())[0]?.lastError).toMatch(/^mail server busy \(451\)$/);
  });
});

describe("texts to a number that opted out", () => {
  it("are not sent, and say so", async () => {
    const job = await openJob("SMS");
    await getDb().smsOptOut.create({ data: { phone: "+15550102233" } });
    await scheduleVisit(getDb(), world.dispatcher.actor, { jobId: job.id, ...windowAhead() });
    await runOutbox(getDb(), options());
    expect(twilio.calls).toHaveLength(0);
    expect((await rows()).map((row) => [row.state, row.lastError])).toEqual([
      ["SKIPPED", "the number opted out of texts (STOP)"],
      ["SKIPPED", "the number opted out of texts (STOP)"],
    ]);
  });
});

describe("a homeowner who texts STOP", () => {
  it("gets no text for the next step, and their page offers email instead", async () => {
    const job = await openJob("SMS");
    await runOutbox(getDb(), options());
    twilio.reset();
    expect((await receiveText(getDb(), { from: "+15550102233", body: "STOP", messageSid: "SMstop1" })).outcome).toBe(
      "opted_out",
    );
    await scheduleVisit(getDb(), world.dispatcher.actor, { jobId: job.id, ...windowAhead() });
    await runOutbox(getDb(), options());
    expect(twilio.calls).toHaveLength(0);
    const homeowner = await actorFor(await homeownerCookie(job.id));
    expect(await getUpdatesChannel(getDb(), homeowner, job.id)).toMatchObject({
      channel: "SMS",
      optedOut: true,
      available: ["WEB", "SMS", "EMAIL"],
    });
  });
});

describe("two workers on one database", () => {
  it("never send one notification twice", async () => {
    for (let index = 0; index < 12; index += 1) await openJob("SMS", { phone: `55501000${10 + index}`, email: null });
    const url = process.env.DATABASE_URL as string;
    const [one, two] = [createDb(url), createDb(url)];
    try {
      const drain = async (db: typeof one) => {
        for (let pass = 0; pass < 10; pass += 1) await deliverDue(db, options());
      };
      await Promise.all([drain(one), drain(two)]);
    } finally {
      await Promise.all([closeDb(one), closeDb(two)]);
    }
    const numbers = twilio.calls.map((call) => call.form.To);
    expect(numbers).toHaveLength(12);
    expect(new Set(numbers).size).toBe(12);
    expect((await rows()).every((row) => row.state === "SENT" && row.attempts === 1)).toBe(true);
  });
});

describe("two server processes on one database", () => {
  it("never send one notification twice, and send them all", async () => {
    for (let index = 0; index < 24; index += 1) await openJob("SMS", { phone: `55502000${10 + index}`, email: null });
    const node = (name: string) =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "tests/support/outbox-worker-process.ts"], {
          env: { ...process.env, SMS_API_URL: twilio.url, PASSES_MS: "4000" },
          stdio: ["ignore", "pipe", "inherit"],
        });
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
        });
        child.once("exit", (code) =>
          code === 0
            ? resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "{}").sent)
            : reject(new Error(`${name} exited ${code}`)),
        );
      });
    const [one, two] = await Promise.all([node("first"), node("second")]);
    const numbers = twilio.calls.map((call) => call.form.To);
    expect(numbers).toHaveLength(24);
    expect(new Set(numbers).size).toBe(24);
    expect(one + two).toBe(24);
    expect((await rows()).every((row) => row.state === "SENT" && row.attempts === 1)).toBe(true);
  });
});

describe("staff messages to a homeowner who is away", () => {
  const say = (
    actor: World["dispatcher"]["actor"],
    jobId: string,
    body: string,
    visibility: "EVERYONE" | "STAFF" = "EVERYONE",
  ) => sendMessage(getDb(), actor, { jobId, clientId: randomUUID(), body, visibility });
  const later = (seconds: number) => () => new Date(Date.now() + seconds * 1000);
  const quietHours = (startHour: number, endHour: number) =>
    getDb().company.update({
      where: { id: world.company.id },
      data: { quietHoursStart: startHour, quietHoursEnd: endHour },
    });
  // Whatever the hour the test runs at, quiet hours don't interfere unless a test sets them.
  beforeEach(() => quietHours(0, 0));

  it("make one notification after a quiet spell, quoting the newest, never one per message", async () => {
    const job = await openJob("EMAIL");
    await runOutbox(getDb(), options()); // the link
    mail.reset();
    for (const body of ["One", "Two", "Three", "Four", "Five"]) await say(world.dispatcher.actor, job.id, body);
    await say(world.dispatcher.actor, job.id, "Internal: check the warranty", "STAFF");

    // Still talking: nothing yet.
    await runOutbox(getDb(), options({ now: later(60) }));
    expect(mail.mails).toHaveLength(0);

    await runOutbox(getDb(), options({ now: later(180) }));
    await runOutbox(getDb(), options({ now: later(240) }));
    expect(mail.mails).toHaveLength(1);
    const text = mail.mails[0]?.parsed.text ?? "";
    expect(mail.mails[0]?.parsed.subject).toBe(`New message from Acme Heating about job #${job.number}`);
    expect(text).toContain("You have 5 new messages");
    expect(text).toContain("Dana Dispatch: Five");
    expect(text).toContain("Dana Dispatch: Three");
    expect(text).not.toContain("Dana Dispatch: Two");
    expect(text).not.toContain("warranty");
  });

  it("are not told to a homeowner who read them on the page, nor internal notes alone", async () => {
    const job = await openJob("SMS");
    await runOutbox(getDb(), options());
    twilio.reset();
    await say(world.dispatcher.actor, job.id, "Only staff see this", "STAFF");
    await runOutbox(getDb(), options({ now: later(300) }));
    expect(twilio.calls).toHaveLength(0);

    const { message } = await say(world.technician.actor, job.id, "Bring the dog in, please");
    const homeowner = await actorFor(await homeownerCookie(job.id));
    await markRead(getDb(), homeowner, job.id, message.seq);
    await runOutbox(getDb(), options({ now: later(300) }));
    expect(twilio.calls).toHaveLength(0);
  });

  it("reach a homeowner who is talking with us even in quiet hours", async () => {
    const job = await openJob("SMS");
    await runOutbox(getDb(), options());
    twilio.reset();
    const hour = zonedHour("America/New_York");
    await quietHours(hour, (hour + 2) % 24);
    const homeowner = await actorFor(await homeownerCookie(job.id));
    await say(homeowner as World["dispatcher"]["actor"], job.id, "The basement is flooding!");
    await say(world.dispatcher.actor, job.id, "Turn off the main valve; Sam is coming.");
    await runOutbox(getDb(), options({ now: later(180) }));
    expect(twilio.calls.map((call) => call.form.Body)).toEqual([expect.stringContaining("Turn off the main valve")]);
  });

  it("wait for the end of the company's quiet hours", async () => {
    const job = await openJob("SMS");
    await runOutbox(getDb(), options());
    twilio.reset();
    // Quiet from the company's current hour for two hours, whatever time the test runs;
    // the job was opened long ago, and the homeowner hasn't written since.
    await getDb().job.update({ where: { id: job.id }, data: { createdAt: new Date(Date.now() - 3 * HOUR) } });
    const hour = zonedHour("America/New_York");
    await quietHours(hour, (hour + 2) % 24);
    await say(world.dispatcher.actor, job.id, "See you tomorrow at 9");
    await runOutbox(getDb(), options({ now: later(180) }));
    expect(twilio.calls).toHaveLength(0);
    const [batch] = await getDb().notification.findMany({ where: { kind: "MESSAGES" } });
    expect(batch).toMatchObject({ state: "PENDING", attempts: 0 });
    const morning = batch?.nextAttemptAt as Date;
    expect(zonedHour("America/New_York", morning.getTime())).toBe((hour + 2) % 24);
    expect(morning.getTime() - Date.now()).toBeGreaterThan(HOUR - 5 * 60_000);
    // More during the night: still one waiting batch, which carries them all.
    await say(world.dispatcher.actor, job.id, "Bring the ladder, Sam");
    await runOutbox(getDb(), options({ now: later(600) }));
    expect(await getDb().notification.count({ where: { kind: "MESSAGES" } })).toBe(1);
    await runOutbox(getDb(), options({ now: () => new Date(morning.getTime() + 1000) }));
    expect(twilio.calls).toHaveLength(1);
    expect(twilio.calls[0]?.form.Body).toContain("Dana Dispatch: “See you tomorrow at 9”");
    expect(twilio.calls[0]?.form.Body).toContain("Dana Dispatch: “Bring the ladder, Sam”");
    await runOutbox(getDb(), options({ now: () => new Date(morning.getTime() + 600_000) }));
    expect(twilio.calls).toHaveLength(1);
  });
});

describe("an emailed homeowner", () => {
  it("answers the email and the answer lands in the thread once, without the quoted history", async () => {
    const job = await openJob("EMAIL");
    await runOutbox(getDb(), options({ replyAddress: replyAddressFor }));
    const [received] = mail.mails;
    const replyTo = received?.parsed.replyTo?.value[0]?.address as string;
    expect(readReplyAddress(replyTo)).not.toBeNull();
    expect(received?.parsed.text).toContain("You can answer this email");

    const inbound = await startInboundMail({ port: 0, host: "127.0.0.1", db: getDb, log: () => {} });
    try {
      const phone = createTransport({ host: "127.0.0.1", port: inbound.port, secure: false, ignoreTLS: true });
      const answer = {
        from: "jordan@home.test",
        to: replyTo,
        subject: `Re: ${received?.parsed.subject}`,
        messageId: "<answer-1@home.test>",
        text: `Thursday morning works.\n\nOn Tue, Jan 7, 2031 at 9:00 AM Acme Heating <jobs@acme.test> wrote:\n> ${received?.parsed.text?.split("\n").join("\n> ")}`,
      };
      await phone.sendMail(answer);
      await phone.sendMail(answer); // the phone sends it again
      phone.close();
    } finally {
      await inbound.stop();
    }
    const page = await listMessages(getDb(), world.dispatcher.actor, job.id, 0);
    const replies = page.messages.filter((message) => message.author?.role === "HOMEOWNER");
    expect(replies.map((message) => message.body)).toEqual(["Thursday morning works."]);
  });
});

describe("a homeowner left waiting", () => {
  const at = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);
  const emailOf = async (userId: string) =>
    (await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })).email;

  it("is told to the dispatchers and the job's technician once, past the first-reply target", async () => {
    const job = await openJob("WEB");
    const homeowner = await actorFor(await homeownerCookie(job.id));
    await sendMessage(getDb(), homeowner, {
      jobId: job.id,
      clientId: randomUUID(),
      body: "Is anyone there?",
      visibility: "EVERYONE",
    });
    const [dispatcher, technician, other] = await Promise.all([
      emailOf(world.dispatcher.id),
      emailOf(world.technician.id),
      emailOf(world.otherTechnician.id),
    ]);
    const mine = () => mail.mails.filter((m) => [dispatcher, technician, other].includes(m.envelopeTo[0] ?? ""));

    await runOutbox(getDb(), options({ now: at(10) }));
    expect(mine()).toHaveLength(0);
    await runOutbox(getDb(), options({ now: at(16) }));
    await runOutbox(getDb(), options({ now: at(20) }));
    expect(
      mine()
        .map((m) => m.envelopeTo[0])
        .sort(),
    ).toEqual([dispatcher, technician].sort());
    const alert = mine()[0]?.parsed;
    expect(alert?.subject).toBe(`Jordan Home is waiting for an answer (job #${job.number})`);
    expect(alert?.text).toContain("Jordan Home: Is anyone there?");
    expect(alert?.text).toContain(`http://trio.test/jobs/${job.id}`);

    // An answer ends the wait; writing again starts a new one (here at minute 30), alerted again.
    await sendMessage(getDb(), world.dispatcher.actor, {
      jobId: job.id,
      clientId: randomUUID(),
      body: "Here!",
      visibility: "EVERYONE",
    });
    await sendMessage(getDb(), homeowner, {
      jobId: job.id,
      clientId: randomUUID(),
      body: "When?",
      visibility: "EVERYONE",
    });
    await getDb().job.update({ where: { id: job.id }, data: { awaitingReplySince: at(30)() } });
    await runOutbox(getDb(), options({ now: at(40) }));
    expect(mine()).toHaveLength(2);
    await runOutbox(getDb(), options({ now: at(46) }));
    await runOutbox(getDb(), options({ now: at(50) }));
    expect(mine()).toHaveLength(4);
  });

  it("once, when a low rating is what waits for an answer", async () => {
    const job = await openJob("WEB");
    await getDb().job.update({ where: { id: job.id }, data: { status: "COMPLETED" } });
    const homeowner = await actorFor(await homeownerCookie(job.id));
    await rateJob(getDb(), homeowner, { jobId: job.id, satisfaction: 1, recommend: 2, comment: "" });
    const dispatcher = await emailOf(world.dispatcher.id);
    for (const minutes of [16, 17, 18, 30]) await runOutbox(getDb(), options({ now: at(minutes) }));
    expect(mail.mails.filter((m) => m.envelopeTo[0] === dispatcher)).toHaveLength(1);
  });
});

describe("texts abroad", () => {
  it("are not sent to a country Trio doesn't text, whatever a public form was given", async () => {
    await openJob("SMS", { phone: "+88212345678", email: null });
    await runOutbox(getDb(), options());
    expect(twilio.calls).toHaveLength(0);
    expect((await rows())[0]).toMatchObject({ state: "SKIPPED", lastError: "texts to that country are off" });
  });
});
