// Texts coming back from homeowners, and Twilio's delivery reports, through
// the real route handlers: signed as Twilio signs them (the twilio package's
// own helper), against a real PostgreSQL and a real Socket.IO server.
import { randomBytes } from "node:crypto";
import { getExpectedTwilioSignature } from "twilio/lib/webhooks/webhooks.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as inboundRoute } from "../../app/api/sms/inbound/route.ts";
import { POST as statusRoute } from "../../app/api/sms/status/route.ts";
import { REPLY_AFTER_CLOSE_DAYS } from "../../lib/channels/sms/find-reply-job.ts";
import { isOptedOut } from "../../lib/channels/sms/opt-outs.ts";
import { NOT_MATCHED_REPLY, PICTURES_REPLY } from "../../lib/channels/sms/receive-text.ts";
import { getDb } from "../../lib/db.ts";
import { resetLimits } from "../../lib/limits/limits.ts";
import { listMessages } from "../../lib/messages/list-messages.ts";
import type { MessageView } from "../../lib/messages/message-view.ts";
import { getUpdatesChannel } from "../../lib/notifications/updates-channel.ts";
import { createCompany, createCustomer, createJob } from "../../prisma/seed/factories.ts";
import { type Client, record, request, settle, startRealtime, until } from "../support/realtime.ts";
import { buildWorld, type World } from "../support/world.ts";

const AUTH_TOKEN = "twilio-test-auth-token-0123456789";
/** Where Twilio is configured to call: the public address, not where the request arrives. */
const PUBLIC_BASE = "https://trio.example.test";
const DAY_MS = 24 * 60 * 60 * 1000;

let world: World;
let realtime: Awaited<ReturnType<typeof startRealtime>>;
let dispatcherSocket: Client;
const saved = { ...process.env };

beforeAll(async () => {
  process.env.SMS_AUTH_TOKEN = AUTH_TOKEN;
  process.env.SMS_ACCOUNT_SID = "AC00000000000000000000000000000000";
  process.env.SMS_FROM = "+15550100000";
  process.env.SMS_COUNTRY_CODE = "1";
  process.env.APP_URL = PUBLIC_BASE;
  await resetLimits();
  world = await buildWorld();
  realtime = await startRealtime();
  dispatcherSocket = await realtime.client(world.dispatcher.cookie);
});

afterAll(async () => {
  await realtime.stop();
  for (const name of ["SMS_AUTH_TOKEN", "SMS_ACCOUNT_SID", "SMS_FROM", "SMS_COUNTRY_CODE", "APP_URL"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  delete process.env.LIMIT_SENDS_PER_MINUTE;
  await resetLimits();
});

// ---------------------------------------------------------------- helpers

let numbers = 0;
/** A fresh number for each homeowner: E.164 as Twilio writes it, and national digits as staff typed it. */
function newNumber() {
  numbers += 1;
  const national = `555${String(200_0000 + numbers).padStart(7, "0")}`;
  return { e164: `+1${national}`, stored: national };
}

const sid = (prefix = "SM") => `${prefix}${randomBytes(16).toString("hex")}`;

type Signing = { signedUrl?: string; token?: string; signature?: string | null };

/** A webhook post as Twilio sends it: form fields, signed for the public URL. */
function twilioPost(path: string, fields: Record<string, string>, signing: Signing = {}): Request {
  const signedUrl = signing.signedUrl ?? `${PUBLIC_BASE}${path}`;
  const signature =
    signing.signature === undefined
      ? getExpectedTwilioSignature(signing.token ?? AUTH_TOKEN, signedUrl, fields)
      : signing.signature;
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (signature !== null) headers["x-twilio-signature"] = signature;
  // Arrives at the node's own address (as behind a proxy), not the public one.
  return new Request(`http://127.0.0.1:3000${path}`, {
    method: "POST",
    headers,
    body: new URLSearchParams(fields).toString(),
  });
}

function inboundFields(from: string, body: string, extra: Record<string, string> = {}) {
  return {
    AccountSid: "AC00000000000000000000000000000000",
    MessageSid: sid(),
    From: from,
    To: "+15550100000",
    Body: body,
    NumMedia: "0",
    NumSegments: "1",
    ...extra,
  };
}

const text = (from: string, body: string, extra: Record<string, string> = {}) =>
  inboundRoute(twilioPost("/api/sms/inbound", inboundFields(from, body, extra)));

/** The TwiML answer: whether it is XML, and the reply it texts back (null: none). */
async function twimlOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/xml/);
  const xml = await response.text();
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><Response')).toBe(true);
  if (xml.endsWith("<Response/>")) return null;
  const match = /<Response><Message>([\s\S]*)<\/Message><\/Response>$/.exec(xml);
  if (!match) throw new Error(`unexpected TwiML: ${xml}`);
  return match[1] as string;
}

