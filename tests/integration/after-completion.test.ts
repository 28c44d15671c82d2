// After "Job complete" nothing goes dark: a homeowner who writes again puts the
// job back in front of the staff until someone answers; closed jobs can be
// found again; a mistaken step can be taken back, with a reason.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db.ts";
import { listJobs } from "../../lib/jobs/list-jobs.ts";
import { transitionJob } from "../../lib/jobs/transition-job.ts";
import { listMessages } from "../../lib/messages/list-messages.ts";
import { sendMessage } from "../../lib/messages/send-message.ts";
import { createCustomer, createJob } from "../../prisma/seed/factories.ts";
import { buildWorld, type Person, type World } from "../support/world.ts";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const say = (person: Person, body: string, visibility: "EVERYONE" | "STAFF" = "EVERYONE") =>
  sendMessage(getDb(), person.actor, { jobId: world.job.id, clientId: randomUUID(), body, visibility });

async function complete(summary?: string) {
  for (const to of ["EN_ROUTE", "ON_SITE", "COMPLETED"] as const) {
    await transitionJob(getDb(), world.technician.actor, {
      jobId: world.job.id,
      to,
      ...(to === "COMPLETED" ? { summary } : {}),
    });
  }
}

const liveIds = async (person: Person) => (await listJobs(getDb(), person.actor)).map((job) => job.id);
const waitingSince = async () =>
  (await getDb().job.findUniqueOrThrow({ where: { id: world.job.id } })).awaitingReplySince;

describe("a homeowner who writes after the job is done", () => {
  it("puts the job back on the board and the technician's list until staff answer", async () => {
    await complete();
    expect(await liveIds(world.dispatcher)).not.toContain(world.job.id);
    expect(await liveIds(world.technician)).not.toContain(world.job.id);

    await say(world.homeowner, "The water heater is leaking again after your visit!");
    const since = await waitingSince();
    expect(since).toBeInstanceOf(Date);
    const [onBoard] = (await listJobs(getDb(), world.dispatcher.actor)).filter((job) => job.id === world.job.id);
    expect(onBoard).toMatchObject({ status: "COMPLETED", awaitingReplySince: since?.toISOString() });
    expect(await liveIds(world.technician)).toContain(world.job.id);
    // Another technician never sees it; the homeowner's own view carries no staff flag.
    expect(await liveIds(world.otherTechnician)).not.toContain(world.job.id);
    expect((await listJobs(getDb(), world.homeowner.actor))[0]?.awaitingReplySince).toBeNull();

    // A second message keeps the first one's waiting time; an internal note answers nobody.
    await say(world.homeowner, "It's dripping on the floor.");
    await say(world.dispatcher, "Sam, can you go back today?", "STAFF");
    expect(await waitingSince()).toEqual(since);
    expect(await liveIds(world.dispatcher)).toContain(world.job.id);

    await say(world.technician, "I'll be there at 3 to look at it.");
    expect(await waitingSince()).toBeNull();
    expect(await liveIds(world.dispatcher)).not.toContain(world.job.id);
    expect(await liveIds(world.technician)).not.toContain(world.job.id);
  });

  it("works the same on a canceled job", async () => {
    await transitionJob(getDb(), world.dispatcher.actor, { jobId: world.job.id, to: "CANCELED" });
    await say(world.homeowner, "Why was my visit canceled?");
    expect(await liveIds(world.dispatcher)).toContain(world.job.id);
  });
});

describe("closed jobs", () => {
  it("are listed newest first and found by name, phone, address or job number", async () => {
    const db = getDb();
    const priya = await createCustomer(db, {
      companyId: world.company.id,
      name: "Priya Shah",
      phone: "+1 (555) 010-2233",
      address: "8 Willow Road",
    });
    const furnace = await createJob(db, {
      companyId: world.company.id,
      customerId: priya.id,
      technicianId: world.otherTechnician.id,
      status: "COMPLETED",
      title: "Furnace tune-up",
    });
    await complete();
    const closed = (person: Person, q?: string) =>
      listJobs(db, person.actor, { status: "closed", ...(q === undefined ? {} : { q }) }).then((jobs) =>
        jobs.map((job) => job.title),
      );

    expect(await closed(world.dispatcher)).toEqual(["Leaking kitchen faucet", "Furnace tune-up"]);
    expect(await closed(world.dispatcher, "priya")).toEqual(["Furnace tune-up"]);
    expect(await closed(world.dispatcher, "555-010-2233")).toEqual(["Furnace tune-up"]);
    expect(await closed(world.dispatcher, "5550102233")).toEqual(["Furnace tune-up"]);
    expect(await closed(world.dispatcher, "willow")).toEqual(["Furnace tune-up"]);
    expect(await closed(world.dispatcher, `#${furnace.number}`)).toEqual(["Furnace tune-up"]);
    expect(await closed(world.dispatcher, String(world.job.number))).toEqual(["Leaking kitchen faucet"]);
    expect(await closed(world.dispatcher, "%")).toEqual([]);
    // A technician finds only jobs that were theirs; another company finds nothing.
    expect(await closed(world.technician, "priya")).toEqual([]);
    expect(await closed(world.otherTechnician, "priya")).toEqual(["Furnace tune-up"]);
    expect(await closed(world.foreignDispatcher, "priya")).toEqual([]);
    expect(await closed(world.foreignDispatcher)).toEqual([]);
  });
});

