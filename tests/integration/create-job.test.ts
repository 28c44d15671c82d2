// The office's "new job" doors (POST /api/jobs, GET /api/customers) against a
// real PostgreSQL and a real Socket.IO server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as searchRoute } from "../../app/api/customers/route.ts";
import { POST as createRoute } from "../../app/api/jobs/route.ts";
import { GET as openLinkRoute } from "../../app/j/[token]/route.ts";
import { getDb } from "../../lib/db.ts";
import { createCustomer } from "../../prisma/seed/factories.ts";
import { record, startRealtime, until } from "../support/realtime.ts";
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

const post = async (cookie: string | null, body: unknown) => {
  const response = await createRoute(
    new Request("http://localhost:3000/api/jobs", {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, body: await response.json() };
};

const search = async (cookie: string | null, q: string) => {
  const response = await searchRoute(
    new Request(`http://localhost:3000/api/customers?q=${encodeURIComponent(q)}`, {
      headers: cookie ? { cookie } : {},
    }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, body: await response.json() };
};

/** Tomorrow in the company's zone (America/New_York), as the form sends it. */
const tomorrow = () => new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
const newCustomer = (name = "Casey Caller") => ({
  kind: "new",
  name,
  phone: `555 ${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`,
  email: "",
});
const counts = async () => ({ jobs: await getDb().job.count(), messages: await getDb().message.count() });

describe("a dispatcher opening a job", () => {
  it("writes the job with its first entry and hands back a homeowner link; boards and the technician hear it", async () => {
    const board = await realtime.client(world.dispatcher.cookie);
    const techList = await realtime.client(world.technician.cookie);
    const onBoard = record<{ id: string; status: string }>(board, "job:updated");
    const onTech = record<{ id: string }>(techList, "job:updated");

    const { status, body } = await post(world.dispatcher.cookie, {
      customer: newCustomer(),
      address: "5 Pine Road",
      problem: "Furnace makes a banging noise",
      window: { date: tomorrow(), start: "09:00", end: "11:00" },
      technicianId: world.technician.id,
    });
    expect(status).toBe(201);
    expect(body.data.job).toMatchObject({
      status: "SCHEDULED",
      title: "Furnace makes a banging noise",
      technician: { id: world.technician.id, name: "Sam Tech" },
      lastSeq: 1,
    });
    expect(body.data.link.url).toMatch(/\/j\/[A-Za-z0-9_-]{43}$/);
    expect(body.data.job.awaitingReplySince).toBeNull();
    // The first entry names the technician, so the homeowner counts as told (no second announcement).
    const stored = await getDb().job.findUniqueOrThrow({ where: { id: body.data.job.id } });
    expect(stored.announcedTechnicianId).toBe(world.technician.id);
    const messages = await getDb().message.findMany({ where: { jobId: body.data.job.id } });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.body).toMatch(
      /^Dana Dispatch took this request by phone\.\nWhat's wrong: Furnace makes a banging noise\nAddress: 5 Pine Road\nArrival window: .+, 9–11 am\nTechnician: Sam Tech$/,
    );

    // The link works: it opens this job's thread.
    const token = body.data.link.url.split("/j/")[1];
    const opened = await openLinkRoute(new Request(body.data.link.url), { params: Promise.resolve({ token }) });
    expect(opened.headers.get("location")).toContain(`/jobs/${body.data.job.id}`);

    await until(() => onBoard.some((job) => job.id === body.data.job.id), "the job on the board");
    await until(() => onTech.some((job) => job.id === body.data.job.id), "the job on the technician's list");
  });

  it("uses a customer found by search, and search stays inside the company", async () => {
    const mine = await createCustomer(getDb(), {
      companyId: world.company.id,
      name: "Quincy Searchable",
      phone: "+1 (555) 246-8100",
      email: "quincy@example.test",
    });
    await createCustomer(getDb(), { companyId: world.other.id, name: "Quincy Foreign", phone: "+15552468100" });
    for (const q of ["quincy", "246-81", "QUINCY@example"]) {
      const { status, body } = await search(world.dispatcher.cookie, q);
      expect(status).toBe(200);
      expect(body.data.map((c: { name: string }) => c.name)).toEqual(["Quincy Searchable"]);
    }
    expect(
      (await search(world.foreignDispatcher.cookie, "quincy")).body.data.map((c: { name: string }) => c.name),
    ).toEqual(["Quincy Foreign"]);
    expect((await search(world.dispatcher.cookie, "%")).body.data).toEqual([]);
    // A NUL (which PostgreSQL can't compare) is no search at all, never a 500.
    expect((await search(world.dispatcher.cookie, "ab\u0000")).status).toBe(200);

    const { status, body } = await post(world.dispatcher.cookie, {
      customer: { kind: "known", id: mine.id },
      address: "9 Cedar Way",
      problem: "Dishwasher won't drain",
    });
    expect(status).toBe(201);
    expect(body.data.job.status).toBe("REQUESTED");
    expect(body.data.job.customer).toEqual({ name: "Quincy Searchable", address: "9 Cedar Way" });

    // A technician without a time promises no visit yet: still requested.
    const noTime = await post(world.dispatcher.cookie, {
      customer: { kind: "known", id: mine.id },
      address: "9 Cedar Way",
      problem: "Garbage disposal hums",
      technicianId: world.technician.id,
    });
    expect(noTime.body.data.job).toMatchObject({ status: "REQUESTED", technician: { id: world.technician.id } });

    // "Add a new customer" with a number already on file makes a record of its own.
    const second = await post(world.dispatcher.cookie, {
      customer: { kind: "new", name: "Someone Else", phone: mine.phone ?? "", email: "" },
      address: "2 New Street",
      problem: "Faucet",
    });
    expect(second.body.data.job.customer).toEqual({ name: "Someone Else", address: "2 New Street" });

    // Another company's customer can't be used.
    const foreign = await createCustomer(getDb(), { companyId: world.other.id, name: "Not Yours" });
    const refused = await post(world.dispatcher.cookie, {
      customer: { kind: "known", id: foreign.id },
      address: "1 Elsewhere",
      problem: "Leak",
    });
    expect(refused.status).toBe(400);
  });

  it("refuses technicians, homeowners and strangers, and writes nothing", async () => {
    const before = await counts();
    const body = { customer: newCustomer(), address: "1 Main St", problem: "Leak" };
    const cases: [string | null, number, string][] = [
      [null, 401, "unauthorized"],
      [world.homeowner.cookie, 403, "forbidden"],
      [world.technician.cookie, 403, "forbidden"],
    ];
    for (const [cookie, status, code] of cases) {
      const created = await post(cookie, body);
      expect(created.status).toBe(status);
      expect(created.body.error.code).toBe(code);
      const searched = await search(cookie, "Jordan");
      expect(searched.status).toBe(status);
    }
    expect(await counts()).toEqual(before);
  });

  it("checks the window and the technician, field by field, and writes nothing", async () => {
    const before = await counts();
    const base = { customer: newCustomer(), address: "1 Main St", problem: "Leak" };
    const cases: [Record<string, unknown>, string][] = [
      [{ window: { date: tomorrow(), start: "11:00", end: "09:00" } }, "window"],
      [{ window: { date: "2020-01-01", start: "09:00", end: "11:00" } }, "window"],
      [{ window: { date: tomorrow(), start: "9am", end: "11:00" } }, "window.start"],
      [{ technicianId: world.foreignDispatcher.id }, "technicianId"],
      [{ technicianId: world.dispatcher.id }, "technicianId"],
      [{ customer: { kind: "new", name: "No Contact", phone: "", email: "" } }, "customer.phone"],
      [{ customer: { kind: "new", name: "Bad Mail", phone: "", email: "nope" } }, "customer.email"],
      [{ problem: "" }, "problem"],
    ];
    for (const [change, field] of cases) {
      const { status, body } = await post(world.dispatcher.cookie, { ...base, ...change });
      expect(status, JSON.stringify(change)).toBe(400);
      expect(Object.keys(body.error.fields), JSON.stringify(change)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });
});
