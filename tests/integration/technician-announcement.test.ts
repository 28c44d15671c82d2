// The homeowner hears one statement of who is coming, once the office's
// choice has settled; staff see every change at once.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db.ts";
import { assignTechnician } from "../../lib/jobs/assign-technician.ts";
import { transitionJob } from "../../lib/jobs/transition-job.ts";
import { listMessages } from "../../lib/messages/list-messages.ts";
import { createJob } from "../../prisma/seed/factories.ts";
import { checkJourney } from "../../server/workers/journey-checks.ts";
import { buildWorld, type World } from "../support/world.ts";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const SECOND = 1000;
const announce = async (secondsFromNow: number) =>
  (
    await checkJourney(getDb(), {
      graceMinutes: 5,
      settleSeconds: 60,
      now: () => new Date(Date.now() + secondsFromNow * SECOND),
    })
  ).announced;
const assign = (technicianId: string | null, jobId = world.job.id) =>
  assignTechnician(getDb(), world.dispatcher.actor, { jobId, technicianId });
const bodies = async (who: "homeowner" | "dispatcher", jobId = world.job.id) =>
  (await listMessages(getDb(), world[who].actor, jobId, 0)).messages.map((m) => m.body);

describe("who is coming", () => {
  it("reaches the homeowner as one statement after the shuffling stops", async () => {
    await assign(world.otherTechnician.id);
    await assign(world.technician.id);
    await assign(world.otherTechnician.id);
    expect(await bodies("dispatcher")).toEqual([
      "Dana Dispatch assigned Riley Tech.",
      "Dana Dispatch assigned Sam Tech.",
      "Dana Dispatch assigned Riley Tech.",
    ]);
    expect(await bodies("homeowner")).toEqual([]);

    expect(await announce(30)).toHaveLength(0);
    const [said] = await announce(61);
    expect(said?.message).toMatchObject({
      kind: "SYSTEM",
      visibility: "EVERYONE",
      author: null,
      body: "Change of plan: Riley Tech will be your technician.",
    });
    expect(await announce(600)).toHaveLength(0);
    expect(await bodies("homeowner")).toEqual(["Change of plan: Riley Tech will be your technician."]);
  });

  it("says nothing when the shuffle ends where it began", async () => {
    await assign(world.otherTechnician.id);
    await assign(world.technician.id);
    expect(await announce(120)).toHaveLength(0);
    expect(await bodies("homeowner")).toEqual([]);
  });

  it("names the first technician of a new job, and says when nobody is assigned any more", async () => {
    const fresh = await createJob(getDb(), { companyId: world.company.id, customerId: world.customer.id });
    await assign(world.technician.id, fresh.id);
    await announce(61);
    await assign(null);
    await announce(61);
    const [first] = (await listMessages(getDb(), world.dispatcher.actor, fresh.id, 0)).messages.filter(
      (m) => m.visibility === "EVERYONE",
    );
    expect(first?.body).toBe("Sam Tech will be your technician.");
    expect(await bodies("homeowner")).toEqual(["We're arranging a new technician for your visit."]);
  });

  it("leaves it to 'on the way' when the technician sets off before it settles", async () => {
    await assign(world.otherTechnician.id);
    await transitionJob(getDb(), world.otherTechnician.actor, { jobId: world.job.id, to: "EN_ROUTE" });
    expect(await announce(120)).toHaveLength(0);
    expect(await bodies("homeowner")).toEqual(["Riley Tech is on the way."]);
  });
});
