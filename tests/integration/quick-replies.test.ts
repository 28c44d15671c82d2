import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteRoute, PATCH as patchRoute } from "../../app/api/quick-replies/[id]/route.ts";
import { POST as createRoute, GET as listRoute } from "../../app/api/quick-replies/route.ts";
import { getDb } from "../../lib/db.ts";
import { MAX_QUICK_REPLIES } from "../../lib/quick-replies/template.ts";
import { createQuickReplies } from "../../prisma/seed/factories.ts";
import { buildWorld, type World } from "../support/world.ts";

let world: World;
let foreignReplyId: string;
beforeAll(async () => {
  world = await buildWorld();
  await createQuickReplies(getDb(), world.other.id, ["Other company's secret words"]);
  const foreign = await getDb().quickReply.findFirstOrThrow({ where: { companyId: world.other.id } });
  foreignReplyId = foreign.id;
});

type Reply = { id: string; text: string; position: number };
const URL_BASE = "http://localhost:3000/api/quick-replies";
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const noParams = { params: Promise.resolve({}) } as never;
const send = (cookie: string, method: string, body?: unknown) =>
  new Request(URL_BASE, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function list(cookie: string) {
  const response = await listRoute(send(cookie, "GET"), noParams);
  return { status: response.status, body: await response.json() };
}
async function create(cookie: string, text: unknown) {
  const response = await createRoute(send(cookie, "POST", { text }), noParams);
  return { status: response.status, body: await response.json() };
}
async function patch(cookie: string, id: string, body: unknown) {
  const response = await patchRoute(send(cookie, "PATCH", body), params(id));
  return { status: response.status, body: await response.json() };
}
async function remove(cookie: string, id: string) {
  const response = await deleteRoute(send(cookie, "DELETE"), params(id));
  return { status: response.status, body: await response.json() };
}
const texts = (replies: Reply[]) => replies.map((reply) => reply.text);
const ours = () =>
  getDb().quickReply.findMany({ where: { companyId: world.company.id }, orderBy: { position: "asc" } });

describe("quick replies over HTTP", () => {
  it("let the office add, change, reorder and delete, and every staff member of the company read the list", async () => {
    const first = await create(world.dispatcher.cookie, "Hi {First Name}, see you around {eta}.");
    expect(first.status).toBe(201);
    expect(first.body.data.reply).toMatchObject({ text: "Hi {first name}, see you around {eta}.", position: 0 });
    const second = await create(world.dispatcher.cookie, "I'm outside.");
    const third = await create(world.dispatcher.cookie, "{technician} here, all done.");
    expect(texts(third.body.data.replies)).toEqual([
      "Hi {first name}, see you around {eta}.",
      "I'm outside.",
      "{technician} here, all done.",
    ]);

    // Move the last one to the top; positions stay 0, 1, 2.
    const moved = await patch(world.dispatcher.cookie, third.body.data.reply.id, { position: 0 });
    expect(moved.status).toBe(200);
    expect(texts(moved.body.data.replies)).toEqual([
      "{technician} here, all done.",
      "Hi {first name}, see you around {eta}.",
      "I'm outside.",
    ]);
    expect((await ours()).map((row) => row.position)).toEqual([0, 1, 2]);
    // Past the end means last.
    const last = await patch(world.dispatcher.cookie, third.body.data.reply.id, { position: 99 });
    expect(texts(last.body.data.replies).at(-1)).toBe("{technician} here, all done.");

    const changed = await patch(world.dispatcher.cookie, second.body.data.reply.id, {
      text: "I'm outside, {first name}.",
    });
    expect(changed.body.data.reply).toMatchObject({ text: "I'm outside, {first name}.", position: 1 });

    const deleted = await remove(world.dispatcher.cookie, first.body.data.reply.id);
    expect(deleted.status).toBe(200);
    expect(texts(deleted.body.data.replies)).toEqual(["I'm outside, {first name}.", "{technician} here, all done."]);
    expect((await ours()).map((row) => row.position)).toEqual([0, 1]);

    // Any technician of the company reads the same list, with the company's name for {company}.
    for (const cookie of [world.technician.cookie, world.otherTechnician.cookie]) {
      const read = await list(cookie);
      expect(read.status).toBe(200);
      expect(read.body.data.company).toBe("Acme Heating");
      expect(texts(read.body.data.replies)).toEqual(["I'm outside, {first name}.", "{technician} here, all done."]);
    }
  });

  it("let a technician read but not change the list", async () => {
    const [reply] = await ours();
    if (!reply) throw new Error("no reply to try");
    const before = await ours();
    for (const attempt of [
      await create(world.technician.cookie, "Technicians' own words"),
      await patch(world.technician.cookie, reply.id, { text: "Changed by a technician" }),
      await patch(world.technician.cookie, reply.id, { position: 5 }),
      await remove(world.technician.cookie, reply.id),
    ]) {
      expect(attempt).toEqual({
        status: 403,
        body: { error: { code: "forbidden", message: "Only the office can change the quick replies." } },
      });
    }
    expect(await ours()).toEqual(before);
  });

  it("show another company's replies to nobody, with the same 404 as an unknown id", async () => {
    const unknownId = "3f0e4a52-7c3e-4a8e-9a39-2f3a1b0c9d11";
    const notFound = {
      status: 404,
      body: { error: { code: "not_found", message: "We couldn't find that quick reply." } },
    };
    for (const id of [foreignReplyId, unknownId]) {
      expect(await patch(world.dispatcher.cookie, id, { text: "Taken over" })).toEqual(notFound);
      expect(await remove(world.dispatcher.cookie, id)).toEqual(notFound);
    }
    const read = await list(world.dispatcher.cookie);
    expect(JSON.stringify(read.body)).not.toContain("secret words");
    const foreign = await getDb().quickReply.findUniqueOrThrow({ where: { id: foreignReplyId } });
    expect(foreign.text).toBe("Other company's secret words");
    // The other company's own office sees only its own.
    expect(texts((await list(world.foreignDispatcher.cookie)).body.data.replies)).toEqual([
      "Other company's secret words",
    ]);
    // Homeowners never see the list; nobody signed in is told to sign in.
    expect((await list(world.homeowner.cookie)).status).toBe(404);
    expect((await create(world.homeowner.cookie, "Hi")).status).toBe(404);
    expect((await list("")).status).toBe(401);
  });

  it("refuse bad templates with a sentence to show, storing nothing", async () => {
    const before = await ours();
    const cases: [unknown, RegExp][] = [
      ["Hi {firstname}", /“\{firstname\}” isn't a blank Trio can fill\. Use \{first name\}, \{eta\}/],
      ["Hi {first name", /missing its “}”/],
      ["   ", /Write the reply first/],
      ["x".repeat(301), /at most 300 characters/],
      [42, /must be text/],
    ];
    for (const [text, message] of cases) {
      const refused = await create(world.dispatcher.cookie, text);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe("bad_request");
      expect(refused.body.error.message).toMatch(message);
    }
    const [reply] = before;
    if (!reply) throw new Error("no reply to try");
    const badPatch = await patch(world.dispatcher.cookie, reply.id, { text: "Call {phone}" });
    expect(badPatch.status).toBe(400);
    expect((await patch(world.dispatcher.cookie, reply.id, {})).status).toBe(400);
    expect((await patch(world.dispatcher.cookie, "not-an-id", { position: 1 })).status).toBe(400);
    const extra = await createRoute(
      send(world.dispatcher.cookie, "POST", { text: "Hi", companyId: world.other.id }),
      noParams,
    );
    expect(extra.status).toBe(400);
    expect(await ours()).toEqual(before);
  });

  it("change nothing for a page on another site riding the office's cookie", async () => {
    const before = await ours();
    const [reply] = before;
    if (!reply) throw new Error("no reply to try");
    const crossSite = (method: string, body?: unknown) =>
      new Request(URL_BASE, {
        method,
        headers: {
          cookie: world.dispatcher.cookie,
          origin: "https://evil.example",
          "content-type": "application/json",
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    expect((await createRoute(crossSite("POST", { text: "Planted" }), noParams)).status).toBe(403);
    expect((await patchRoute(crossSite("PATCH", { text: "Planted" }), params(reply.id))).status).toBe(403);
    expect((await deleteRoute(crossSite("DELETE"), params(reply.id))).status).toBe(403);
    expect(await ours()).toEqual(before);
  });

  it(`keep at most ${MAX_QUICK_REPLIES} per company, even when the office adds several at once`, async () => {
    const have = (await ours()).length;
    const tries = Array.from({ length: MAX_QUICK_REPLIES - have + 3 }, (_, index) =>
      create(world.dispatcher.cookie, `Reply number ${index + 1}`),
    );
    const results = await Promise.all(tries);
    expect(results.filter((result) => result.status === 201)).toHaveLength(MAX_QUICK_REPLIES - have);
    const full = results.filter((result) => result.status === 409);
    expect(full).toHaveLength(3);
    expect(full[0]?.body.error.message).toBe(
      `A company can keep at most ${MAX_QUICK_REPLIES} quick replies. Delete one you don't use first.`,
    );
    const rows = await ours();
    expect(rows).toHaveLength(MAX_QUICK_REPLIES);
    expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index));
  });
});
