// In development with no provider: what would have gone out shows at
// /dev/outbox, for the staff of its own company only, and a reply typed there
// goes through the same inbound path as a real one.
import { beforeEach, describe, expect, it } from "vitest";
import { POST as replyRoute } from "../../app/api/dev/outbox/[id]/reply/route.ts";
import { GET as emailRoute } from "../../app/dev/outbox/[id]/email/route.ts";
import { listDevDeliveries } from "../../lib/channels/dev/list-dev-deliveries.ts";
import { getDb } from "../../lib/db.ts";
import { listMessages } from "../../lib/messages/list-messages.ts";
import { deliverToDevOutbox } from "../support/dev-outbox.ts";
import { openJob } from "../support/open-job.ts";
import { buildWorld, homeownerCookie, type World } from "../support/world.ts";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const deliver = deliverToDevOutbox;
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const reply = (cookie: string, id: string, body: unknown) =>
  replyRoute(
    new Request("http://localhost:3000/x", {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify(body),
    }),
    params(id),
  );

describe("the development outbox", () => {
  it("shows the email as sent, to its own company's staff only", async () => {
    const job = await openJob(world, "EMAIL");
    await openJob(world, "SMS", { phone: "5550107777", email: null });
    await deliver();
    const shown = await listDevDeliveries(getDb(), world.dispatcher.actor);
    const email = shown.find((delivery) => delivery.channel === "EMAIL" && delivery.jobNumber === job.number);
    expect(email).toMatchObject({
      to: "jordan@home.test",
      subject: `Your request with Acme Heating (job #${job.number})`,
    });
    expect(email?.text).toMatch(/http:\/\/trio\.test\/j\//);
    expect(shown.find((delivery) => delivery.channel === "SMS")).toMatchObject({ to: "+15550107777" });
    expect(await listDevDeliveries(getDb(), world.foreignDispatcher.actor)).toEqual([]);
    // Technicians see only their own jobs; the outbox holds every job's links.
    await expect(listDevDeliveries(getDb(), world.otherTechnician.actor)).rejects.toMatchObject({ code: "not_found" });

    const html = await emailRoute(
      new Request("http://localhost:3000/x", { headers: { cookie: world.dispatcher.cookie } }),
      params(email?.id as string),
    );
    expect(html.headers.get("content-security-policy")).toContain("sandbox");
    expect(await html.text()).toContain("Open your job");
    const foreign = await emailRoute(
      new Request("http://localhost:3000/x", { headers: { cookie: world.foreignDispatcher.cookie } }),
      params(email?.id as string),
    );
    expect(foreign.status).toBe(404);
    const technician = await emailRoute(
      new Request("http://localhost:3000/x", { headers: { cookie: world.technician.cookie } }),
      params(email?.id as string),
    );
    expect(technician.status).toBe(404);
  });

  it("takes a reply as the homeowner through the inbound path: posted once, the quote left out", async () => {
    const job = await openJob(world, "EMAIL");
    await deliver();
    const [email] = await listDevDeliveries(getDb(), world.dispatcher.actor);
    const answered = await reply(world.dispatcher.cookie, email?.id as string, { body: "Is Thursday possible?" });
    expect((await answered.json()).data).toEqual({ posted: true, reason: null });

    const page = await listMessages(getDb(), world.dispatcher.actor, job.id, 0);
    const last = page.messages.at(-1);
    expect(last).toMatchObject({ body: "Is Thursday possible?", author: { role: "HOMEOWNER", name: "Jordan Home" } });
    expect(last?.body).not.toContain("wrote:");

    // Not for the homeowner, nor another company's staff; nor an empty reply.
    expect((await reply(await homeownerCookie(job.id), email?.id as string, { body: "x" })).status).toBe(404);
    expect((await reply(world.foreignDispatcher.cookie, email?.id as string, { body: "x" })).status).toBe(404);
    expect((await reply(world.technician.cookie, email?.id as string, { body: "x" })).status).toBe(404);
    expect((await reply(world.dispatcher.cookie, email?.id as string, { body: "   " })).status).toBe(400);
  });

  it("takes a text reply through the SMS inbound path, keywords included", async () => {
    const job = await openJob(world, "SMS", { phone: "5550108888", email: null });
    await deliver();
    const [text] = await listDevDeliveries(getDb(), world.dispatcher.actor);
    expect(text).toMatchObject({ channel: "SMS", to: "+15550108888" });
    const answered = await reply(world.dispatcher.cookie, text?.id as string, { body: "Gate code is 4321" });
    expect((await answered.json()).data).toEqual({ posted: true, reason: null });
    const page = await listMessages(getDb(), world.dispatcher.actor, job.id, 0);
    expect(page.messages.at(-1)).toMatchObject({ body: "Gate code is 4321", author: { role: "HOMEOWNER" } });

    const stop = await reply(world.dispatcher.cookie, text?.id as string, { body: "STOP" });
    expect((await stop.json()).data).toEqual({ posted: false, reason: "opted_out" });
    expect(await getDb().smsOptOut.findUnique({ where: { phone: "+15550108888" } })).not.toBeNull();
    const after = await listMessages(getDb(), world.dispatcher.actor, job.id, 0);
    expect(after.messages.at(-1)?.body).toBe("Gate code is 4321");
  });
});
