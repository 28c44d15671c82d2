// The board hears live when a homeowner writes on a finished job, and everyone
// in the thread follows a step back at once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db.ts";
import type { JobSummary } from "../../lib/jobs/job-view.ts";
import type { MessageView } from "../../lib/messages/message-view.ts";
import { createStaff } from "../../prisma/seed/factories.ts";
import { type Client, record, request, settle, startRealtime, until } from "../support/realtime.ts";
import { buildWorld, staffCookie, type World } from "../support/world.ts";

let world: World;
let realtime: Awaited<ReturnType<typeof startRealtime>>;
let homeowner: Client;
let technician: Client;
let board: Client;

beforeAll(async () => {
  process.env.BOARD_UPDATE_INTERVAL_MS = "100";
  world = await buildWorld();
  realtime = await startRealtime();
  const watcher = await createStaff(getDb(), { companyId: world.company.id, role: "DISPATCHER", name: "Wes Watch" });
  [homeowner, technician, board] = await Promise.all([
    realtime.client(world.homeowner.cookie),
    realtime.client(world.technician.cookie),
    realtime.client(await staffCookie(watcher.id)),
  ]);
  for (const socket of [homeowner, technician]) {
    expect(await request(socket, "thread:join", { jobId: world.job.id, afterSeq: 0 })).toHaveProperty("data");
  }
});

afterAll(async () => {
  await realtime.stop();
});

const transition = (socket: Client, payload: Record<string, unknown>) =>
  request(socket, "job:transition", { jobId: world.job.id, ...payload });

describe("needs reply, live", () => {
  it("brings a completed job back to the board when its homeowner writes, and off when staff answer", async () => {
    for (const to of ["EN_ROUTE", "ON_SITE"]) expect(await transition(technician, { to })).toHaveProperty("data");
    expect(
      await transition(technician, { to: "COMPLETED", summary: "Relit the pilot, replaced the thermocouple." }),
    ).toHaveProperty("data.status", "COMPLETED");

    const boardJobs = record<JobSummary>(board, "job:updated");
    const homeownerJobs = record<JobSummary>(homeowner, "job:updated");
    const body = "The water heater is leaking again after your visit!";
    expect(
      await request(homeowner, "message:send", { jobId: world.job.id, clientId: randomUUID(), body }),
    ).toHaveProperty("data.body", body);
    await until(() => boardJobs.some((job) => job.awaitingReplySince !== null), "the board to hear who waits");
    expect(boardJobs.at(-1)).toMatchObject({ status: "COMPLETED", lastMessage: { body } });

    const reply = { jobId: world.job.id, clientId: randomUUID(), body: "Sam will come back at 3 today." };
    expect(await request(technician, "message:send", reply)).toHaveProperty("data");
    await until(() => boardJobs.at(-1)?.awaitingReplySince === null, "the board to hear the answer");
    await settle();
    expect(homeownerJobs.every((job) => job.awaitingReplySince === null)).toBe(true);
  });

  it("takes a step back for everyone at once, and refuses it to the technician", async () => {
    const homeownerMessages = record<MessageView>(homeowner, "message:created");
    const homeownerJobs = record<JobSummary>(homeowner, "job:updated");
    const refused = await transition(technician, { to: "ON_SITE", reason: "oops" });
    expect(refused).toMatchObject({ error: { code: "forbidden" } });

    const dispatcher = await realtime.client(world.dispatcher.cookie);
    const noReason = await transition(dispatcher, { to: "ON_SITE" });
    expect(noReason).toMatchObject({ error: { code: "bad_request" } });
    const tooLong = await transition(dispatcher, { to: "ON_SITE", reason: "x".repeat(301) });
    expect(tooLong).toMatchObject({ error: { code: "bad_request" } });

    const back = await transition(dispatcher, { to: "ON_SITE", reason: "Sam is still on site." });
    expect(back).toHaveProperty("data.status", "ON_SITE");
    await until(() => homeownerJobs.some((job) => job.status === "ON_SITE"), "the homeowner's status line");
    expect(homeownerMessages.map((message) => message.body)).toEqual([
      "The job is back to “On site”. Why: Sam is still on site.",
    ]);
  });
});
