import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db.ts";
import type { JobSummary } from "../../lib/jobs/job-view.ts";
import type { MessageView } from "../../lib/messages/message-view.ts";
import { type Client, connectThreeWay, record, request, settle, startRealtime, until } from "../support/realtime.ts";
import { buildWorld, type World } from "../support/world.ts";

let world: World;
let realtime: Awaited<ReturnType<typeof startRealtime>>;
let homeowner: Client;
let technician: Client;
let dispatcher: Client;

beforeAll(async () => {
  world = await buildWorld();
  realtime = await startRealtime();
  ({ homeowner, technician, dispatcher } = await connectThreeWay(realtime, world));
  for (const socket of [homeowner, technician, dispatcher]) {
    expect(await request(socket, "thread:join", { jobId: world.job.id, afterSeq: 0 })).toHaveProperty("data");
  }
});

afterAll(async () => {
  await realtime.stop();
});

const send = (socket: Client, body: string, visibility?: "EVERYONE" | "STAFF") =>
  request(socket, "message:send", { jobId: world.job.id, clientId: randomUUID(), body, visibility });

describe("the three-way thread over Socket.IO", () => {
  it("delivers each person's message to the other two, with the shape of the protocol", async () => {
    const atHomeowner = record<MessageView>(homeowner, "message:created");
    const atTechnician = record<MessageView>(technician, "message:created");
    const atDispatcher = record<MessageView>(dispatcher, "message:created");
    const ack = await send(homeowner, "Is anyone coming today?");
    const stored = ack.data as MessageView;
    expect(stored).toMatchObject({
      jobId: world.job.id,
      kind: "TEXT",
      visibility: "EVERYONE",
      body: "Is anyone coming today?",
      author: { role: "HOMEOWNER", name: "Jordan Home" },
    });
    expect(Object.keys(stored).sort()).toEqual(
      ["author", "body", "clientId", "createdAt", "id", "jobId", "kind", "seq", "visibility"].sort(),
    );
    await until(() => atTechnician.length === 1 && atDispatcher.length === 1, "message at staff");
    expect(atTechnician[0]).toEqual(stored);
    expect(atDispatcher[0]).toEqual(stored);

    await send(technician, "Yes, around noon.");
    const reply = (list: MessageView[]) => list.some((m) => m.body === "Yes, around noon.");
    await until(() => reply(atHomeowner) && reply(atDispatcher), "reply at homeowner and dispatcher");
    expect(atTechnician.filter((m) => m.body === "Is anyone coming today?")).toHaveLength(1);
  });

  it("sends internal notes to staff sockets only", async () => {
    const atHomeowner = record<MessageView>(homeowner, "message:created");
    const atTechnician = record<MessageView>(technician, "message:created");
    const homeownerJobs = record<JobSummary>(homeowner, "job:updated");
    await send(dispatcher, "Customer was rude last time, stay polite", "STAFF");
    await until(() => atTechnician.length === 1, "note at technician");
    await send(dispatcher, "public follow-up");
    await until(() => atHomeowner.length === 1, "public follow-up at homeowner");
    await settle();
    expect(atHomeowner.map((m) => m.body)).toEqual(["public follow-up"]);
    expect(JSON.stringify(homeownerJobs)).not.toContain("rude");
  });

  it("strips control characters and bidi overrides and refuses invisible-only messages at the socket door", async () => {
    const atTechnician = record<MessageView>(technician, "message:created");
    const cleaned = await send(homeowner, "Back door\u0000 is open\u202E, code 4321");
    expect((cleaned.data as MessageView).body).toBe("Back door is open, code 4321");
    await until(() => atTechnician.length === 1, "cleaned message at the technician");
    expect(atTechnician[0]?.body).toBe("Back door is open, code 4321");
    const before = (await getDb().job.findUniqueOrThrow({ where: { id: world.job.id } })).lastSeq;
    for (const invisible of ["\u200b", "\u3164\u3164", "\u2800", "\u0000\u0000"]) {
      const refused = await send(homeowner, invisible);
      expect(refused.error, JSON.stringify(invisible)).toEqual({
        code: "bad_request",
        message: "body: Write something before sending.",
      });
    }
    await settle();
    expect(atTechnician).toHaveLength(1);
    expect((await getDb().job.findUniqueOrThrow({ where: { id: world.job.id } })).lastSeq).toBe(before);
  });

  it("refuses a homeowner's internal note and unknown events, clearly, changing nothing", async () => {
    const before = (await getDb().job.findUniqueOrThrow({ where: { id: world.job.id } })).lastSeq;
    const note = await send(homeowner, "let me in on the secrets", "STAFF");
    expect(note.error).toEqual({ code: "forbidden", message: "Only the company's staff can write internal notes." });
    const unknown = await request(homeowner, "message:delete", { jobId: world.job.id });
    expect(unknown.error).toMatchObject({ code: "bad_request", message: 'Unknown event "message:delete".' });
    const tooLong = await send(homeowner, "x".repeat(4001));
    expect(tooLong.error).toMatchObject({ code: "bad_request" });
    const badId = await request(homeowner, "message:send", { jobId: "1", clientId: randomUUID(), body: "hi" });
    expect(badId.error).toMatchObject({ code: "bad_request", message: "jobId: must be a valid id" });
    const wrongType = await request(homeowner, "thread:join", "not an object");
    expect(wrongType.error).toMatchObject({ code: "bad_request" });
    for (const afterSeq of [true, null, "", "3", -1, 1.5]) {
      const join = await request(homeowner, "thread:join", { jobId: world.job.id, afterSeq });
      expect(join.error, `afterSeq ${JSON.stringify(afterSeq)}`).toMatchObject({ code: "bad_request" });
    }
    expect((await getDb().job.findUniqueOrThrow({ where: { id: world.job.id } })).lastSeq).toBe(before);
  });

  it("acks a repeated clientId with the stored message and broadcasts it once", async () => {
    const atDispatcher = record<MessageView>(dispatcher, "message:created");
    const payload = { jobId: world.job.id, clientId: randomUUID(), body: "sent twice on a bad line" };
    const first = await request(technician, "message:send", payload);
    const second = await request(technician, "message:send", payload);
    expect(second.data).toEqual(first.data);
    await settle();
    expect(atDispatcher.filter((m) => m.clientId === payload.clientId)).toHaveLength(1);
  });

  it("gives a client that reconnects exactly the messages it missed", async () => {
    const page = (await request(homeowner, "thread:join", { jobId: world.job.id, afterSeq: 0 })).data as {
      messages: MessageView[];
    };
    const heldSeq = page.messages.at(-1)?.seq ?? 0;
    homeowner.disconnect();
    const missed = ["first while away", "second while away"];
    await send(technician, missed[0] as string);
    await send(dispatcher, "a note the homeowner must not get", "STAFF");
    await send(dispatcher, missed[1] as string);

    homeowner = await realtime.client(world.homeowner.cookie);
    const live = record<MessageView>(homeowner, "message:created");
    const rejoin = await request(homeowner, "thread:join", { jobId: world.job.id, afterSeq: heldSeq });
    const caughtUp = (rejoin.data as { messages: MessageView[] }).messages;
    expect(caughtUp.map((m) => m.body)).toEqual(missed);
    expect(caughtUp.every((m) => m.seq > heldSeq)).toBe(true);

    // And it is back in the room for what comes next.
    await send(technician, "welcome back");
    await until(() => live.length === 1, "live message after rejoin");
    expect(live[0]?.body).toBe("welcome back");
  });

  it("pushes status changes to everyone in the thread and to the company's board", async () => {
    const board = await realtime.client(world.dispatcher.cookie); // on the board, not in the thread
    const boardJobs = record<JobSummary>(board, "job:updated");
    const homeownerJobs = record<JobSummary>(homeowner, "job:updated");
    const homeownerMessages = record<MessageView>(homeowner, "message:created");
    const ack = await request(technician, "job:transition", { jobId: world.job.id, to: "EN_ROUTE" });
    expect(ack.data).toMatchObject({ id: world.job.id, status: "EN_ROUTE" });
    await until(() => homeownerJobs.some((j) => j.status === "EN_ROUTE"), "status at homeowner");
    await until(() => boardJobs.some((j) => j.status === "EN_ROUTE"), "status on board");
    await until(() => homeownerMessages.some((m) => m.kind === "STATUS"), "status entry at homeowner");
    expect(homeownerJobs.every((j) => j.technician?.id === "")).toBe(true);

    const illegal = await request(technician, "job:transition", { jobId: world.job.id, to: "COMPLETED" });
    expect(illegal.error).toMatchObject({ code: "conflict" });
    const byHomeowner = await request(homeowner, "job:transition", { jobId: world.job.id, to: "ON_SITE" });
    expect(byHomeowner.error).toMatchObject({ code: "forbidden" });
  });

  it("shares typing and read receipts with the others", async () => {
    const typing = record<{ jobId: string; role: string; name: string }>(homeowner, "typing");
    technician.emit("typing", { jobId: world.job.id });
    await until(() => typing.length === 1, "typing at homeowner");
    expect(typing[0]).toEqual({ jobId: world.job.id, role: "TECHNICIAN", name: "Sam Tech" });

    const staffTyping = record(homeowner, "typing");
    dispatcher.emit("typing", { jobId: world.job.id, visibility: "STAFF" });
    await settle();
    expect(staffTyping).toHaveLength(0);

    const receipts = record<{ role: string; seq: number }>(technician, "thread:read");
    const { lastSeq } = await getDb().job.findUniqueOrThrow({ where: { id: world.job.id } });
    expect(await request(homeowner, "thread:read", { jobId: world.job.id, seq: lastSeq })).toEqual({ data: {} });
    await until(() => receipts.length === 1, "read receipt");
    expect(receipts[0]).toMatchObject({ role: "HOMEOWNER", name: "Jordan Home", seq: lastSeq });
  });

  it("never lets a read receipt reveal an internal note to the homeowner", async () => {
    const atHomeowner = record<{ role: string; seq: number }>(homeowner, "thread:read");
    const atDispatcher = record<{ role: string; seq: number }>(dispatcher, "thread:read");
    const visible = (await send(dispatcher, "Sam will call ahead")).data as MessageView;
    const note = (await send(dispatcher, "Customer was rude last time", "STAFF")).data as MessageView;

    // The technician reads up to the public message: everyone may know that.
    await request(technician, "thread:read", { jobId: world.job.id, seq: visible.seq });
    await until(() => atHomeowner.length === 1 && atDispatcher.length === 1, "public receipt");
    expect(atHomeowner[0]).toMatchObject({ role: "TECHNICIAN", seq: visible.seq });

    // Then the note: staff hear it, the homeowner hears nothing at all.
    await request(technician, "thread:read", { jobId: world.job.id, seq: note.seq });
    await until(() => atDispatcher.length === 2, "note receipt at staff");
    expect(atDispatcher[1]).toMatchObject({ role: "TECHNICIAN", seq: note.seq });
    await settle();
    expect(atHomeowner).toHaveLength(1);

    // Nor does the thread page the homeowner loads.
    const page = (await request(homeowner, "thread:join", { jobId: world.job.id, afterSeq: note.seq })).data as {
      readers: { role: string; lastReadSeq: number }[];
    };
    expect(page.readers.find((r) => r.role === "TECHNICIAN")?.lastReadSeq).toBe(visible.seq);
    const staffPage = (await request(dispatcher, "thread:join", { jobId: world.job.id, afterSeq: note.seq })).data as {
      readers: { role: string; lastReadSeq: number }[];
    };
    expect(staffPage.readers.find((r) => r.role === "TECHNICIAN")?.lastReadSeq).toBe(note.seq);
  });
});