describe("the work summary", () => {
  it("goes into the thread with Job complete", async () => {
    await complete("Replaced the thermocouple and tested three cycles.");
    const page = await listMessages(getDb(), world.homeowner.actor, world.job.id, 0);
    expect(page.messages.at(-1)?.body).toBe(
      "The job is complete.\nWork done: Replaced the thermocouple and tested three cycles.",
    );
  });
});

describe("taking a status step back", () => {
  it("moves a mistaken completion back to on site, with the reason in the thread for everyone", async () => {
    await complete();
    const { job, message } = await transitionJob(getDb(), world.dispatcher.actor, {
      jobId: world.job.id,
      to: "ON_SITE",
      reason: "Sam is still working on the heater.",
    });
    expect(job.status).toBe("ON_SITE");
    expect(message).toMatchObject({
      kind: "STATUS",
      visibility: "EVERYONE",
      body: "The job is back to “On site”. Why: Sam is still working on the heater.",
      author: { role: "DISPATCHER", name: "Dana Dispatch" },
    });
    const page = await listMessages(getDb(), world.homeowner.actor, world.job.id, 0);
    expect(page.messages.at(-1)?.body).toContain("Sam is still working on the heater.");
    expect(await liveIds(world.technician)).toContain(world.job.id);
  });

  it("is the office's call, needs a reason, and goes one step only", async () => {
    const db = getDb();
    await complete();
    const before = await db.job.findUniqueOrThrow({ where: { id: world.job.id } });
    await expect(
      transitionJob(db, world.technician.actor, { jobId: world.job.id, to: "ON_SITE", reason: "oops" }),
    ).rejects.toMatchObject({ code: "forbidden", message: "Only a dispatcher can take a status step back." });
    await expect(
      transitionJob(db, world.homeowner.actor, { jobId: world.job.id, to: "ON_SITE", reason: "oops" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      transitionJob(db, world.dispatcher.actor, { jobId: world.job.id, to: "ON_SITE" }),
    ).rejects.toMatchObject({ code: "bad_request" });
    await expect(
      transitionJob(db, world.dispatcher.actor, { jobId: world.job.id, to: "SCHEDULED", reason: "two steps" }),
    ).rejects.toMatchObject({ code: "conflict", message: "A job that is completed can't be moved to scheduled." });
    await expect(
      transitionJob(db, world.foreignDispatcher.actor, { jobId: world.job.id, to: "ON_SITE", reason: "x" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await db.job.findUniqueOrThrow({ where: { id: world.job.id } })).toMatchObject({
      status: "COMPLETED",
      lastSeq: before.lastSeq,
    });
  });

  it("reopens a canceled job as requested, or as scheduled when it has a window", async () => {
    const db = getDb();
    await transitionJob(db, world.dispatcher.actor, { jobId: world.job.id, to: "CANCELED" });
    const reopened = await transitionJob(db, world.dispatcher.actor, {
      jobId: world.job.id,
      to: "REQUESTED",
      reason: "The customer called back: they still need us.",
    });
    expect(reopened.job.status).toBe("REQUESTED");
    await db.job.update({
      where: { id: world.job.id },
      data: { status: "CANCELED", windowStart: new Date(), windowEnd: new Date(Date.now() + 7_200_000) },
    });
    await expect(
      transitionJob(db, world.dispatcher.actor, { jobId: world.job.id, to: "REQUESTED", reason: "x" }),
    ).rejects.toMatchObject({ code: "conflict" });
    const scheduled = await transitionJob(db, world.dispatcher.actor, {
      jobId: world.job.id,
      to: "SCHEDULED",
      reason: "Back on the calendar.",
    });
    expect(scheduled.job.status).toBe("SCHEDULED");
  });
});
