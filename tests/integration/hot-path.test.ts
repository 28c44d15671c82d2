// The send path under concurrency, over real sockets and a real PostgreSQL:
// every acked message is stored once, seqs stay gapless, nobody's send fails
// because others are sending, and a repeated clientId is broadcast once.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCookieHeader } from "../../lib/auth/cookies.ts";
import { resolveActor } from "../../lib/auth/resolve-actor.ts";
import { closeDb, createDb, getDb } from "../../lib/db.ts";
import { transitionJob } from "../../lib/jobs/transition-job.ts";
import { resetLimits } from "../../lib/limits/limits.ts";
import { listMessages } from "../../lib/messages/list-messages.ts";
import { markRead } from "../../lib/messages/mark-read.ts";
import type { MessageView } from "../../lib/messages/message-view.ts";
import { sendMessage } from "../../lib/messages/send-message.ts";
import { createCustomer, createJob } from "../../prisma/seed/factories.ts";
import { type Client, connectThreeWay, record, settle, startRealtime, until } from "../support/realtime.ts";
import { buildWorld, homeownerCookie, type World } from "../support/world.ts";

const QUIET_JOBS = 8;
const HOT_SENDS_PER_PERSON = 100;
const QUIET_SENDS = 15;

let world: World;
let realtime: Awaited<ReturnType<typeof startRealtime>>;
let quietJobs: { id: string; homeowner: Client }[];
let homeowner: Client;
let technician: Client;
let dispatcher: Client;

type Ack = { data?: MessageView; error?: { code: string; message: string } };

// A generous wait only so a hang fails the test instead of stalling it: the
// sends below queue behind each other on purpose, and CI may be busy.
const call = (socket: Client, event: string, payload: unknown) =>
  (socket as unknown as Socket).timeout(60_000).emitWithAck(event, payload) as Promise<Ack>;
const send = (socket: Client, jobId: string, body: string, clientId = randomUUID()) =>
  call(socket, "message:send", { jobId, clientId, body });

beforeAll(async () => {
  // The limits are not under test here: many sends from one person are the point.
  process.env.LIMIT_SENDS_PER_MINUTE = "100000";
  process.env.LIMIT_EVENTS_PER_SECOND = "100000";
  await resetLimits();
  world = await buildWorld();
  realtime = await startRealtime();
  ({ homeowner, technician, dispatcher } = await connectThreeWay(realtime, world));
  quietJobs = await Promise.all(
    Array.from({ length: QUIET_JOBS }, async (_, i) => {
      const customer = await createCustomer(getDb(), { companyId: world.company.id, name: `Quiet ${i}` });
      const job = await createJob(getDb(), { companyId: world.company.id, customerId: customer.id });
      return { id: job.id, homeowner: await realtime.client(await homeownerCookie(job.id)) };
    }),
  );
  for (const socket of [homeowner, technician, dispatcher]) await call(socket, "thread:join", { jobId: world.job.id });
  for (const job of quietJobs) {
    await call(job.homeowner, "thread:join", { jobId: job.id });
    await call(dispatcher, "thread:join", { jobId: job.id });
  }
});

afterAll(async () => {
  await realtime.stop();
});

