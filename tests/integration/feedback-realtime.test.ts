import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as feedbackPost } from "../../app/api/jobs/[id]/feedback/route.ts";
import { getDb } from "../../lib/db.ts";
import type { JobSummary } from "../../lib/jobs/job-view.ts";
import { transitionJob } from "../../lib/jobs/transition-job.ts";
import type { MessageView } from "../../lib/messages/message-view.ts";
import { type Client, record, request, settle, startRealtime, until } from "../support/realtime.ts";
import { buildWorld, type World } from "../support/world.ts";

let world: World;
let realtime: Awaited<ReturnType<typeof startRealtime>>;
let homeowner: Client;
let technician: Client;
let board: Client;
let foreignBoard: Client;

beforeAll(async () => {
  world = await buildWorld();
  for (const to of ["EN_ROUTE", "ON_SITE", "COMPLETED"] as const)
    await transitionJob(getDb(), world.technician.actor, { jobId: world.job.id, to });
  realtime = await startRealtime();
  [homeowner, technician, board, foreignBoard] = await Promise.all([
    realtime.client(world.homeowner.cookie),
    realtime.client(world.technician.cookie),
    // A dispatcher with the board open: in the company room, no thread joined.
    realtime.client(world.dispatcher.cookie),
    realtime.client(world.foreignDispatcher.cookie),
  ]);
  for (const socket of [homeowner, technician]) {
    expect(await request(socket, "thread:join", { jobId: world.job.id, afterSeq: 0 })).toHaveProperty("data");
  }
});

afterAll(async () => {
  await realtime.stop();
});

const rate = (body: unknown) =>
  feedbackPost(
    new Request("http://localhost:3000/x", {
      method: "POST",
      headers: { cookie: world.homeowner.cookie, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: world.job.id }) },
  );

describe("a rating over Socket.IO", () => {
  it("raises the low-rating alert on the board and never shows the homeowner the staff-only entry", async () => {
    const atBoard = record<JobSummary>(board, "job:updated");
    const atForeignBoard = record<JobSummary>(foreignBoard, "job:updated");
    const boardMessages = record<MessageView>(board, "message:created");
    const techMessages = record<MessageView>(technician, "message:created");
    const techJobs = record<JobSummary>(technician, "job:updated");
    const homeMessages = record<MessageView>(homeowner, "message:created");
    const homeJobs = record<JobSummary>(homeowner, "job:updated");

    const response = await rate({ satisfaction: 2, recommend: 3, comment: "Tracked mud everywhere" });
    expect(response.status).toBe(201);

    await until(() => atBoard.some((job) => job.rating), "the rating at the board");
    const alert = atBoard.find((job) => job.rating);
    expect(alert).toMatchObject({
      id: world.job.id,
      status: "COMPLETED",
      rating: { satisfaction: 2, recommend: 3, comment: "Tracked mud everywhere", low: true },
    });
    expect(alert?.awaitingReplySince).not.toBeNull();
    // The technician with the thread open hears the entry and the rating.
    await until(() => techMessages.length === 1 && techJobs.some((job) => job.rating), "the entry at the technician");
    expect(techMessages[0]).toMatchObject({
      kind: "SYSTEM",
      visibility: "STAFF",
      body: "Jordan Home rated the visit 2/5 · would recommend 3/10: “Tracked mud everywhere”",
    });
    expect(alert?.rating?.seq).toBe(techMessages[0]?.seq);

    await settle();
    // A board doesn't get message bodies of threads it hasn't opened; another company hears nothing.
    expect(boardMessages).toHaveLength(0);
    expect(atForeignBoard).toHaveLength(0);
    // The homeowner: no staff-only entry, no rating summary, no trace of the office's view of it.
    expect(homeMessages).toHaveLength(0);
    expect(homeJobs.filter((job) => "rating" in job)).toHaveLength(0);
    const page = await request(homeowner, "thread:join", { jobId: world.job.id, afterSeq: 0 });
    const seen = (page.data as { messages: MessageView[] }).messages;
    expect(seen.map((m) => m.visibility)).not.toContain("STAFF");
    expect(JSON.stringify(page.data)).not.toContain("rated the visit");
  });

  it("carries a changed rating to the board, the alert lifted when it is no longer low", async () => {
    const atBoard = record<JobSummary>(board, "job:updated");
    const homeMessages = record<MessageView>(homeowner, "message:created");
    expect((await rate({ satisfaction: 5, recommend: 9 })).status).toBe(200);
    await until(() => atBoard.some((job) => job.rating), "the changed rating at the board");
    expect(atBoard.find((job) => job.rating)?.rating).toMatchObject({ satisfaction: 5, recommend: 9, low: false });
    await settle();
    expect(homeMessages).toHaveLength(0);
  });
});
