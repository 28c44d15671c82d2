// Trio says a visit runs late, once per slip, on a controllable clock; a new
// ETA, window or status ends it; everyone in the thread hears it live.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db.ts";
import { listJobs } from "../../lib/jobs/list-jobs.ts";
import { transitionJob } from "../../lib/jobs/transition-job.ts";
import { listMessages } from "../../lib/messages/list-messages.ts";
import type { MessageView } from "../../lib/messages/message-view.ts";
import { sendMessage } from "../../lib/messages/send-message.ts";
import { updateEta } from "../../lib/scheduling/update-eta.ts";
import { checkJourney } from "../../server/workers/journey-checks.ts";
import { record, request, startRealtime, until } from "../support/realtime.ts";
import { buildWorld, type World } from "../support/world.ts";

const MINUTE = 60_000;
let world: World;
let realtime: Awaited<ReturnType<typeof startRealtime>>;

beforeAll(async () => {
  realtime = await startRealtime();
});
afterAll(async () => {
  await realtime.stop();
});
beforeEach(async () => {
  world = await buildWorld();
});

const check = (minutesFromNow: number) =>
  checkJourney(getDb(), {
    graceMinutes: 5,
    settleSeconds: 60,
    now: () => new Date(Date.now() + minutesFromNow * MINUTE),
  }).then((found) => found.late);
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * MINUTE).toISOString();
const stored = () => getDb().job.findUniqueOrThrow({ where: { id: world.job.id } });
const thread = async () =>
  (await listMessages(getDb(), world.homeowner.actor, world.job.id, 0)).messages.map((m) => m.body);

async function onTheWay(etaInMinutes: number) {
  return transitionJob(getDb(), world.technician.actor, {
    jobId: world.job.id,
    to: "EN_ROUTE",
    eta: inMinutes(etaInMinutes),
  });
}

describe("running late", () => {
  it("says so once when the ETA passes, flags the board, and a new ETA ends it", async () => {
    const { message } = await onTheWay(15);
    expect(message.body).toMatch(/^Sam Tech is on the way — arriving around \d{1,2}:\d{2} [ap]m\.$/);

    expect(await check(19)).toHaveLength(0); // within the grace
    const [notice] = await check(21);
    expect(notice?.message).toMatchObject({
      kind: "SYSTEM",
      visibility: "EVERYONE",
      body: "Sam Tech is running a little behind — we'll update you shortly.",
      author: null,
    });
    expect(await check(30)).toHaveLength(0); // said once
    expect((await stored()).runningLateSince).toBeInstanceOf(Date);
    const [onBoard] = await listJobs(getDb(), world.dispatcher.actor);
    expect(onBoard?.runningLateSince).not.toBeNull();
    // Trio's own entry makes no participant and answers nobody.
    expect(await getDb().participant.count({ where: { jobId: world.job.id, userId: null, customerId: null } })).toBe(0);

    const update = await updateEta(getDb(), world.technician.actor, { jobId: world.job.id, eta: inMinutes(40) });
    expect(update.message.body).toMatch(/^Sam Tech now expects to arrive around \d{1,2}:\d{2} [ap]m\.$/);
    expect(update.job.runningLateSince).toBeNull();
    expect(await check(44)).toHaveLength(0);
    expect(await check(46)).toHaveLength(1); // the new ETA slipped too

    await transitionJob(getDb(), world.technician.actor, { jobId: world.job.id, to: "ON_SITE" });
    expect((await stored()).runningLateSince).toBeNull();
    expect(await check(120)).toHaveLength(0);
    expect((await thread()).filter((body) => body.includes("running a little behind"))).toHaveLength(2);
  });

  it("says so when a window ends before anyone is on the way, once however many checks race", async () => {
    await getDb().job.update({
      where: { id: world.job.id },
      data: { windowStart: new Date(Date.now() - 3 * 60 * MINUTE), windowEnd: new Date(Date.now() - 60 * MINUTE) },
    });
    await sendMessage(getDb(), world.homeowner.actor, {
      jobId: world.job.id,
      clientId: randomUUID(),
      body: "Is anyone coming?",
      visibility: "EVERYONE",
    });
    const results = await Promise.all([check(0), check(0), check(0)]);
    expect(results.flat()).toHaveLength(1);
    expect(await thread()).toEqual([
      "Is anyone coming?",
      "Sam Tech is running a little behind — we'll update you shortly.",
    ]);
    // The homeowner still waits for a person's answer.
    expect((await stored()).awaitingReplySince).toBeInstanceOf(Date);
  });

  it("refuses an ETA in the past, an ETA when nobody is on the way, and an ETA from the homeowner", async () => {
    await expect(
      updateEta(getDb(), world.technician.actor, { jobId: world.job.id, eta: inMinutes(30) }),
    ).rejects.toMatchObject({ code: "conflict" });
    await onTheWay(15);
    await expect(
      updateEta(getDb(), world.homeowner.actor, { jobId: world.job.id, eta: inMinutes(30) }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      updateEta(getDb(), world.otherTechnician.actor, { jobId: world.job.id, eta: inMinutes(30) }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("reaches everyone in the thread live, homeowner included", async () => {
    const [homeowner, dispatcher] = await Promise.all([
      realtime.client(world.homeowner.cookie),
      realtime.client(world.dispatcher.cookie),
    ]);
    for (const socket of [homeowner, dispatcher]) {
      expect(await request(socket, "thread:join", { jobId: world.job.id, afterSeq: 0 })).toHaveProperty("data");
    }
    const heard = record<MessageView>(homeowner, "message:created");
    const bad = await request(dispatcher, "job:eta", { jobId: world.job.id, eta: inMinutes(-30) });
    expect(bad).toMatchObject({ error: { code: "bad_request" } });
    await onTheWay(10);
    await check(16);
    await until(() => heard.some((m) => m.body.includes("running a little behind")), "the homeowner to hear it");
    const eta = await request(dispatcher, "job:eta", { jobId: world.job.id, eta: inMinutes(25) });
    expect(eta).toMatchObject({ data: { status: "EN_ROUTE", runningLateSince: null } });
    await until(() => heard.some((m) => m.body.includes("now expects to arrive")), "the new ETA");
  });
});