const seqsOf = (messages: MessageView[]) => messages.map((m) => m.seq).sort((a, b) => a - b);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("the send path under load", () => {
  it("stores hundreds of concurrent sends to one job and to many, each once, with gapless seqs", async () => {
    const atDispatcher = record<MessageView>(dispatcher, "message:created");
    const hot = [homeowner, technician, dispatcher].flatMap((socket, who) =>
      Array.from({ length: HOT_SENDS_PER_PERSON }, (_, i) => send(socket, world.job.id, `hot ${who}-${i}`)),
    );
    const quiet = quietJobs.flatMap((job) =>
      Array.from({ length: QUIET_SENDS }, (_, i) => send(job.homeowner, job.id, `quiet ${i}`)),
    );
    const [hotAcks, quietAcks] = await Promise.all([Promise.all(hot), Promise.all(quiet)]);

    const failed = [...hotAcks, ...quietAcks].filter((ack) => !ack.data);
    expect(failed).toEqual([]);
    const hotMessages = hotAcks.map((ack) => ack.data as MessageView);
    expect(seqsOf(hotMessages)).toEqual(oneTo(3 * HOT_SENDS_PER_PERSON));
    // Times follow seqs, even for sends that waited in a batch.
    const times = [...hotMessages].sort((a, b) => a.seq - b.seq).map((m) => m.createdAt);
    expect(times).toEqual([...times].sort());
    for (const job of quietJobs) {
      const mine = quietAcks.map((ack) => ack.data as MessageView).filter((m) => m.jobId === job.id);
      expect(seqsOf(mine)).toEqual(oneTo(QUIET_SENDS));
    }

    // The database holds exactly what was acked, and the job's counter agrees.
    const db = getDb();
    expect(await db.message.count({ where: { jobId: world.job.id } })).toBe(3 * HOT_SENDS_PER_PERSON);
    expect((await db.job.findUniqueOrThrow({ where: { id: world.job.id } })).lastSeq).toBe(3 * HOT_SENDS_PER_PERSON);

    // A dispatcher in every thread hears each message exactly once.
    const total = 3 * HOT_SENDS_PER_PERSON + QUIET_JOBS * QUIET_SENDS;
    await until(() => atDispatcher.length >= total, "every message at the dispatcher", 30_000);
    await settle();
    expect(new Set(atDispatcher.map((m) => m.id)).size).toBe(total);
    expect(atDispatcher).toHaveLength(total);
  });

  it("stores racing copies of one clientId once and broadcasts it once", async () => {
    const atTechnician = record<MessageView>(technician, "message:created");
    const clientId = randomUUID();
    const acks = await Promise.all(
      Array.from({ length: 5 }, () => send(homeowner, world.job.id, "Did the part arrive?", clientId)),
    );
    expect(new Set(acks.map((ack) => ack.data?.id)).size).toBe(1);
    expect(acks[0]?.data).toMatchObject({ clientId, body: "Did the part arrive?", author: { role: "HOMEOWNER" } });
    await until(() => atTechnician.length === 1, "the message at the technician");
    await settle();
    expect(atTechnician.map((m) => m.clientId)).toEqual([clientId]);
    expect(await getDb().message.count({ where: { jobId: world.job.id, clientId } })).toBe(1);
  });

  it("answers with the message exactly as the database keeps it", async () => {
    const { data } = await send(technician, world.job.id, "On my way with the part");
    const stored = await getDb().message.findUniqueOrThrow({
      where: { id: data?.id },
      select: {
        seq: true,
        clientId: true,
        body: true,
        createdAt: true,
        author: { select: { role: true, name: true } },
      },
    });
    expect(data).toMatchObject({ ...stored, createdAt: stored.createdAt.toISOString() });
    // Stored in UTC like every other time: within the test's own minute, not hours off.
    expect(Math.abs(stored.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    // A catch-up (thread:join) shows the same message, to the letter.
    const page = await listMessages(getDb(), world.dispatcher.actor, world.job.id, (data?.seq ?? 1) - 1);
    expect(page.messages[0]).toEqual(data);
  });
});

/** A client whose every statement, from Prisma or straight through pg, is recorded (its text). */
function countingDb() {
  const statements: string[] = [];
  class CountingClient extends pg.Client {
    // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this passes them all on.
    override query(...args: any[]): any {
      const [query] = args;
      statements.push(typeof query === "string" ? query : String(query?.text ?? ""));
      // biome-ignore lint/suspicious/noExplicitAny: as above
      return (super.query as (...a: any[]) => any)(...args);
    }
  }
  return { db: createDb(process.env.DATABASE_URL as string, { Client: CountingClient }), statements };
}

describe("round trips to the database", () => {
  it("are one per send, read mark, handshake and catch-up, two per status change", async () => {
    const { db, statements } = countingDb();
    const count = async (run: () => Promise<unknown>) => {
      statements.length = 0;
      await run();
      return statements.length;
    };
    try {
      const { job, homeowner, technician, dispatcher } = world;
      const message = { jobId: job.id, clientId: randomUUID(), body: "Still there?", visibility: "EVERYONE" } as const;
      expect(await count(() => sendMessage(db, homeowner.actor, message))).toBe(1);
      expect(await count(() => sendMessage(db, homeowner.actor, message))).toBe(1); // the resend
      expect(await count(() => markRead(db, technician.actor, job.id, 10_000))).toBe(1);
      for (const person of [homeowner, technician, dispatcher]) {
        expect(await count(() => resolveActor(db, parseCookieHeader(person.cookie)))).toBe(1);
      }
      expect(await count(() => listMessages(db, dispatcher.actor, job.id, 0))).toBe(1);
      expect(await count(() => transitionJob(db, dispatcher.actor, { jobId: job.id, to: "EN_ROUTE" }))).toBe(2);
    } finally {
      await closeDb(db);
    }
  });

  it("carry queued sends as one batch, and a bad entry in a batch fails alone", async () => {
    const { db, statements } = countingDb();
    try {
      // Another job whose next seq is already taken: its entry will fail inside the database.
      const [broken] = quietJobs;
      if (!broken) throw new Error("no quiet job");
      const { lastSeq } = await getDb().job.findUniqueOrThrow({ where: { id: broken.id }, select: { lastSeq: true } });
      await getDb().message.create({
        data: { jobId: broken.id, seq: lastSeq + 1, clientId: "in-the-way", body: "in the way", kind: "SYSTEM" },
      });
      const before = (await getDb().job.findUniqueOrThrow({ where: { id: world.job.id } })).lastSeq;
      const input = (jobId: string, i: number) =>
        ({ jobId, clientId: randomUUID(), body: `batched ${i}`, visibility: "EVERYONE" }) as const;
      statements.length = 0;
      const results = await Promise.allSettled(
        Array.from({ length: 60 }, (_, i) =>
          i === 30
            ? sendMessage(db, world.dispatcher.actor, input(broken.id, i))
            : sendMessage(db, world.homeowner.actor, input(world.job.id, i)),
        ),
      );

      expect(statements.some((text) => text.includes("trio_append_entries"))).toBe(true);
      expect(results[30]).toMatchObject({ status: "rejected", reason: { code: "23505" } });
      const sent = results.filter((_, i) => i !== 30);
      expect(sent.every((r) => r.status === "fulfilled")).toBe(true);
      const seqs = sent.map((r) => (r.status === "fulfilled" ? r.value.message.seq : 0)).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 59 }, (_, i) => before + i + 1));
      expect((await getDb().job.findUniqueOrThrow({ where: { id: broken.id } })).lastSeq).toBe(lastSeq);
    } finally {
      await closeDb(db);
    }
  });
});
