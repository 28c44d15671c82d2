import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db.ts";
import { AppError } from "../../lib/errors.ts";
import { listJobs } from "../../lib/jobs/list-jobs.ts";
import { listMessages } from "../../lib/messages/list-messages.ts";
import { sendMessageInputSchema } from "../../lib/messages/schemas.ts";
import { sendMessage } from "../../lib/messages/send-message.ts";
import { buildWorld, type World } from "../support/world.ts";

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

const input = (body: string, extra: Record<string, unknown> = {}) =>
  sendMessageInputSchema.parse({ jobId: world.job.id, clientId: randomUUID(), body, ...extra });

describe("sendMessage on a real database", () => {
  it("gives concurrent sends to one job distinct, gapless seqs", async () => {
    const db = getDb();
    const before = (await db.job.findUniqueOrThrow({ where: { id: world.job.id } })).lastSeq;
    const senders = [world.homeowner, world.technician, world.dispatcher];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => sendMessage(db, senders[i % 3]!.actor, input(`message ${i}`))),
    );
    const seqs = results.map((r) => r.message.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => before + i + 1));
    const job = await db.job.findUniqueOrThrow({ where: { id: world.job.id } });
    expect(job.lastSeq).toBe(before + 30);
    expect(await db.message.count({ where: { jobId: world.job.id } })).toBe(job.lastSeq);
  });

  it("stores a repeated clientId once and returns the same message", async () => {
    const db = getDb();
    const first = input("only once");
    // Racing copies (a resend while the first is still in flight): one row, one "created".
    const racing = await Promise.all([1, 2, 3].map(() => sendMessage(db, world.homeowner.actor, first)));
    expect(new Set(racing.map((r) => r.message.id)).size).toBe(1);
    expect(racing.filter((r) => r.created)).toHaveLength(1);
    // A later retry, even with other text, gets the stored message back.
    const retry = await sendMessage(db, world.homeowner.actor, { ...first, body: "a retry with other text" });
    expect(retry).toMatchObject({ created: false, message: { id: racing[0]?.message.id, body: "only once" } });
    expect(await db.message.count({ where: { jobId: world.job.id, clientId: first.clientId } })).toBe(1);
  });

  it("answers a resend only in a job the sender may still see", async () => {
    const db = getDb();
    const mine = input("I'll bring the part");
    await sendMessage(db, world.technician.actor, mine);
    // Another company's dispatcher probing that id learns nothing: the same 404 as any unknown job.
    await expect(sendMessage(db, world.foreignDispatcher.actor, mine)).rejects.toMatchObject({ code: "not_found" });
    // The job goes to someone else: the old technician's resend is refused like any other write.
    await db.job.update({ where: { id: world.job.id }, data: { technicianId: world.otherTechnician.id } });
    try {
      await expect(sendMessage(db, world.technician.actor, mine)).rejects.toMatchObject({ code: "not_found" });
    } finally {
      await db.job.update({ where: { id: world.job.id }, data: { technicianId: world.technician.id } });
    }
  });

  it("refuses someone else's clientId instead of showing them that message", async () => {
    const first = input("mine");
    await sendMessage(getDb(), world.dispatcher.actor, first);
    await expect(sendMessage(getDb(), world.homeowner.actor, first)).rejects.toMatchObject({ code: "conflict" });
  });

  it("keeps internal notes from the homeowner and refuses their own notes without storing them", async () => {
    const db = getDb();
    const note = await sendMessage(db, world.technician.actor, input("bring the long ladder", { visibility: "STAFF" }));
    const seen = await listMessages(db, world.homeowner.actor, world.job.id, 0);
    expect(seen.messages.map((m) => m.id)).not.toContain(note.message.id);
    const staffView = await listMessages(db, world.dispatcher.actor, world.job.id, 0);
    expect(staffView.messages.map((m) => m.id)).toContain(note.message.id);

    const lastSeq = (await db.job.findUniqueOrThrow({ where: { id: world.job.id } })).lastSeq;
    const attempt = sendMessage(db, world.homeowner.actor, input("secret?", { visibility: "STAFF" }));
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.job.findUniqueOrThrow({ where: { id: world.job.id } })).lastSeq).toBe(lastSeq);
    expect(await db.message.count({ where: { body: "secret?" } })).toBe(0);
  });

  it("leaves no trace of a note in what the homeowner learns of the job", async () => {
    const db = getDb();
    const homeownerView = async () => {
      const [listed] = await listJobs(db, world.homeowner.actor);
      const page = await listMessages(db, world.homeowner.actor, world.job.id, 0);
      expect(page.job.lastSeq).toBe(listed?.lastSeq);
      expect(page.job.updatedAt).toBe(listed?.updatedAt);
      return { lastSeq: page.job.lastSeq, updatedAt: page.job.updatedAt, lastMessage: listed?.lastMessage?.id };
    };
    const visible = await sendMessage(db, world.dispatcher.actor, input("We'll be there at 10"));
    const before = await homeownerView();
    expect(before).toMatchObject({ lastSeq: visible.message.seq, lastMessage: visible.message.id });

    await new Promise((resolve) => setTimeout(resolve, 20));
    const note = await sendMessage(db, world.dispatcher.actor, input("Gate code is 4411", { visibility: "STAFF" }));
    expect(await homeownerView()).toEqual(before);
    // Staff see the thread move on.
    const staff = await listMessages(db, world.dispatcher.actor, world.job.id, 0);
    expect(staff.job.lastSeq).toBe(note.message.seq);
    expect(staff.job.updatedAt > before.updatedAt).toBe(true);

    const reply = await sendMessage(db, world.homeowner.actor, input("Thanks!"));
    expect((await homeownerView()).lastSeq).toBe(reply.message.seq);
  });

  it("answers 404 alike for unknown jobs and jobs of others, storing nothing", async () => {
    const db = getDb();
    const unknown = sendMessage(db, world.dispatcher.actor, input("hi", { jobId: randomUUID() }));
    await expect(unknown).rejects.toMatchObject({ code: "not_found", message: "We couldn't find that job." });
    const foreign = sendMessage(db, world.foreignDispatcher.actor, input("hi from elsewhere"));
    await expect(foreign).rejects.toMatchObject({ code: "not_found", message: "We couldn't find that job." });
    const unassigned = sendMessage(db, world.otherTechnician.actor, input("hi from riley"));
    await expect(unassigned).rejects.toMatchObject({ code: "not_found" });
    expect(await db.message.count({ where: { body: { startsWith: "hi from" } } })).toBe(0);
  });
});
