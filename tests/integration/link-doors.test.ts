import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as turnOffRoute } from "../../app/api/jobs/[id]/links/[linkId]/route.ts";
import { POST as issueRoute, GET as listRoute } from "../../app/api/jobs/[id]/links/route.ts";
import { GET as readRoute } from "../../app/api/jobs/[id]/messages/route.ts";
import { GET as openLinkRoute } from "../../app/j/[token]/route.ts";
import { getDb } from "../../lib/db.ts";
import { createCustomer, createJob } from "../../prisma/seed/factories.ts";
import { request as ask, startRealtime, until } from "../support/realtime.ts";
import { buildWorld, type World } from "../support/world.ts";

let world: World;
let realtime: Awaited<ReturnType<typeof startRealtime>>;
beforeAll(async () => {
  world = await buildWorld();
  realtime = await startRealtime();
});
afterAll(async () => {
  await realtime.stop();
});

const call = (method: string, cookie: string | null) =>
  new Request("http://localhost:3000/x", { method, headers: cookie ? { cookie } : {} });
const jobParams = (id: string) => ({ params: Promise.resolve({ id }) });
const linkParams = (id: string, linkId: string) => ({ params: Promise.resolve({ id, linkId }) });

async function issue(cookie: string, jobId = world.job.id) {
  const response = await issueRoute(call("POST", cookie), jobParams(jobId));
  return { status: response.status, body: await response.json() };
}

/** Opens a link as the homeowner's browser would and returns the cookie it leaves. */
async function openAsHomeowner(url: string) {
  const token = new URL(url).pathname.split("/").pop() as string;
  const response = await openLinkRoute(new Request(url), { params: Promise.resolve({ token }) });
  expect(response.headers.get("location")).toContain(`/jobs/${world.job.id}`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
}

describe("the office's homeowner link doors", () => {
  it("give a dispatcher a fresh link that opens the thread, and list it without its token", async () => {
    const { status, body } = await issue(world.dispatcher.cookie);
    expect(status).toBe(201);
    expect(body.data.url).toMatch(/\/j\/[A-Za-z0-9_-]{43}$/);
    expect(new Date(body.data.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    const cookie = await openAsHomeowner(body.data.url);
    const read = await readRoute(
      new Request("http://localhost:3000/x?afterSeq=0", { headers: { cookie } }),
      jobParams(world.job.id),
    );
    expect(read.status).toBe(200);

    const listed = await listRoute(call("GET", world.dispatcher.cookie), jobParams(world.job.id));
    const text = await listed.text();
    const token = body.data.url.split("/j/")[1];
    expect(text).not.toContain(token);
    expect(JSON.parse(text).data).toContainEqual(expect.objectContaining({ id: body.data.id, state: "ACTIVE" }));
  });

  it("refuse everyone but the job's own office, and create nothing", async () => {
    const before = await getDb().accessLink.count();
    const cases: [string | null, number, string][] = [
      [null, 401, "unauthorized"],
      [world.homeowner.cookie, 403, "forbidden"],
      [world.technician.cookie, 403, "forbidden"],
      [world.otherTechnician.cookie, 404, "not_found"],
      [world.foreignDispatcher.cookie, 404, "not_found"],
    ];
    for (const [cookie, status, code] of cases) {
      for (const response of [
        await issueRoute(call("POST", cookie), jobParams(world.job.id)),
        await listRoute(call("GET", cookie), jobParams(world.job.id)),
      ]) {
        expect(response.status).toBe(status);
        expect((await response.json()).error.code).toBe(code);
      }
    }
    const malformed = await issueRoute(call("POST", world.dispatcher.cookie), jobParams("not-a-uuid"));
    expect(malformed.status).toBe(400);
    expect(await getDb().accessLink.count()).toBe(before);
  });

  it("turn a link off: the homeowner's live socket ends at once and the link no longer opens", async () => {
    const { body } = await issue(world.dispatcher.cookie);
    const cookie = await openAsHomeowner(body.data.url);
    const socket = await realtime.client(cookie);
    expect(await ask(socket, "thread:join", { jobId: world.job.id, afterSeq: 0 })).toHaveProperty("data");

    const refused = await turnOffRoute(call("DELETE", world.technician.cookie), linkParams(world.job.id, body.data.id));
    expect(refused.status).toBe(403);
    expect(socket.connected).toBe(true);

    const response = await turnOffRoute(
      call("DELETE", world.dispatcher.cookie),
      linkParams(world.job.id, body.data.id),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).data).toMatchObject({ id: body.data.id, state: "TURNED_OFF" });
    await until(() => !socket.connected, "homeowner socket closed");
    await expect(realtime.client(cookie)).rejects.toThrow("unauthorized");
    const read = await readRoute(
      new Request("http://localhost:3000/x?afterSeq=0", { headers: { cookie } }),
      jobParams(world.job.id),
    );
    expect(read.status).toBe(401);
    const token = new URL(body.data.url).pathname.split("/").pop() as string;
    const reopened = await openLinkRoute(new Request(body.data.url), { params: Promise.resolve({ token }) });
    expect(reopened.headers.get("location")).toContain("/link-problem?reason=turned_off");
  });

  it("leave other links alone, and refuse a link of another job or a malformed id", async () => {
    const first = await issue(world.dispatcher.cookie);
    const second = await issue(world.dispatcher.cookie);
    const other = await issue(world.foreignDispatcher.cookie, (await foreignJob()).id);
    expect(other.status).toBe(201);
    const wrongJob = await turnOffRoute(
      call("DELETE", world.dispatcher.cookie),
      linkParams(world.job.id, other.body.data.id),
    );
    expect(wrongJob.status).toBe(404);
    const unknown = await turnOffRoute(call("DELETE", world.dispatcher.cookie), linkParams(world.job.id, randomUUID()));
    expect(unknown.status).toBe(404);
    const malformed = await turnOffRoute(call("DELETE", world.dispatcher.cookie), linkParams(world.job.id, "x"));
    expect(malformed.status).toBe(400);
    await turnOffRoute(call("DELETE", world.dispatcher.cookie), linkParams(world.job.id, first.body.data.id));
    const states = await getDb().accessLink.findMany({
      where: { id: { in: [first.body.data.id, second.body.data.id, other.body.data.id] } },
      select: { id: true, revokedAt: true },
    });
    const off = new Map(states.map((link) => [link.id, link.revokedAt !== null]));
    expect(off.get(first.body.data.id)).toBe(true);
    expect(off.get(second.body.data.id)).toBe(false);
    expect(off.get(other.body.data.id)).toBe(false);
  });
});

async function foreignJob() {
  const customer = await createCustomer(getDb(), { companyId: world.other.id, name: "Elsewhere Home" });
  return createJob(getDb(), { companyId: world.other.id, customerId: customer.id });
}
