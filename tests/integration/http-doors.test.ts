import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as authRoute } from "../../app/api/auth/[...nextauth]/route.ts";
import { GET as health } from "../../app/api/health/route.ts";
import { PUT as assignRoute } from "../../app/api/jobs/[id]/assignment/route.ts";
import { DELETE as turnOffLinkRoute } from "../../app/api/jobs/[id]/links/[linkId]/route.ts";
import { POST as issueLinkRoute } from "../../app/api/jobs/[id]/links/route.ts";
import { POST as postRoute, GET as readRoute } from "../../app/api/jobs/[id]/messages/route.ts";
import { POST as readMarkRoute } from "../../app/api/jobs/[id]/read/route.ts";
import { POST as transitionRoute } from "../../app/api/jobs/[id]/transitions/route.ts";
import { GET as listJobsRoute } from "../../app/api/jobs/route.ts";
import { getDb } from "../../lib/db.ts";
import { buildWorld, type World } from "../support/world.ts";

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (cookie: string, body: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/x", {
    method: "POST",
    headers: { cookie, "content-type": "application/json", ...headers },
    body,
  });

async function errorOf(response: Response) {
  const body = await response.json();
  expect(Object.keys(body)).toEqual(["error"]);
  return { status: response.status, ...body.error };
}

describe("HTTP doors", () => {
  it("answer health with the database's state", async () => {
    const up = await health();
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ ok: true, db: "up" });
  });

  it("post and read back through the same lib functions as the socket", async () => {
    const clientId = randomUUID();
    const body = JSON.stringify({ clientId, body: "  Posted over HTTP  " });
    const created = await postRoute(post(world.homeowner.cookie, body), params(world.job.id));
    expect(created.status).toBe(201);
    const repeat = await postRoute(post(world.homeowner.cookie, body), params(world.job.id));
    expect(repeat.status).toBe(200);
    expect((await repeat.json()).data.body).toBe("Posted over HTTP");
    const read = await readRoute(
      new Request(`http://localhost:3000/x?afterSeq=0`, { headers: { cookie: world.dispatcher.cookie } }),
      params(world.job.id),
    );
    const page = (await read.json()).data;
    expect(page.messages.filter((m: { clientId: string }) => m.clientId === clientId)).toHaveLength(1);
  });

  it("refuse bad input with a clear error and store nothing", async () => {
    const db = getDb();
    const before = await db.message.count();
    const cases = [
      post(world.dispatcher.cookie, "{not json"),
      post(world.dispatcher.cookie, JSON.stringify({ clientId: randomUUID(), body: "" })),
      post(world.dispatcher.cookie, JSON.stringify({ clientId: randomUUID(), body: "x".repeat(4001) })),
      post(world.dispatcher.cookie, JSON.stringify({ clientId: randomUUID(), body: ["array"] })),
      post(world.dispatcher.cookie, JSON.stringify({ clientId: randomUUID(), body: "hi", seq: 1 })),
      post(world.dispatcher.cookie, JSON.stringify({ clientId: "x", body: "hi" })),
    ];
    for (const request of cases) {
      const error = await errorOf(await postRoute(request, params(world.job.id)));
      expect(error).toMatchObject({ status: 400, code: "bad_request" });
      expect(error.message).not.toMatch(/at .*\.ts|Error:/);
    }
    const huge = post(world.dispatcher.cookie, JSON.stringify({ clientId: randomUUID(), body: "x".repeat(70_000) }));
    expect(await errorOf(await postRoute(huge, params(world.job.id)))).toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
    // A chunked body declares no length: it is cut off as it streams past the limit.
    let pulled = 0;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          controller.enqueue(new TextEncoder().encode(`"${"x".repeat(8190)}",`));
        },
      });
    const chunked = new Request("http://localhost:3000/x", {
      method: "POST",
      headers: { cookie: world.dispatcher.cookie, "content-type": "application/json" },
      body: endless(),
      duplex: "half",
    } as RequestInit);
    expect(await errorOf(await postRoute(chunked, params(world.job.id)))).toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
    expect(pulled).toBeLessThan(12);
    // Also where no one has signed in yet: next-auth would read any body whole.
    const pulledBefore = pulled;
    const anonymous = new Request("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: endless(),
      duplex: "half",
    } as RequestInit);
    const refused = await authRoute(anonymous, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(await errorOf(refused)).toMatchObject({ status: 413, code: "payload_too_large" });
    expect(pulled - pulledBefore).toBeLessThan(5);
    const badId = await postRoute(post(world.dispatcher.cookie, "{}"), params("1; DROP TABLE"));
    expect(await errorOf(badId)).toMatchObject({ status: 400, code: "bad_request" });
    const badAfter = await readRoute(
      new Request("http://localhost:3000/x?afterSeq=-3", { headers: { cookie: world.dispatcher.cookie } }),
      params(world.job.id),
    );
    expect(await errorOf(badAfter)).toMatchObject({ status: 400, code: "bad_request" });
    for (const query of ["afterSeq=", "afterSeq=1e3", "afterSeq=0x10"]) {
      const response = await readRoute(
        new Request(`http://localhost:3000/x?${query}`, { headers: { cookie: world.dispatcher.cookie } }),
        params(world.job.id),
      );
      expect(await errorOf(response), query).toMatchObject({ status: 400, code: "bad_request" });
    }
    const listJobs = (query: string) =>
      listJobsRoute(
        new Request(`http://localhost:3000/api/jobs${query}`, { headers: { cookie: world.dispatcher.cookie } }),
        {
          params: Promise.resolve({}),
        },
      );
    expect(await errorOf(await listJobs("?status=bogus"))).toMatchObject({
      status: 400,
      code: "bad_request",
      message: "status: must be open, closed or all",
    });
    expect((await listJobs("?status=all")).status).toBe(200);
    expect((await listJobs("")).status).toBe(200);
    expect(await db.message.count()).toBe(before);
  });

  it("refuse requests from other sites and bodies that aren't JSON, and change nothing", async () => {
    const db = getDb();
    const jobId = world.job.id;
    const link = await db.accessLink.findFirstOrThrow({ where: { jobId, revokedAt: null } });
    const state = async () => ({
      messages: await db.message.count({ where: { jobId } }),
      job: await db.job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true, technicianId: true } }),
      links: await db.accessLink.count({ where: { jobId, revokedAt: null } }),
      marks: await db.participant.findMany({ where: { jobId }, select: { lastReadSeq: true }, orderBy: { id: "asc" } }),
    });
    const before = await state();
    const cookie = world.dispatcher.cookie;
    const doors = [
      { name: "send", call: (r: Request) => postRoute(r, params(jobId)), body: { clientId: randomUUID(), body: "hi" } },
      { name: "read mark", call: (r: Request) => readMarkRoute(r, params(jobId)), body: { seq: 1 } },
      { name: "transition", call: (r: Request) => transitionRoute(r, params(jobId)), body: { to: "CANCELED" } },
      { name: "assign", call: (r: Request) => assignRoute(r, params(jobId)), body: { technicianId: null } },
      { name: "new link", call: (r: Request) => issueLinkRoute(r, params(jobId)), body: undefined },
      {
        name: "turn off link",
        call: (r: Request) => turnOffLinkRoute(r, { params: Promise.resolve({ id: jobId, linkId: link.id }) }),
        body: undefined,
      },
    ];
    const request = (method: string, headers: Record<string, string>, body?: string) =>
      new Request("http://localhost:3000/x", { method, headers: { cookie, ...headers }, body });
    const methodOf = (name: string) => (name === "assign" ? "PUT" : name === "turn off link" ? "DELETE" : "POST");
    for (const door of doors) {
      const json = door.body === undefined ? undefined : JSON.stringify(door.body);
      const method = methodOf(door.name);
      const crossSite: Record<string, string>[] = [
        { origin: "https://evil.example", "content-type": "application/json" },
        { origin: "null", "content-type": "application/json" },
        { origin: "http://localhost:3000.evil.example", "content-type": "application/json" },
        { origin: "https://localhost:3000", "content-type": "application/json" },
        { "sec-fetch-site": "cross-site", "content-type": "application/json" },
        { origin: "https://evil.example", "content-type": "text/plain" },
      ];
      for (const headers of crossSite) {
        const refused = await door.call(request(method, headers, json));
        expect(await errorOf(refused), `${door.name} ${JSON.stringify(headers)}`).toMatchObject({
          status: 403,
          code: "forbidden",
        });
      }
      if (json === undefined) continue;
      // From our own page, but as a form or plain text: what a cross-site form could send.
      for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
        const refused = await door.call(
          request(method, { origin: "http://localhost:3000", "content-type": type }, json),
        );
        expect(await errorOf(refused), `${door.name} ${type}`).toMatchObject({
          status: 415,
          code: "unsupported_media_type",
        });
      }
    }
    expect(await state()).toEqual(before);
    // Our own pages get through (same origin, JSON).
    const allowed = await postRoute(
      request(
        "POST",
        { origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "content-type": "application/json" },
        JSON.stringify({ clientId: randomUUID(), body: "From our own page" }),
      ),
      params(jobId),
    );
    expect(allowed.status).toBe(201);
  });

  it("take the longest message however its JSON is written", async () => {
    // 4,000 emoji as \u escapes (Python's json.dumps writes them so): about 48 KB.
    const escaped = `{"clientId":"${randomUUID()}","body":"${"\\ud83d\\udc4d".repeat(4000)}"}`;
    expect(escaped.length).toBeGreaterThan(40_000);
    const response = await postRoute(post(world.dispatcher.cookie, escaped), params(world.job.id));
    expect(response.status).toBe(201);
    expect((await response.json()).data.body).toBe("👍".repeat(4000));
  });

  it("store control characters stripped, bidi overrides taken out, and refuse invisible-only messages", async () => {
    const send = async (body: string) => {
      const response = await postRoute(
        post(world.dispatcher.cookie, JSON.stringify({ clientId: randomUUID(), body })),
        params(world.job.id),
      );
      return { status: response.status, body: await response.json() };
    };
    const nul = await send("Gate code\u0000 1234\u001b[2J");
    expect(nul.status).toBe(201);
    expect(nul.body.data.body).toBe("Gate code 1234[2J");
    const bidi = await send("Photo attached: invoice\u202Efdp.exe");
    expect(bidi.status).toBe(201);
    expect(bidi.body.data.body).toBe("Photo attached: invoicefdp.exe");
    const stored = await getDb().message.findMany({ where: { id: { in: [nul.body.data.id, bidi.body.data.id] } } });
    expect(stored.map((m) => m.body).sort()).toEqual(["Gate code 1234[2J", "Photo attached: invoicefdp.exe"]);
    const before = await getDb().message.count();
    for (const invisible of ["\u200b\u200b", "\u3164", "\u2800", "\u0000", " \u202e "]) {
      const refused = await send(invisible);
      expect(refused.status, JSON.stringify(invisible)).toBe(400);
      expect(refused.body.error).toEqual({ code: "bad_request", message: "body: Write something before sending." });
    }
    expect(await getDb().message.count()).toBe(before);
  });

  it("move read marks forward only", async () => {
    const mark = (seq: number) =>
      readMarkRoute(post(world.technician.cookie, JSON.stringify({ seq })), params(world.job.id));
    const { lastSeq } = await getDb().job.findUniqueOrThrow({ where: { id: world.job.id } });
    expect((await mark(lastSeq + 100)).status).toBe(200);
    await mark(0);
    const participant = await getDb().participant.findFirstOrThrow({
      where: { jobId: world.job.id, userId: world.technician.id },
    });
    expect(participant.lastReadSeq).toBe(lastSeq);
  });

  it("take a job from a technician at once when it is reassigned", async () => {
    const assign = (technicianId: string | null, cookie = world.dispatcher.cookie) =>
      assignRoute(post(cookie, JSON.stringify({ technicianId })), params(world.job.id));
    expect(await errorOf(await assign(world.otherTechnician.id, world.technician.cookie))).toMatchObject({
      status: 403,
      code: "forbidden",
    });
    expect(await errorOf(await assign(world.foreignDispatcher.id))).toMatchObject({ status: 400 });
    expect((await assign(world.otherTechnician.id)).status).toBe(200);
    const asOldTech = await readRoute(
      new Request("http://localhost:3000/x", { headers: { cookie: world.technician.cookie } }),
      params(world.job.id),
    );
    expect(asOldTech.status).toBe(404);
    const asNewTech = await readRoute(
      new Request("http://localhost:3000/x", { headers: { cookie: world.otherTechnician.cookie } }),
      params(world.job.id),
    );
    expect(asNewTech.status).toBe(200);
  });
});