describe("who may connect and join", () => {
  it("refuses a socket without a valid session", async () => {
    await expect(realtime.client(null)).rejects.toThrow("unauthorized");
    await expect(realtime.client("next-auth.session-token=forged")).rejects.toThrow("unauthorized");
    await expect(realtime.client("trio.homeowner=guessed-token")).rejects.toThrow("unauthorized");
  });

  it("refuses a foreign Origin even with a valid session", async () => {
    await expect(realtime.client(world.dispatcher.cookie, { origin: "https://evil.example" })).rejects.toThrow(
      /origin/,
    );
    // A spoofed Host (DNS rebinding: evil.example resolving to Trio) names no origin of ours.
    await expect(
      realtime.client(world.dispatcher.cookie, { origin: "http://evil.example", host: "evil.example" }),
    ).rejects.toThrow(/origin/);
    // Our public host, but another scheme: another origin.
    await expect(realtime.client(world.dispatcher.cookie, { origin: "https://trio.test" })).rejects.toThrow(/origin/);
    await expect(realtime.client(world.dispatcher.cookie, { origin: "null" })).rejects.toThrow(/origin/);
    const allowed = await realtime.client(world.dispatcher.cookie, { origin: "http://trio.test" });
    expect(allowed.connected).toBe(true);
  });

  it("keeps a user of another company out of the thread, answering as for an unknown job", async () => {
    const foreign = await realtime.client(world.foreignDispatcher.cookie);
    const heard = record(foreign, "message:created");
    const join = await request(foreign, "thread:join", { jobId: world.job.id, afterSeq: 0 });
    expect(join.error).toEqual({ code: "not_found", message: "We couldn't find that job." });
    const unknown = await request(foreign, "thread:join", { jobId: randomUUID(), afterSeq: 0 });
    expect(unknown.error).toEqual(join.error);
    const post = await send(foreign, "hello from a competitor");
    expect(post.error).toEqual(join.error);
    await send(dispatcher, "company business");
    await settle();
    expect(heard).toHaveLength(0);
    expect(await getDb().message.count({ where: { body: "hello from a competitor" } })).toBe(0);
  });

  it("ends a staff member's sockets at once when they sign out", async () => {
    const { authOptions } = await import("../../lib/auth/auth-options.ts");
    const socket = await realtime.client(world.otherTechnician.cookie);
    const actor = world.otherTechnician.actor;
    if (actor.kind !== "staff") throw new Error("staff expected");
    // What next-auth calls when the user presses "Sign out".
    await authOptions().events?.signOut?.({ token: { sid: actor.sessionId }, session: {} as never });
    await until(() => !socket.connected, "socket closed");
    await expect(realtime.client(world.otherTechnician.cookie)).rejects.toThrow("unauthorized");
  });

  it("closes a homeowner's socket when their link expires, and a staff socket when the session does", async () => {
    const { buildWorld: build, homeownerCookie, staffCookie } = await import("../support/world.ts");
    const local = await build();
    const soon = () => new Date(Date.now() + 1500);
    const cookie = await homeownerCookie(local.job.id);
    const homeownerSocket = await realtime.client(cookie);
    await getDb().accessLink.updateMany({ where: { jobId: local.job.id }, data: { expiresAt: soon() } });
    // The expiry the socket knows is the one at its handshake: reconnect to pick up the shorter one.
    homeownerSocket.disconnect();
    const expiring = await realtime.client(cookie);
    const staff = await staffCookie(local.dispatcher.id);
    await getDb().staffSession.updateMany({ where: { userId: local.dispatcher.id }, data: { expiresAt: soon() } });
    const staffSocket = await realtime.client(staff);
    expect(expiring.connected && staffSocket.connected).toBe(true);
    await until(() => !expiring.connected && !staffSocket.connected, "sockets closed at expiry", 10_000);
    await expect(realtime.client(cookie)).rejects.toThrow("unauthorized");
    await expect(realtime.client(staff)).rejects.toThrow("unauthorized");
  });

  it("takes a reassigned job's thread away from the old technician's sockets at once", async () => {
    const { PUT: assign } = await import("../../app/api/jobs/[id]/assignment/route.ts");
    const { buildWorld: build } = await import("../support/world.ts");
    const local = await build();
    const oldTech = await realtime.client(local.technician.cookie);
    expect(await request(oldTech, "thread:join", { jobId: local.job.id, afterSeq: 0 })).toHaveProperty("data");
    const heard = record<MessageView>(oldTech, "message:created");
    const response = await assign(
      new Request("http://localhost/x", {
        method: "PUT",
        headers: { cookie: local.dispatcher.cookie, "content-type": "application/json" },
        body: JSON.stringify({ technicianId: local.otherTechnician.id }),
      }),
      { params: Promise.resolve({ id: local.job.id }) },
    );
    expect(response.status).toBe(200);
    const office = await realtime.client(local.dispatcher.cookie);
    await request(office, "message:send", { jobId: local.job.id, clientId: randomUUID(), body: "after the handover" });
    await settle();
    expect(heard.map((m) => m.body)).not.toContain("after the handover");
    const post = await request(oldTech, "message:send", {
      jobId: local.job.id,
      clientId: randomUUID(),
      body: "still here?",
    });
    expect(post.error).toMatchObject({ code: "not_found" });
  });
});
