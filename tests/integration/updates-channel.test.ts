// How the homeowner hears of their job: they choose; staff see the choice
// and how the newest text or email went, and why one failed.
import { beforeEach, describe, expect, it } from "vitest";
import { GET, PUT } from "../../app/api/jobs/[id]/channel/route.ts";
import { getDb } from "../../lib/db.ts";
import { scheduleVisit } from "../../lib/scheduling/schedule-visit.ts";
import { openJob } from "../support/open-job.ts";
import { buildWorld, homeownerCookie, type World } from "../support/world.ts";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (cookie: string, jobId: string) =>
  GET(new Request("http://localhost:3000/x", { headers: { cookie } }), params(jobId));
const put = (cookie: string, jobId: string, body: unknown) =>
  PUT(
    new Request("http://localhost:3000/x", {
      method: "PUT",
      headers: { cookie, "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify(body),
    }),
    params(jobId),
  );
const windowAhead = () => ({
  windowStart: new Date(Date.now() + 2 * 3_600_000).toISOString(),
  windowEnd: new Date(Date.now() + 4 * 3_600_000).toISOString(),
});

describe("the homeowner's channel", () => {
  it("is theirs to change, among the ways there is an address for; later steps follow it", async () => {
    const job = await openJob(world, "SMS", { phone: "5550102233", email: "jordan@home.test" });
    const cookie = await homeownerCookie(job.id);

    const mine = (await (await get(cookie, job.id)).json()).data;
    expect(mine).toEqual({
      name: "Jordan Home",
      channel: "SMS",
      available: ["WEB", "SMS", "EMAIL"],
      optedOut: false,
      phone: "•••2233",
      email: "j•••@home.test",
      last: null,
    });

    const changed = await put(cookie, job.id, { channel: "EMAIL" });
    expect(changed.status).toBe(200);
    expect((await changed.json()).data.channel).toBe("EMAIL");
    await scheduleVisit(getDb(), world.dispatcher.actor, { jobId: job.id, ...windowAhead() });
    const step = await getDb().notification.findFirst({ where: { jobId: job.id, kind: "STEP" } });
    expect(step).toMatchObject({ channel: "EMAIL", to: "jordan@home.test" });
    // And their next job starts with it.
    const customer = await getDb().customer.findFirst({ where: { jobs: { some: { id: job.id } } } });
    expect(customer?.preferredChannel).toBe("EMAIL");
  });

  it("can't be a channel with no address, texts to a number that sent STOP, or anything from staff", async () => {
    const job = await openJob(world, "EMAIL", { phone: null, email: "jordan@home.test" });
    const cookie = await homeownerCookie(job.id);
    const noPhone = await put(cookie, job.id, { channel: "SMS" });
    expect(noPhone.status).toBe(409);
    expect((await noPhone.json()).error.message).toBe(
      "We don't have a phone number for you. Ask the office to add it.",
    );

    const texting = await openJob(world, "EMAIL", { phone: "5550104444", email: null });
    await getDb().smsOptOut.create({ data: { phone: "+15550104444" } });
    const texter = await homeownerCookie(texting.id);
    expect((await (await get(texter, texting.id)).json()).data.optedOut).toBe(true);
    const stopped = await put(texter, texting.id, { channel: "SMS" });
    expect(stopped.status).toBe(409);
    expect((await stopped.json()).error.message).toMatch(/^You texted STOP/);

    expect((await put(world.dispatcher.cookie, job.id, { channel: "WEB" })).status).toBe(403);
    expect((await put(cookie, job.id, { channel: "PIGEON" })).status).toBe(400);
    const participant = await getDb().participant.findFirst({ where: { jobId: job.id, role: "HOMEOWNER" } });
    expect(participant?.channel).toBe("EMAIL");
  });
});

describe("staff", () => {
  it("see the full address and how the newest notification went, a failure with its reason", async () => {
    const job = await openJob(world, "SMS");
    await getDb().notification.updateMany({
      where: { jobId: job.id },
      data: { state: "FAILED", lastError: "number unreachable", attempts: 8 },
    });
    const seen = (await (await get(world.dispatcher.cookie, job.id)).json()).data;
    expect(seen).toMatchObject({
      channel: "SMS",
      phone: "5550102233",
      email: "jordan@home.test",
      last: { kind: "JOB_LINK", channel: "SMS", to: "5550102233", state: "FAILED", reason: "number unreachable" },
    });
    // The homeowner is not shown delivery details, nor another company.
    expect((await (await get(await homeownerCookie(job.id), job.id)).json()).data.last).toBeNull();
    expect((await get(world.foreignDispatcher.cookie, job.id)).status).toBe(404);
  });
});
