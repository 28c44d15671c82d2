// What the homeowner's page shows of who, when and what now: the technician
// once announced (with the bio staff edit), the time each step was reached.
import { beforeEach, describe, expect, it } from "vitest";
import { PUT as bioRoute } from "../../app/api/staff/[id]/bio/route.ts";
import { getDb } from "../../lib/db.ts";
import { assignTechnician } from "../../lib/jobs/assign-technician.ts";
import { listJobs } from "../../lib/jobs/list-jobs.ts";
import { transitionJob } from "../../lib/jobs/transition-job.ts";
import { listMessages } from "../../lib/messages/list-messages.ts";
import { checkJourney } from "../../server/workers/journey-checks.ts";
import { buildWorld, type World } from "../support/world.ts";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const homeownerView = async () => (await listMessages(getDb(), world.homeowner.actor, world.job.id, 0)).job;
const put = (cookie: string, userId: string, body: unknown) =>
  bioRoute(
    new Request("http://localhost:3000/x", {
      method: "PUT",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: userId }) },
  );

describe("the homeowner's view of the job", () => {
  it("shows the technician only once they were announced, with their bio and no staff id", async () => {
    await getDb().user.update({ where: { id: world.otherTechnician.id }, data: { bio: "Twelve years with boilers." } });
    expect((await homeownerView()).technician).toMatchObject({ name: "Sam Tech", id: "" });

    await assignTechnician(getDb(), world.dispatcher.actor, {
      jobId: world.job.id,
      technicianId: world.otherTechnician.id,
    });
    expect((await homeownerView()).technician).toBeNull();
    const [staffRow] = await listJobs(getDb(), world.dispatcher.actor);
    expect(staffRow?.technician).toMatchObject({ id: world.otherTechnician.id, name: "Riley Tech" });

    await checkJourney(getDb(), { graceMinutes: 5, settleSeconds: 60, now: () => new Date(Date.now() + 61_000) });
    expect((await homeownerView()).technician).toEqual({
      id: "",
      name: "Riley Tech",
      bio: "Twelve years with boilers.",
    });
  });

  it("records when each step was reached", async () => {
    const before = Date.now();
    await transitionJob(getDb(), world.technician.actor, { jobId: world.job.id, to: "EN_ROUTE" });
    await transitionJob(getDb(), world.technician.actor, { jobId: world.job.id, to: "ON_SITE" });
    const { steps, createdAt } = await homeownerView();
    expect(Object.keys(steps)).toEqual(["EN_ROUTE", "ON_SITE"]);
    for (const at of Object.values(steps)) expect(Date.parse(at)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(createdAt)).toBeLessThanOrEqual(Date.parse(steps.EN_ROUTE ?? ""));
  });
});

describe("technician bios", () => {
  it("are edited by the office or the technician, cleaned and capped", async () => {
    const ok = await put(world.dispatcher.cookie, world.technician.id, { bio: "  Gas heaters.\u0000  " });
    expect(await ok.json()).toEqual({ data: { bio: "Gas heaters." } });
    expect((await put(world.technician.cookie, world.technician.id, { bio: "My own words." })).status).toBe(200);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: world.technician.id } })).bio).toBe("My own words.");

    const refused = [
      [world.technician.cookie, world.otherTechnician.id, { bio: "x" }, 403],
      [world.technician.cookie, world.dispatcher.id, { bio: "x" }, 403],
      [world.foreignDispatcher.cookie, world.technician.id, { bio: "x" }, 404],
      [world.homeowner.cookie, world.technician.id, { bio: "x" }, 404],
      [world.dispatcher.cookie, world.technician.id, { bio: "x".repeat(281) }, 400],
      [world.dispatcher.cookie, world.technician.id, { bio: 5 }, 400],
    ] as const;
    for (const [cookie, userId, body, status] of refused) {
      const response = await put(cookie, userId, body);
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(status);
      expect(Object.keys(await response.json())).toEqual(["error"]);
    }
    expect((await getDb().user.findUniqueOrThrow({ where: { id: world.technician.id } })).bio).toBe("My own words.");
  });
});