async function errorOf(response: Response) {
  const body = await response.json();
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.message).not.toMatch(/at .*\.ts|Error:/);
  return { status: response.status, ...body.error };
}

/** What the dispatcher reads of a thread, through the same lib function as the page. */
async function threadOf(jobId: string): Promise<MessageView[]> {
  return (await listMessages(getDb(), world.dispatcher.actor, jobId, 0)).messages;
}

/**
 * A homeowner of company A with `phone` as staff typed it, and one job we
 * texted them about (`textedAt`; null: never texted): a number answers only
 * the texts it got.
 */
async function homeownerWith(
  phone: string,
  job: { status?: "COMPLETED" | "CANCELED"; companyId?: string; textedAt?: Date | null } = {},
) {
  const companyId = job.companyId ?? world.company.id;
  const customer = await createCustomer(getDb(), { companyId, name: "Robin Texter", phone });
  const created = await createJob(getDb(), { companyId, customerId: customer.id, title: "Furnace check" });
  const participant = await getDb().participant.create({
    data: { jobId: created.id, role: "HOMEOWNER", customerId: customer.id, name: customer.name, channel: "SMS" },
  });
  if (job.textedAt !== null) {
    const sentAt = job.textedAt ?? new Date();
    await getDb().notification.create({
      data: {
        companyId,
        jobId: created.id,
        participantId: participant.id,
        kind: "JOB_LINK",
        channel: "SMS",
        to: phone,
        state: "SENT",
        attempts: 1,
        sentAt,
        providerId: sid(),
      },
    });
  }
  if (job.status) await closeJob(created.id, job.status, new Date());
  return { customer, job: created };
}

/** Closes a job as if it had been closed `at` (its step's time and its last update). */
async function closeJob(jobId: string, status: "COMPLETED" | "CANCELED", at: Date) {
  await getDb().$executeRaw`
    UPDATE "Job" SET "status" = ${status}::"JobStatus", "steps" = jsonb_build_object(${status}::text, ${at.toISOString()}::text),
      "updatedAt" = ${at} WHERE "id" = ${jobId}::uuid`;
}

const messageCount = () => getDb().message.count();

// ---------------------------------------------------------------- inbound

