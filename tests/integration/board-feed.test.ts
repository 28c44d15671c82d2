// Boards hear of every job change, coalesced per job, and end at the true
// newest state; homeowners never hear a note or a staff summary.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db.ts";
import type { JobSummary } from "../../lib/jobs/job-view.ts";
import { resetLimits } from "../../lib/limits/limits.ts";
import type { MessageView } from "../../lib/messages/message-view.ts";
import { createStaff } from "../../prisma/seed/factories.ts";
import { type Client, record, request, settle, startRealtime, until } from "../support/realtime.ts";
import { buildWorld, staffCookie, type World } from "../support/world.ts";

const INTERVAL_MS = 300;
const BURST = 60;

let world: World;
let realtime: Awaited<ReturnType<typeof startRealtime>>;
let homeowner: Client;
let technician: Client;
let dispatcher: Client;
let board: Client;

beforeAll(async () => {
  process.env.BOARD_UPDATE_INTERVAL_MS = String(INTERVAL_MS);
  process.env.LIMIT_SENDS_PER_MINUTE = "100000";
  process.env.LIMIT_EVENTS_PER_SECOND = "100000";
  await resetLimits();
  world = await buildWorld();
  realtime = await startRealtime();
  // A second dispatcher who only watches the board: in the company room, in no thread.
  const watcher = await createStaff(getDb(), { companyId: world.company.id, role: "DISPATCHER", name: "Wes Watch" });
  [homeowner, technician, dispatcher, board] = await Promise.all([
    realtime.client(world.homeowner.cookie),
    realtime.client(world.technician.cookie),
    realtime.client(world.dispatcher.cookie),
    realtime.client(await staffCookie(watcher.id)),
  ]);
  for (const socket of [homeowner, technician, dispatcher]) {
    expect(await request(socket, "thread:join", { jobId: world.job.id, afterSeq: 0 })).toHaveProperty("data");
  }
});

afterAll(async () => {
  await realtime.stop();
});

const send = (socket: Client, body: string, visibility: "EVERYONE" | "STAFF" = "EVERYONE") =>
  request(socket, "message:send", { jobId: world.job.id, clientId: randomUUID(), body, visibility });

describe("board summaries", () => {
  it("coalesce a busy thread per job and end at its true newest state", async () => {
    const summaries = record<JobSummary>(board, "job:updated");
    const atBoard = record<MessageView>(board, "message:created");
    const started = Date.now();
    const acks = await Promise.all(Array.from({ length: BURST }, (_, i) => send(homeowner, `burst ${i}`)));
    expect(acks.every((ack) => ack.data)).toBe(true);
    const last = await getDb().job.findUniqueOrThrow({ where: { id: world.job.id }, select: { lastSeq: true } });

    await until(() => summaries.at(-1)?.lastSeq === last.lastSeq, "the newest state on the board", 10_000);
    const elapsed = Date.now() - started;
    await settle(INTERVAL_MS * 2);
    const newest = summaries.at(-1);
    expect(newest).toMatchObject({ id: world.job.id, lastSeq: last.lastSeq, lastMessage: { seq: last.lastSeq } });
    // At most one summary per interval (plus the first, sent at once), never a step back.
    expect(summaries.length).toBeLessThan(BURST);
    expect(summaries.length).toBeLessThanOrEqual(Math.ceil(elapsed / INTERVAL_MS) + 1);
    const seqs = summaries.map((s) => s.lastSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    // The board's socket is in no thread: it gets summaries, not every message body.
    expect(atBoard).toEqual([]);
  });

  it("tell boards about a note and a status change, and homeowners about neither the note nor staff details", async () => {
    const atHomeowner = record<MessageView>(homeowner, "message:created");
    const homeownerJobs = record<JobSummary>(homeowner, "job:updated");
    const summaries = record<JobSummary>(board, "job:updated");
    const note = await send(technician, "Gate code 4411, dog is friendly", "STAFF");
    const noteSeq = (note.data as MessageView).seq;
    await until(() => summaries.some((s) => s.lastMessage?.body.includes("4411")), "the note on the board");

    const moved = await request(dispatcher, "job:transition", { jobId: world.job.id, to: "EN_ROUTE" });
    expect(moved).toHaveProperty("data");
    await until(() => summaries.at(-1)?.status === "EN_ROUTE", "the status on the board");
    await until(() => homeownerJobs.some((s) => s.status === "EN_ROUTE"), "the status at the homeowner");
    await settle(INTERVAL_MS * 2);

    expect(summaries.at(-1)).toMatchObject({ status: "EN_ROUTE", lastSeq: noteSeq + 1 });
    expect(atHomeowner.map((m) => m.kind)).toEqual(["STATUS"]);
    for (const summary of homeownerJobs) {
      expect(summary.lastMessage).toBeUndefined();
      expect(summary.technician?.id).toBe("");
      expect(summary.lastSeq).not.toBe(noteSeq);
    }
    expect(JSON.stringify(homeownerJobs)).not.toContain("4411");
  });
});
