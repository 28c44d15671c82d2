// Dispatchers set and move arrival windows; every change leaves one plain
// entry the homeowner can read, in the company's time zone.
import { beforeEach, describe, expect, it } from "vitest";
import { POST as etaRoute } from "../../app/api/jobs/[id]/eta/route.ts";
import { POST as scheduleRoute } from "../../app/api/jobs/[id]/schedule/route.ts";
import { getDb } from "../../lib/db.ts";
import { transitionJob } from "../../lib/jobs/transition-job.ts";
import { listMessages } from "../../lib/messages/list-messages.ts";
import { scheduleVisit } from "../../lib/scheduling/schedule-visit.ts";
import { checkJourney } from "../../server/workers/journey-checks.ts";
import { buildWorld, type World } from "../support/world.ts";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  await getDb().job.update({ where: { id: world.job.id }, data: { status: "REQUESTED" } });
});

// Thursday, January 14 2027, 11 am–1 pm in New York (the default company zone).
const THURSDAY = { windowStart: "2027-01-14T16:00:00.000Z", windowEnd: "2027-01-14T18:00:00.000Z" };
const FRIDAY = { windowStart: "2027-01-15T13:30:00.000Z", windowEnd: "2027-01-15T15:00:00.000Z" };
const stored = () => getDb().job.findUniqueOrThrow({ where: { id: world.job.id } });
const lastEntry = async () => (await listMessages(getDb(), world.homeowner.actor, world.job.id, 0)).messages.at(-1);

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (cookie: string, body: unknown) =>
  new Request("http://localhost:3000/x", {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
async function errorOf(response: Response) {
  return { status: response.status, ...(await response.json()).error };
}

describe("scheduling a visit", () => {
  it("schedules a request with a window the homeowner reads, then moves it", async () => {
    const first = await scheduleVisit(getDb(), world.dispatcher.actor, { jobId: world.job.id, ...THURSDAY });
    expect(first.job).toMatchObject({ status: "SCHEDULED", windowStart: new Date(THURSDAY.windowStart) });
    expect(await lastEntry()).toMatchObject({
      kind: "STATUS",
      body: "Your visit is scheduled for Thu, Jan 14, 11 am–1 pm.",
    });

    await scheduleVisit(getDb(), world.dispatcher.actor, { jobId: world.job.id, ...FRIDAY });
    expect(await lastEntry()).toMatchObject({ body: "Your visit is now Fri, Jan 15, 8:30–10 am." });
    expect(await stored()).toMatchObject({ status: "SCHEDULED", windowEnd: new Date(FRIDAY.windowEnd) });
  });

  it("is the office's, before the trip only", async () => {
    const db = getDb();
    for (const person of [world.technician, world.homeowner]) {
      await expect(scheduleVisit(db, person.actor, { jobId: world.job.id, ...THURSDAY })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    await expect(
      scheduleVisit(db, world.foreignDispatcher.actor, { jobId: world.job.id, ...THURSDAY }),
    ).rejects.toMatchObject({ code: "not_found" });
    await db.job.update({ where: { id: world.job.id }, data: { status: "SCHEDULED" } });
    await transitionJob(db, world.technician.actor, { jobId: world.job.id, to: "EN_ROUTE" });
    await expect(scheduleVisit(db, world.dispatcher.actor, { jobId: world.job.id, ...THURSDAY })).rejects.toMatchObject(
      {
        code: "conflict",
      },
    );
    expect((await stored()).windowStart).toBeNull();
  });

  it("refuses windows nobody can keep, at the HTTP door, and writes nothing", async () => {
    const before = (await stored()).lastSeq;
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const now = new Date().toISOString();
    const cases = [
      [{ windowStart: THURSDAY.windowEnd, windowEnd: THURSDAY.windowStart }, "The window must end after it starts."],
      [{ windowStart: hourAgo, windowEnd: now }, "That window is already over. Pick a later one."],
      [
        { windowStart: "2027-01-14T06:00:00Z", windowEnd: "2027-01-14T20:00:00Z" },
        "A window can be at most 12 hours long.",
      ],
      [{ windowStart: "2099-01-14T06:00:00Z", windowEnd: "2099-01-14T08:00:00Z" }, "That is more than a year ahead."],
      [{ windowStart: "tomorrow", windowEnd: THURSDAY.windowEnd }, "must be an ISO date-time"],
    ] as const;
    for (const [body, message] of cases) {
      const response = await scheduleRoute(post(world.dispatcher.cookie, body), params(world.job.id));
      expect(await errorOf(response)).toMatchObject({
        status: 400,
        code: "bad_request",
        message: expect.stringContaining(message),
      });
    }
    const ok = await scheduleRoute(post(world.dispatcher.cookie, THURSDAY), params(world.job.id));
    expect(ok.status).toBe(200);
    expect((await ok.json()).data).toMatchObject({ status: "SCHEDULED", windowStart: THURSDAY.windowStart });
    expect((await stored()).lastSeq).toBe(before + 1);
  });

  it("ends running late when the window moves", async () => {
    await getDb().job.update({
      where: { id: world.job.id },
      data: {
        status: "SCHEDULED",
        windowStart: new Date(Date.now() - 7_200_000),
        windowEnd: new Date(Date.now() - 3_600_000),
      },
    });
    expect((await checkJourney(getDb(), { graceMinutes: 5, settleSeconds: 60 })).late).toHaveLength(1);
    expect((await stored()).runningLateSince).not.toBeNull();
    await scheduleVisit(getDb(), world.dispatcher.actor, { jobId: world.job.id, ...THURSDAY });
    expect((await stored()).runningLateSince).toBeNull();
  });

  it("takes an ETA over HTTP only in the next 24 hours", async () => {
    await getDb().job.update({ where: { id: world.job.id }, data: { status: "EN_ROUTE" } });
    const past = await etaRoute(
      post(world.technician.cookie, { eta: new Date(Date.now() - 3_600_000).toISOString() }),
      params(world.job.id),
    );
    expect(await errorOf(past)).toMatchObject({ status: 400, message: "eta: must be within the next 24 hours" });
    const soon = new Date(Date.now() + 1_800_000).toISOString();
    const ok = await etaRoute(post(world.technician.cookie, { eta: soon }), params(world.job.id));
    expect((await ok.json()).data).toMatchObject({ eta: soon });
  });
});