describe("a text from a homeowner", () => {
  it("lands in their job's thread once, however often Twilio delivers it, and is heard live once", async () => {
    const number = newNumber();
    const { job, customer } = await homeownerWith(number.stored);
    expect(await request(dispatcherSocket, "thread:join", { jobId: job.id, afterSeq: 0 })).toHaveProperty("data");
    const heard = record<MessageView>(dispatcherSocket, "message:created");

    const fields = inboundFields(number.e164, "  Running 10 min late, gate code is 4512  ");
    expect(await twimlOf(await inboundRoute(twilioPost("/api/sms/inbound", fields)))).toBeNull();
    // Twilio's retry: the same MessageSid, the same signed post.
    expect(await twimlOf(await inboundRoute(twilioPost("/api/sms/inbound", fields)))).toBeNull();

    const thread = await threadOf(job.id);
    const posted = thread.filter((m) => m.body === "Running 10 min late, gate code is 4512");
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      clientId: `sms:${fields.MessageSid}`,
      visibility: "EVERYONE",
      author: { role: "HOMEOWNER", name: customer.name },
    });
    await until(() => heard.length > 0, "the dispatcher to hear the text");
    await settle();
    expect(heard.map((m) => m.body)).toEqual(["Running 10 min late, gate code is 4512"]);

    // The job now waits for a staff answer, as a reply on the page would make it.
    const stored = await getDb().job.findUniqueOrThrow({ where: { id: job.id } });
    expect(stored.awaitingReplySince).not.toBeNull();
  });

  it("is cleaned like a typed message, and a text too long for a message is cut, not lost", async () => {
    const number = newNumber();
    const { job } = await homeownerWith(`+1${number.stored}`);
    await text(number.e164, "Hello\u0000 there\u202E\r\nsecond line");
    await text(number.e164, "x".repeat(5000));
    const bodies = (await threadOf(job.id)).map((m) => m.body);
    expect(bodies).toContain("Hello there\nsecond line");
    const long = bodies.find((body) => body.startsWith("xxx"));
    expect(Array.from(long ?? "")).toHaveLength(4000);
    expect(long?.endsWith("…")).toBe(true);
  });

  it("posts nothing for a picture-only text, and says pictures don't come through", async () => {
    const number = newNumber();
    const { job } = await homeownerWith(number.stored);
    const before = (await threadOf(job.id)).length;
    const reply = await twimlOf(
      await text(number.e164, "", { NumMedia: "1", MediaUrl0: "https://api.twilio.com/x.jpg" }),
    );
    expect(reply).toBe(PICTURES_REPLY.replaceAll("'", "&apos;"));
    expect(await twimlOf(await text(number.e164, "   \u200b  "))).toBeNull();
    expect(await threadOf(job.id)).toHaveLength(before);
  });

  it("from a number no customer has posts nothing anywhere", async () => {
    const before = await messageCount();
    expect(await twimlOf(await text(newNumber().e164, "Hi, is this the plumber?"))).toBeNull();
    expect(await twimlOf(await text("whatsapp:+15550109999", "Hi"))).toBeNull();
    expect(await messageCount()).toBe(before);
  });

  it("goes to the job we last texted that number about, never to someone who only typed the number", async () => {
    const number = newNumber();
    const other = await createCompany(getDb(), { name: "Brightside Plumbing" });
    const earlier = await homeownerWith(number.e164, { companyId: other.id, textedAt: new Date(Date.now() - DAY_MS) });
    const latest = await homeownerWith(number.stored);
    // Someone else typed this number on a public request form: we never texted them.
    const stranger = await homeownerWith(number.stored, { companyId: other.id, textedAt: null });
    await getDb().job.update({ where: { id: stranger.job.id }, data: { updatedAt: new Date(Date.now() + DAY_MS) } });

    await text(number.e164, "Which one of you is coming?");
    expect((await threadOf(latest.job.id)).map((m) => m.body)).toContain("Which one of you is coming?");
    expect(await getDb().message.count({ where: { jobId: { in: [earlier.job.id, stranger.job.id] } } })).toBe(0);
  });

  it("never reaches a job someone opened on the public form with that number, though we texted its link", async () => {
    const number = newNumber();
    const real = await homeownerWith(number.stored, { textedAt: new Date(Date.now() - 60 * 60_000) });
    const other = await createCompany(getDb(), { name: "Mallory's Pick" });
    // Someone types the victim's number on a request form: we text the victim that job's link, just now.
    const fake = await homeownerWith(number.e164, { companyId: other.id });
    await getDb().job.update({ where: { id: fake.job.id }, data: { requestedOnline: true } });

    await text(number.e164, "Yes 9am works, gate code 1234");
    expect((await threadOf(real.job.id)).map((m) => m.body)).toEqual(["Yes 9am works, gate code 1234"]);
    expect(await getDb().message.count({ where: { jobId: fake.job.id } })).toBe(0);
  });

  it("is stored once even if the job it would reach changed before the provider's retry", async () => {
    const number = newNumber();
    const first = await homeownerWith(number.stored, { textedAt: new Date(Date.now() - 60_000) });
    const fields = inboundFields(number.e164, "Is it today?");
    await inboundRoute(twilioPost("/api/sms/inbound", fields));
    const second = await homeownerWith(number.stored); // texted just now: the newest
    await inboundRoute(twilioPost("/api/sms/inbound", fields));
    expect((await threadOf(first.job.id)).map((m) => m.body)).toEqual(["Is it today?"]);
    expect(await threadOf(second.job.id)).toEqual([]);
  });

  it("from a number we only texted long ago about a job closed long ago posts nothing", async () => {
    const number = newNumber();
    const { job } = await homeownerWith(number.stored, { textedAt: new Date(Date.now() - 40 * DAY_MS) });
    await closeJob(job.id, "COMPLETED", new Date(Date.now() - 30 * DAY_MS));
    const before = await messageCount();
    // Told where to write instead: we texted this number once.
    expect(await twimlOf(await text(number.e164, "Hello?"))).toBe(NOT_MATCHED_REPLY.replaceAll("'", "&apos;"));
    expect(await messageCount()).toBe(before);
  });

  it("reaches a job closed a few days ago (back in front of staff), but never reopens one closed long ago", async () => {
    const recent = newNumber();
    const { job: recentJob } = await homeownerWith(recent.stored);
    await closeJob(recentJob.id, "COMPLETED", new Date(Date.now() - 3 * DAY_MS));
    await text(recent.e164, "The tap drips again");
    expect((await threadOf(recentJob.id)).map((m) => m.body)).toEqual(["The tap drips again"]);
    const recentAfter = await getDb().job.findUniqueOrThrow({ where: { id: recentJob.id } });
    expect(recentAfter).toMatchObject({ status: "COMPLETED" });
    expect(recentAfter.awaitingReplySince).not.toBeNull();

    const old = newNumber();
    const { job: oldJob } = await homeownerWith(old.stored);
    const longAgo = new Date(Date.now() - (REPLY_AFTER_CLOSE_DAYS + 1) * DAY_MS);
    await closeJob(oldJob.id, "COMPLETED", longAgo);
    const before = await messageCount();
    expect(await twimlOf(await text(old.e164, "Can you come back?"))).toBe(NOT_MATCHED_REPLY.replaceAll("'", "&apos;"));
    expect(await messageCount()).toBe(before);
    const oldAfter = await getDb().job.findUniqueOrThrow({ where: { id: oldJob.id } });
    expect(oldAfter).toMatchObject({ status: "COMPLETED", lastSeq: 0, awaitingReplySince: null });
    expect(oldAfter.updatedAt.getTime()).toBe(longAgo.getTime());
  });
});

