import { beforeEach, describe, expect, it } from "vitest";
import { GET as feedbackGet, POST as feedbackPost } from "../../app/api/jobs/[id]/feedback/route.ts";
import { getDb } from "../../lib/db.ts";
import { ratingNeedsAttention } from "../../lib/feedback/attention.ts";
import { rateJob } from "../../lib/feedback/rate-job.ts";
import { rateJobInputSchema } from "../../lib/feedback/schemas.ts";
import { listJobs } from "../../lib/jobs/list-jobs.ts";
import { transitionJob } from "../../lib/jobs/transition-job.ts";
import { resetLimits } from "../../lib/limits/limits.ts";
import { listMessages } from "../../lib/messages/list-messages.ts";
import { sendMessage } from "../../lib/messages/send-message.ts";
import { createCustomer, createJob } from "../../prisma/seed/factories.ts";
import { buildWorld, homeownerCookie, type World } from "../support/world.ts";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const HOUR = 60 * 60 * 1000;
/** Input as the doors hand it to rateJob: through the shared schema. */
const rating = (satisfaction: number, recommend: number, comment = "") =>
  rateJobInputSchema.parse({ jobId: world.job.id, satisfaction, recommend, comment });

async function complete(jobId = world.job.id) {
  for (const to of ["EN_ROUTE", "ON_SITE", "COMPLETED"] as const)
    await transitionJob(getDb(), world.dispatcher.actor, { jobId, to });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (cookie: string, jobId: string, body: unknown) =>
  feedbackPost(
    new Request("http://localhost:3000/x", {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    params(jobId),
  );
const get = (cookie: string, jobId: string) =>
  feedbackGet(new Request("http://localhost:3000/x", { headers: { cookie } }), params(jobId));

const feedbackRows = () => getDb().feedback.findMany({ where: { jobId: world.job.id } });
const entries = () => getDb().message.findMany({ where: { jobId: world.job.id }, orderBy: { seq: "asc" } });

describe("rating a job", () => {
  it("is refused before the job is complete, and writes nothing", async () => {
    await expect(rateJob(getDb(), world.homeowner.actor, rating(5, 10))).rejects.toMatchObject({
      code: "conflict",
      message: "You can rate the visit once the job is complete.",
    });
    const response = await post(world.homeowner.cookie, world.job.id, { satisfaction: 5, recommend: 10 });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: "conflict", message: "You can rate the visit once the job is complete." },
    });
    expect(await feedbackRows()).toHaveLength(0);
    expect(await entries()).toHaveLength(0);
  });

  it("stores one rating and a staff-only entry in the thread, in the same transaction", async () => {
    await complete();
    const now = new Date();
    const result = await rateJob(getDb(), world.homeowner.actor, rating(2, 3, "  Came late  "), now);
    expect(result).toMatchObject({ created: true, changed: true });
    expect(result.own).toEqual({
      satisfaction: 2,
      recommend: 3,
      comment: "Came late",
      ratedAt: now.toISOString(),
      editableUntil: new Date(now.getTime() + 24 * HOUR).toISOString(),
    });
    expect(result.rating).toMatchObject({ low: true, seq: 4 });
    const rows = await feedbackRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ satisfaction: 2, recommend: 3, comment: "Came late", seq: 4 });

    const last = (await entries()).at(-1);
    expect(last).toMatchObject({
      seq: 4,
      kind: "SYSTEM",
      visibility: "STAFF",
      body: "Jordan Home rated the visit 2/5 · would recommend 3/10: “Came late”",
    });
    // Written by Trio, not by the homeowner: no list takes it for a homeowner waiting for a reply.
    expect(result.message).toMatchObject({ id: last?.id, seq: 4, author: null });
    expect(last?.authorId).toBeNull();
    const [onBoard] = await listJobs(getDb(), world.dispatcher.actor, { status: "all" });
    expect(onBoard?.lastMessage).toMatchObject({ seq: 4, author: null });
    // Staff see it; the homeowner never does.
    const staffPage = await listMessages(getDb(), world.dispatcher.actor, world.job.id, 0);
    expect(staffPage.messages.map((m) => m.seq)).toContain(4);
    const homePage = await listMessages(getDb(), world.homeowner.actor, world.job.id, 0);
    expect(homePage.messages.map((m) => m.body).join("\n")).not.toMatch(/rated the visit/);
    expect(homePage.job.lastSeq).toBe(3);
  });

  it("is changed in place within 24 hours, and refused after", async () => {
    await complete();
    const first = new Date("2026-11-20T10:00:00Z");
    await rateJob(getDb(), world.homeowner.actor, rating(2, 3), first);
    const again = await rateJob(
      getDb(),
      world.homeowner.actor,
      rating(4, 8, "They called back"),
      new Date(first.getTime() + 23 * HOUR),
    );
    expect(again).toMatchObject({ created: false, changed: true, rating: { low: false, seq: 5 } });
    expect(again.own.ratedAt).toBe(first.toISOString());
    const rows = await feedbackRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ satisfaction: 4, recommend: 8, comment: "They called back", seq: 5 });
    expect((await entries()).at(-1)?.body).toBe(
      "Jordan Home changed their rating to 4/5 · would recommend 8/10: “They called back”",
    );

    // The same rating again (a second tap) writes nothing.
    const same = await rateJob(
      getDb(),
      world.homeowner.actor,
      rating(4, 8, "They called back"),
      new Date(first.getTime() + 23 * HOUR),
    );
    expect(same).toMatchObject({ changed: false, message: null });
    expect(await entries()).toHaveLength(5);

    await expect(
      rateJob(getDb(), world.homeowner.actor, rating(1, 0), new Date(first.getTime() + 24 * HOUR + 1000)),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/can no longer be changed/) });
    expect((await feedbackRows())[0]).toMatchObject({ satisfaction: 4, recommend: 8 });
    expect(await entries()).toHaveLength(5);
  });

  it("gives two taps at once one rating", async () => {
    await complete();
    const now = new Date();
    const results = await Promise.allSettled([
      rateJob(getDb(), world.homeowner.actor, rating(3, 7), now),
      rateJob(getDb(), world.homeowner.actor, rating(3, 7), now),
    ]);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await feedbackRows()).toHaveLength(1);
    expect((await entries()).filter((m) => m.kind === "SYSTEM")).toHaveLength(1);
  });

  it("is the homeowner's alone: someone else's job is 404, staff are refused", async () => {
    const db = getDb();
    await complete();
    const neighbour = await createCustomer(db, { companyId: world.company.id, name: "Pat Neighbour" });
    const theirJob = await createJob(db, {
      companyId: world.company.id,
      customerId: neighbour.id,
      technicianId: world.technician.id,
    });
    await complete(theirJob.id);
    const notFound = { error: { code: "not_found", message: "We couldn't find that job." } };

    // The homeowner of another job, and another company's dispatcher: unknown and forbidden look the same.
    const other = await post(world.homeowner.cookie, theirJob.id, { satisfaction: 1, recommend: 0 });
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual(notFound);
    const unknown = await post(world.homeowner.cookie, "00000000-0000-4000-8000-000000000000", {
      satisfaction: 1,
      recommend: 0,
    });
    expect(await unknown.json()).toEqual(notFound);
    const foreign = await post(world.foreignDispatcher.cookie, world.job.id, { satisfaction: 1, recommend: 0 });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual(notFound);
    expect((await get(world.homeowner.cookie, theirJob.id)).status).toBe(404);

    // Staff who can see the job may not rate it.
    for (const person of [world.dispatcher, world.technician]) {
      const response = await post(person.cookie, world.job.id, { satisfaction: 5, recommend: 10 });
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe("forbidden");
    }
    expect(await db.feedback.count({ where: { jobId: { in: [world.job.id, theirJob.id] } } })).toBe(0);

    // The right homeowner may.
    const theirs = await homeownerCookie(theirJob.id);
    expect((await post(theirs, theirJob.id, { satisfaction: 1, recommend: 0 })).status).toBe(201);
    expect((await post(theirs, theirJob.id, { satisfaction: 2, recommend: 1 })).status).toBe(200);
    expect(await db.feedback.count({ where: { jobId: { in: [world.job.id, theirJob.id] } } })).toBe(1);
  });

  it("refuses out-of-range scores and oversized comments with one error shape, writing nothing", async () => {
    await complete();
    const before = (await entries()).length;
    const bad = [
      { satisfaction: 0, recommend: 5 },
      { satisfaction: 6, recommend: 5 },
      { satisfaction: 3, recommend: -1 },
      { satisfaction: 3, recommend: 11 },
      { satisfaction: 2.5, recommend: 5 },
      { satisfaction: "3", recommend: 5 },
      { recommend: 5 },
      { satisfaction: 3 },
      { satisfaction: 3, recommend: 5, comment: "x".repeat(1001) },
      { satisfaction: 3, recommend: 5, comment: 42 },
      { satisfaction: 3, recommend: 5, stars: 4 },
      "{not json",
    ];
    for (const body of bad) {
      const response = await post(world.homeowner.cookie, world.job.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const json = await response.json();
      expect(Object.keys(json)).toEqual(["error"]);
      expect(json.error.code).toBe("bad_request");
      expect(typeof json.error.message).toBe("string");
    }
    const longest = await post(world.homeowner.cookie, world.job.id, {
      satisfaction: 3,
      recommend: 5,
      comment: "é".repeat(1000),
    });
    expect(longest.status).toBe(201);
    expect(await feedbackRows()).toHaveLength(1);
    expect((await entries()).length).toBe(before + 1);
  });

  it("shows the homeowner their own rating and share link, and staff the rating with the customer's history", async () => {
    const db = getDb();
    await complete();
    const earlier = await createJob(db, {
      companyId: world.company.id,
      customerId: world.customer.id,
      technicianId: world.technician.id,
      title: "Furnace tune-up",
    });
    await complete(earlier.id);
    const earlierCookie = await homeownerCookie(earlier.id);
    expect((await post(earlierCookie, earlier.id, { satisfaction: 5, recommend: 10 })).status).toBe(201);

    const before = await (await get(world.homeowner.cookie, world.job.id)).json();
    const company = await db.company.findUniqueOrThrow({ where: { id: world.company.id } });
    expect(before).toEqual({ data: { for: "homeowner", rating: null, sharePath: `/r/${company.slug}` } });
    await post(world.homeowner.cookie, world.job.id, { satisfaction: 2, recommend: 9, comment: "Muddy boots" });
    const after = (await (await get(world.homeowner.cookie, world.job.id)).json()).data;
    expect(after.rating).toMatchObject({ satisfaction: 2, recommend: 9, comment: "Muddy boots" });
    expect(after.rating).not.toHaveProperty("low");

    const staff = (await (await get(world.dispatcher.cookie, world.job.id)).json()).data;
    expect(staff).toMatchObject({
      for: "staff",
      rating: { satisfaction: 2, recommend: 9, low: true },
      history: [{ id: earlier.id, title: "Furnace tune-up", rating: { satisfaction: 5, recommend: 10, low: false } }],
    });
    // A technician sees the rating of their job, not the customer's other jobs.
    const tech = (await (await get(world.technician.cookie, world.job.id)).json()).data;
    expect(tech).toMatchObject({ for: "staff", rating: { satisfaction: 2 }, history: [] });
  });

  it("keeps a low rating in front of the office until staff write to the homeowner after it", async () => {
    const db = getDb();
    await complete();
    const onBoard = async () => (await listJobs(db, world.dispatcher.actor)).find((job) => job.id === world.job.id);
    const waitingSince = async () =>
      (await db.job.findUniqueOrThrow({ where: { id: world.job.id } })).awaitingReplySince;
    expect(await onBoard()).toBeUndefined(); // completed, unrated: off the board
    const rated = await rateJob(db, world.homeowner.actor, rating(2, 3));
    expect(rated.job?.awaitingReplySince).toBeInstanceOf(Date);
    expect((await waitingSince())?.getTime()).toBe(rated.job?.awaitingReplySince?.getTime());
    const listed = await onBoard();
    expect(listed).toMatchObject({ status: "COMPLETED", rating: { satisfaction: 2, low: true } });
    expect(listed && ratingNeedsAttention(listed)).toBe(true);
    const [own] = await listJobs(db, world.homeowner.actor, { status: "all" });
    expect(own).not.toHaveProperty("rating");

    // An internal note, or the homeowner writing again, doesn't answer it.
    const say = (actor: typeof world.dispatcher.actor, body: string, visibility: "EVERYONE" | "STAFF" = "EVERYONE") =>
      sendMessage(db, actor, { jobId: world.job.id, clientId: crypto.randomUUID(), body, visibility });
    await say(world.dispatcher.actor, "Call her back", "STAFF");
    await say(world.homeowner.actor, "Also the boots");
    expect(await waitingSince()).not.toBeNull();

    await say(world.dispatcher.actor, "I'm sorry, Jordan. We'll make it right.");
    expect(await waitingSince()).toBeNull();
    expect(await onBoard()).toBeUndefined();
    const [after] = await listJobs(db, world.dispatcher.actor, { status: "all" });
    expect(after && ratingNeedsAttention(after)).toBe(false);
  });

  it("ends the wait it began when the rating is raised, but not a homeowner's message still waiting", async () => {
    const db = getDb();
    await complete();
    const waitingSince = async () =>
      (await db.job.findUniqueOrThrow({ where: { id: world.job.id } })).awaitingReplySince;
    await rateJob(db, world.homeowner.actor, rating(2, 3));
    expect(await waitingSince()).not.toBeNull();
    await rateJob(db, world.homeowner.actor, rating(5, 10));
    expect(await waitingSince()).toBeNull();

    await rateJob(db, world.homeowner.actor, rating(1, 0));
    await sendMessage(db, world.homeowner.actor, {
      jobId: world.job.id,
      clientId: crypto.randomUUID(),
      body: "And the boots on the carpet!",
      visibility: "EVERYONE",
    });
    await rateJob(db, world.homeowner.actor, rating(4, 8));
    expect(await waitingSince()).not.toBeNull();
  });

  it("limits how often a rating is changed, like messages", async () => {
    process.env.LIMIT_SENDS_PER_MINUTE = "3";
    await resetLimits();
    try {
      await complete();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await post(world.homeowner.cookie, world.job.id, rating(i % 2 ? 2 : 4, 5))).status);
      }
      expect(statuses.slice(0, 1)).toEqual([201]);
      expect(statuses).toContain(429);
      const refused = await post(world.homeowner.cookie, world.job.id, rating(3, 3));
      expect(await refused.json()).toMatchObject({ error: { code: "rate_limited" } });
    } finally {
      delete process.env.LIMIT_SENDS_PER_MINUTE;
      await resetLimits();
    }
  });

  it("starts no wait for a good rating", async () => {
    const db = getDb();
    await complete();
    const rated = await rateJob(db, world.homeowner.actor, rating(5, 9));
    expect(rated.job?.awaitingReplySince).toBeNull();
    expect((await db.job.findUniqueOrThrow({ where: { id: world.job.id } })).awaitingReplySince).toBeNull();
  });
});
