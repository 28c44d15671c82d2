import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db.ts";
import { transitionJob } from "../../lib/jobs/transition-job.ts";
import { listMessages } from "../../lib/messages/list-messages.ts";
import { sendMessage } from "../../lib/messages/send-message.ts";
import { buildWorld, type World } from "../support/world.ts";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const job = () => getDb().job.findUniqueOrThrow({ where: { id: world.job.id } });

describe("transitionJob on a real database", () => {
  it("moves a job along and writes one STATUS entry per change that everyone sees", async () => {
    const db = getDb();
    const to = ["EN_ROUTE", "ON_SITE", "COMPLETED"] as const;
    for (const status of to) await transitionJob(db, world.technician.actor, { jobId: world.job.id, to: status });
    const page = await listMessages(db, world.homeowner.actor, world.job.id, 0);
    expect(page.messages.map((m) => [m.kind, m.body])).toEqual([
      ["STATUS", "Sam Tech is on the way."],
      ["STATUS", "Sam Tech has arrived."],
      ["STATUS", "The job is complete."],
    ]);
    expect((await job()).status).toBe("COMPLETED");
    expect((await job()).lastSeq).toBe(3);
  });

  it("refuses illegal transitions with a clear error and changes nothing", async () => {
    const attempt = transitionJob(getDb(), world.dispatcher.actor, { jobId: world.job.id, to: "COMPLETED" });
    await expect(attempt).rejects.toMatchObject({
      code: "conflict",
      message: "A job that is scheduled can't be moved to completed.",
    });
    expect(await job()).toMatchObject({ status: "SCHEDULED", lastSeq: 0 });
  });

  it("takes a tap sent again with its clientId once, even after the job has moved on", async () => {
    const db = getDb();
    const onMyWay = { jobId: world.job.id, to: "EN_ROUTE", clientId: "tap-on-my-way-1" } as const;
    const first = await transitionJob(db, world.technician.actor, onMyWay);
    expect(first.message).toMatchObject({ kind: "STATUS", clientId: "tap-on-my-way-1" });
    await transitionJob(db, world.technician.actor, { jobId: world.job.id, to: "ON_SITE" });
    // The first answer was lost and the phone sends the tap again: done already, nothing new.
    const again = await transitionJob(db, world.technician.actor, onMyWay);
    expect(again.message).toBeNull();
    expect(again.job.status).toBe("ON_SITE");
    // A new tap for a step the job is past is refused, plainly (going back is the office's).
    await expect(
      transitionJob(db, world.technician.actor, { ...onMyWay, clientId: "tap-on-my-way-2" }),
    ).rejects.toMatchObject({ code: "forbidden", message: "Only a dispatcher can take a status step back." });
    const page = await listMessages(db, world.dispatcher.actor, world.job.id, 0);
    expect(page.messages.map((m) => m.body)).toEqual(["Sam Tech is on the way.", "Sam Tech has arrived."]);
  });

  it("lets the dispatcher cancel but not the technician or the homeowner", async () => {
    const db = getDb();
    await expect(
      transitionJob(db, world.technician.actor, { jobId: world.job.id, to: "CANCELED" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      transitionJob(db, world.homeowner.actor, { jobId: world.job.id, to: "EN_ROUTE" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await transitionJob(db, world.dispatcher.actor, { jobId: world.job.id, to: "CANCELED" });
    expect((await job()).status).toBe("CANCELED");
  });

  it("commits the status and its thread entry together or not at all", async () => {
    const db = getDb();
    // Occupy the seq the STATUS entry will take, so its insert fails after the job was updated.
    await db.message.create({
      data: { jobId: world.job.id, seq: 1, clientId: "in-the-way", body: "in the way", kind: "SYSTEM" },
    });
    await expect(
      transitionJob(db, world.technician.actor, { jobId: world.job.id, to: "EN_ROUTE" }),
    ).rejects.toMatchObject({ code: "23505" }); // unique_violation, from inside the database function
    expect(await job()).toMatchObject({ status: "SCHEDULED", lastSeq: 0 });
    expect(await db.message.count({ where: { jobId: world.job.id, kind: "STATUS" } })).toBe(0);
  });

  it("cannot be blocked by a client that picks the ids of entries to come", async () => {
    const db = getDb();
    for (const clientId of ["status-2", "status_2", "system-2", "server-status-2"]) {
      await sendMessage(db, world.homeowner.actor, {
        jobId: world.job.id,
        clientId,
        body: "hi",
        visibility: "EVERYONE",
      });
    }
    const { job: moved, message } = await transitionJob(db, world.technician.actor, {
      jobId: world.job.id,
      to: "EN_ROUTE",
    });
    expect(moved.status).toBe("EN_ROUTE");
    expect(message?.seq).toBe(5);
  });

  it("serialises racing changes: of two identical transitions one writes, the other finds it done", async () => {
    const db = getDb();
    const results = await Promise.all([
      transitionJob(db, world.technician.actor, { jobId: world.job.id, to: "EN_ROUTE" }),
      transitionJob(db, world.dispatcher.actor, { jobId: world.job.id, to: "EN_ROUTE" }),
    ]);
    expect(results.filter((r) => r.message !== null)).toHaveLength(1);
    expect(results.map((r) => r.job.status)).toEqual(["EN_ROUTE", "EN_ROUTE"]);
    expect(await db.message.count({ where: { jobId: world.job.id, kind: "STATUS" } })).toBe(1);
  });

  it("takes a retried tap as done, keeps an ETA only for the trip, and answers a homeowner's step back with forbidden", async () => {
    const db = getDb();
    await transitionJob(db, world.technician.actor, { jobId: world.job.id, to: "EN_ROUTE" });
    const eta = new Date(Date.now() + 1_800_000).toISOString();
    const arrived = await transitionJob(db, world.technician.actor, { jobId: world.job.id, to: "ON_SITE", eta });
    expect(arrived.job.eta).toBeNull();
    const again = await transitionJob(db, world.technician.actor, { jobId: world.job.id, to: "ON_SITE" });
    expect(again).toMatchObject({ message: null, job: { status: "ON_SITE" } });
    expect(await db.message.count({ where: { jobId: world.job.id } })).toBe(2);
    await expect(
      transitionJob(db, world.homeowner.actor, { jobId: world.job.id, to: "EN_ROUTE", reason: "x" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      transitionJob(db, world.technician.actor, { jobId: world.job.id, to: "SCHEDULED" }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("schedules through a transition only for the office, and only with a window still ahead", async () => {
    const db = getDb();
    await db.job.update({ where: { id: world.job.id }, data: { status: "REQUESTED" } });
    await expect(
      transitionJob(db, world.technician.actor, { jobId: world.job.id, to: "SCHEDULED" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      transitionJob(db, world.dispatcher.actor, { jobId: world.job.id, to: "SCHEDULED" }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: "Pick the visit's window first: the homeowner needs to know when.",
    });
    await db.job.update({
      where: { id: world.job.id },
      data: { windowStart: new Date(Date.now() + 3_600_000), windowEnd: new Date(Date.now() + 7_200_000) },
    });
    const scheduled = await transitionJob(db, world.dispatcher.actor, { jobId: world.job.id, to: "SCHEDULED" });
    expect(scheduled.job.status).toBe("SCHEDULED");
  });
});