describe("keywords", () => {
  it("STOP records the opt-out and posts nothing; START removes it; neither lands in a thread", async () => {
    const number = newNumber();
    const { job } = await homeownerWith(number.stored);
    // A sentence that starts with a keyword is a message.
    await text(number.e164, "Stop by after 3 please");
    expect(await request(dispatcherSocket, "thread:join", { jobId: job.id, afterSeq: 0 })).toHaveProperty("data");
    const notices = record<{ jobId: string }>(dispatcherSocket, "delivery:updated");
    const before = await messageCount();

    for (const stop of ["STOP", " stop ", "Unsubscribe", "quit"]) {
      expect(await twimlOf(await text(number.e164, stop))).toBeNull();
      expect(await isOptedOut(getDb(), number.e164)).toBe(true);
    }
    expect(await getDb().smsOptOut.findUnique({ where: { phone: number.e164 } })).not.toBeNull();
    // What staff see of how this homeowner hears from them: texts are off, live.
    expect(await getUpdatesChannel(getDb(), world.dispatcher.actor, job.id)).toMatchObject({ optedOut: true });
    await until(() => notices.some((notice) => notice.jobId === job.id), "staff to hear of the STOP");

    expect(await twimlOf(await text(number.e164, "Start"))).toBeNull();
    expect(await isOptedOut(getDb(), number.e164)).toBe(false);
    expect(await getUpdatesChannel(getDb(), world.dispatcher.actor, job.id)).toMatchObject({ optedOut: false });
    expect(await messageCount()).toBe(before);
    expect((await threadOf(job.id)).map((m) => m.body)).toEqual(["Stop by after 3 please"]);
  });

  it("STOP from a number no customer has is still honoured", async () => {
    const number = newNumber();
    await text(number.e164, "END");
    expect(await isOptedOut(getDb(), number.e164)).toBe(true);
  });

  it("honours Twilio's Advanced Opt-Out type for a keyword configured there", async () => {
    const number = newNumber();
    const before = await messageCount();
    await text(number.e164, "ARRET", { OptOutType: "STOP" });
    expect(await isOptedOut(getDb(), number.e164)).toBe(true);
    expect(await messageCount()).toBe(before);
  });

  it("HELP answers with the company, where replies go and how to opt out, XML-escaped, and posts nothing", async () => {
    const number = newNumber();
    const company = await createCompany(getDb(), { name: "Hart & Sons <Heating>", phone: "555-0199" });
    await homeownerWith(number.stored, { companyId: company.id });
    const before = await messageCount();

    const response = await text(number.e164, "help");
    const raw = await twimlOf(response.clone());
    expect(raw).toContain("Hart &amp; Sons &lt;Heating&gt;");
    const reply = (raw ?? "").replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">");
    expect(reply).toMatch(/^Hart & Sons <Heating>: /);
    expect(reply).toMatch(/job/);
    expect(reply).toContain("555-0199");
    expect(reply).toContain("STOP");
    expect(await twimlOf(await text(number.e164, "INFO"))).toBeTruthy();
    expect(await messageCount()).toBe(before);
  });
});

describe("the signature", () => {
  it("refuses a wrong or missing signature with 403 and stores nothing", async () => {
    const number = newNumber();
    await homeownerWith(number.stored);
    const before = await messageCount();
    const cases: Signing[] = [
      { signature: "bm90IGEgc2lnbmF0dXJl" },
      { signature: null },
      { token: "someone-elses-auth-token" },
    ];
    for (const signing of cases) {
      for (const body of ["Let me in", "STOP"]) {
        const response = await inboundRoute(twilioPost("/api/sms/inbound", inboundFields(number.e164, body), signing));
        expect(await errorOf(response)).toMatchObject({ status: 403, code: "forbidden" });
      }
    }
    expect(await messageCount()).toBe(before);
    expect(await isOptedOut(getDb(), number.e164)).toBe(false);
  });

  it("refuses a signature made for another URL, including the address the request arrived at", async () => {
    const number = newNumber();
    await homeownerWith(number.stored);
    const before = await messageCount();
    for (const signedUrl of [
      "http://127.0.0.1:3000/api/sms/inbound",
      "https://attacker.example/api/sms/inbound",
      `${PUBLIC_BASE}/api/sms/status`,
      `${PUBLIC_BASE}/api/sms/inbound?job=1`,
    ]) {
      const response = await inboundRoute(
        twilioPost("/api/sms/inbound", inboundFields(number.e164, "Hello"), { signedUrl }),
      );
      expect(await errorOf(response)).toMatchObject({ status: 403, code: "forbidden" });
    }
    expect(await messageCount()).toBe(before);
  });

  it("refuses fields changed after signing", async () => {
    const number = newNumber();
    await homeownerWith(number.stored);
    const fields = inboundFields(number.e164, "Original");
    const signature = getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE}/api/sms/inbound`, fields);
    const tampered = twilioPost("/api/sms/inbound", { ...fields, Body: "Tampered" }, { signature });
    expect(await errorOf(await inboundRoute(tampered))).toMatchObject({ status: 403 });
    expect(await getDb().message.count({ where: { body: "Tampered" } })).toBe(0);
  });

  it("refuses everything while no auth token is configured", async () => {
    const number = newNumber();
    await homeownerWith(number.stored);
    delete process.env.SMS_AUTH_TOKEN;
    try {
      const response = await text(number.e164, "Hello");
      expect(await errorOf(response)).toMatchObject({ status: 403, code: "forbidden" });
    } finally {
      process.env.SMS_AUTH_TOKEN = AUTH_TOKEN;
    }
    expect(await getDb().message.count({ where: { body: "Hello" } })).toBe(0);
  });

  it("answers a signed but malformed post, or an oversized one, in the one error shape", async () => {
    const missingSid = twilioPost("/api/sms/inbound", { From: newNumber().e164, Body: "hi" });
    expect(await errorOf(await inboundRoute(missingSid))).toMatchObject({ status: 400, code: "bad_request" });
    const huge = twilioPost("/api/sms/inbound", inboundFields(newNumber().e164, "x".repeat(40_000)));
    expect(await errorOf(await inboundRoute(huge))).toMatchObject({ status: 413, code: "payload_too_large" });
  });
});

describe("a flood from one sender", () => {
  afterAll(async () => {
    delete process.env.LIMIT_SENDS_PER_MINUTE;
    await resetLimits();
  });

  it("posts within the per-person budget, drops the rest, and never refuses a retry of a stored text", async () => {
    // 6 a minute: 2 at once, then one every 12 s.
    process.env.LIMIT_SENDS_PER_MINUTE = "6";
    await resetLimits();
    const number = newNumber();
    const { job } = await homeownerWith(number.stored);

    const first = inboundFields(number.e164, "one");
    for (const fields of [first, inboundFields(number.e164, "two")]) {
      expect(await twimlOf(await inboundRoute(twilioPost("/api/sms/inbound", fields)))).toBeNull();
    }
    for (const body of ["three", "four", "five"]) expect(await twimlOf(await text(number.e164, body))).toBeNull();
    // Twilio retrying the first one while the sender is over the limit: still one copy, no error.
    expect(await twimlOf(await inboundRoute(twilioPost("/api/sms/inbound", first)))).toBeNull();

    expect((await threadOf(job.id)).map((m) => m.body)).toEqual(["one", "two"]);

    // Another homeowner is not held up by this one.
    const neighbour = newNumber();
    const { job: neighbourJob } = await homeownerWith(neighbour.stored);
    await text(neighbour.e164, "hello from next door");
    expect((await threadOf(neighbourJob.id)).map((m) => m.body)).toEqual(["hello from next door"]);
  });
});

// ---------------------------------------------------------------- status callbacks

describe("delivery reports", () => {
  beforeAll(async () => {
    expect(await request(dispatcherSocket, "thread:join", { jobId: world.job.id, afterSeq: 0 })).toHaveProperty("data");
  });

  async function sentNotification(providerId: string, to = "5550107777") {
    const participant = await getDb().participant.upsert({
      where: { jobId_customerId: { jobId: world.job.id, customerId: world.customer.id } },
      create: { jobId: world.job.id, customerId: world.customer.id, role: "HOMEOWNER", name: world.customer.name },
      update: {},
    });
    return getDb().notification.create({
      data: {
        companyId: world.company.id,
        jobId: world.job.id,
        participantId: participant.id,
        kind: "STEP",
        channel: "SMS",
        to,
        state: "SENT",
        attempts: 1,
        providerId,
        sentAt: new Date(),
      },
    });
  }

  const report = (fields: Record<string, string>, signing: Signing = {}) =>
    statusRoute(
      twilioPost("/api/sms/status", { AccountSid: "AC00000000000000000000000000000000", ...fields }, signing),
    );
  const stateOf = (id: string) =>
    getDb().notification.findUniqueOrThrow({ where: { id }, select: { state: true, lastError: true } });

  it("marks a text delivered, and a late 'sent' or 'failed' never moves it back", async () => {
    const messageSid = sid();
    const row = await sentNotification(messageSid);
    const notices = record<{ jobId: string }>(dispatcherSocket, "delivery:updated");
    expect((await report({ MessageSid: messageSid, MessageStatus: "delivered" })).status).toBe(200);
    expect(await stateOf(row.id)).toEqual({ state: "DELIVERED", lastError: null });
    await until(() => notices.length > 0, "staff to hear the text was delivered");

    const lateReports: Record<string, string>[] = [
      { MessageStatus: "sent" },
      { MessageStatus: "failed", ErrorCode: "30003" },
    ];
    for (const late of lateReports) {
      expect((await report({ MessageSid: messageSid, ...late })).status).toBe(200);
      expect(await stateOf(row.id)).toEqual({ state: "DELIVERED", lastError: null });
    }
    await settle();
    expect(notices).toEqual([{ jobId: world.job.id }]);
  });

  it("marks a failed text FAILED with a reason staff can read", async () => {
    const messageSid = sid();
    const row = await sentNotification(messageSid);
    await report({ MessageSid: messageSid, MessageStatus: "queued" });
    await report({ MessageSid: messageSid, MessageStatus: "sent" });
    expect(await stateOf(row.id)).toEqual({ state: "SENT", lastError: null });

    expect((await report({ MessageSid: messageSid, MessageStatus: "failed", ErrorCode: "30003" })).status).toBe(200);
    // What staff see on the job: the newest text failed, and why.
    expect((await getUpdatesChannel(getDb(), world.dispatcher.actor, world.job.id)).last).toMatchObject({
      channel: "SMS",
      state: "FAILED",
      reason: expect.stringContaining("number unreachable"),
    });
    expect(await stateOf(row.id)).toEqual({
      state: "FAILED",
      lastError: expect.stringContaining("number unreachable"),
    });

    const other = await sentNotification(sid());
    await report({ MessageSid: other.providerId as string, MessageStatus: "undelivered", ErrorCode: "39999" });
    expect(await stateOf(other.id)).toEqual({ state: "FAILED", lastError: "carrier error 39999" });
  });

  it("records the opt-out when the carrier says the number texted STOP (21610)", async () => {
    const number = newNumber();
    const row = await sentNotification(sid(), number.stored);
    await report({ MessageSid: row.providerId as string, MessageStatus: "failed", ErrorCode: "21610" });
    expect(await stateOf(row.id)).toEqual({ state: "FAILED", lastError: "the number opted out (STOP)" });
    expect(await isOptedOut(getDb(), number.e164)).toBe(true);
  });

  it("answers 200 for a text it doesn't know, and changes nothing", async () => {
    const row = await sentNotification(sid());
    const before = await getDb().notification.findMany({ orderBy: { id: "asc" } });
    expect((await report({ MessageSid: sid(), MessageStatus: "delivered" })).status).toBe(200);
    expect(await getDb().notification.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await stateOf(row.id)).toEqual({ state: "SENT", lastError: null });
  });

  it("refuses an unsigned or wrongly signed report with 403 and changes nothing", async () => {
    const messageSid = sid();
    const row = await sentNotification(messageSid);
    for (const signing of [
      { signature: null },
      { token: "wrong-token" },
      { signedUrl: `${PUBLIC_BASE}/api/sms/inbound` },
    ]) {
      const response = await report({ MessageSid: messageSid, MessageStatus: "failed", ErrorCode: "30007" }, signing);
      expect(await errorOf(response)).toMatchObject({ status: 403, code: "forbidden" });
    }
    expect(await stateOf(row.id)).toEqual({ state: "SENT", lastError: null });
  });
});
