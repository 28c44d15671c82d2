// The public request form's door (/api/companies/:slug/requests), against a
// real PostgreSQL: what a request writes, what it finds again, and what it
// refuses without writing anything.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as requestRoute } from "../../app/api/companies/[slug]/requests/route.ts";
import { GET as readRoute } from "../../app/api/jobs/[id]/messages/route.ts";
import { REMOTE_ADDRESS_HEADER } from "../../lib/auth/client-address.ts";
import { HOMEOWNER_COOKIE } from "../../lib/auth/cookies.ts";
import { getDb } from "../../lib/db.ts";
import { MAX_PROBLEM_LENGTH } from "../../lib/intake/schemas.ts";
import { resetLimits } from "../../lib/limits/limits.ts";
import { listMessages } from "../../lib/messages/list-messages.ts";
import { createCompany, createCustomer } from "../../prisma/seed/factories.ts";
import { record, startRealtime, until } from "../support/realtime.ts";
import { buildWorld, type World } from "../support/world.ts";

let world: World;
let realtime: Awaited<ReturnType<typeof startRealtime>>;
let slug: string;
let ip = 0;
/** A fresh client address per test, so the per-address limit stays out of the way. */
let address = "10.0.0.1";

beforeAll(async () => {
  process.env.LIMIT_REQUESTS_PER_ADDRESS = "3";
  process.env.LIMIT_REQUESTS_PER_CONTACT = "3";
  await resetLimits();
  world = await buildWorld();
  slug = world.company.slug;
  await getDb().company.update({ where: { id: world.company.id }, data: { firstReplyMinutes: 20 } });
  realtime = await startRealtime();
});
afterAll(async () => {
  await realtime.stop();
  delete process.env.LIMIT_REQUESTS_PER_ADDRESS;
  delete process.env.LIMIT_REQUESTS_PER_CONTACT;
  await resetLimits();
});
beforeEach(() => {
  ip++;
  address = `10.0.${Math.floor(ip / 250)}.${ip % 250}`;
});

const params = (value = slug) => ({ params: Promise.resolve({ slug: value }) });
const uniquePhone = () => `+1 555 ${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

function form(fields: Record<string, unknown>, extra: { from?: string; cookie?: string } = {}) {
  return {
    name: "Robin Banks",
    phone: uniquePhone(),
    email: "",
    address: "12 Elm Street",
    problem: `Kitchen sink drains slowly ${randomUUID()}`,
    preferredTimes: "Weekday mornings",
    channel: "SMS",
    ...fields,
    ...extra,
  };
}

async function submitJson(fields: Record<string, unknown>, options: { from?: string; cookie?: string } = {}) {
  const response = await requestRoute(
    new Request("http://localhost:3000/api/companies/x/requests", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [REMOTE_ADDRESS_HEADER]: options.from ?? address,
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
      body: JSON.stringify(fields),
    }),
    params(),
  );
  return { response, body: await response.json() };
}

const counts = async () => {
  const db = getDb();
  const [jobs, customers, messages, links] = await Promise.all([
    db.job.count(),
    db.customer.count(),
    db.message.count(),
    db.accessLink.count(),
  ]);
  return { jobs, customers, messages, links };
};

const homeownerCookieFrom = (response: Response) => {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith(`${HOMEOWNER_COOKIE}=`));
  return cookie?.split(";")[0] ?? null;
};

describe("a homeowner's request", () => {
  it("creates the customer, the job in REQUESTED, its first entry, and lets the homeowner in", async () => {
    const fields = form({ email: "Robin@Example.test" });
    const { response, body } = await submitJson(fields);
    expect(response.status).toBe(201);
    expect(body.data.path).toBe(`/jobs/${body.data.jobId}`);
    expect(body.data.link).toMatch(/\/j\/[A-Za-z0-9_-]{43}$/);

    const job = await getDb().job.findUniqueOrThrow({
      where: { id: body.data.jobId },
      select: {
        status: true,
        companyId: true,
        description: true,
        address: true,
        preferredTimes: true,
        lastSeq: true,
        lastPublicSeq: true,
        awaitingReplySince: true,
        customer: { select: { name: true, phone: true, email: true, preferredChannel: true } },
        participants: { select: { role: true, name: true, channel: true } },
        messages: { select: { seq: true, kind: true, visibility: true, body: true, clientId: true } },
      },
    });
    expect(job).toMatchObject({
      status: "REQUESTED",
      companyId: world.company.id,
      description: fields.problem,
      address: "12 Elm Street",
      preferredTimes: "Weekday mornings",
      lastSeq: 1,
      lastPublicSeq: 1,
      customer: { name: "Robin Banks", email: "robin@example.test", preferredChannel: "SMS" },
      participants: [{ role: "HOMEOWNER", name: "Robin Banks", channel: "SMS" }],
    });
    expect(job.customer.phone).toBe(fields.phone.replace(/ /g, ""));
    // The homeowner now waits for the office's first answer: the board counts it.
    expect(job.awaitingReplySince).not.toBeNull();
    expect(job.messages).toEqual([
      {
        seq: 1,
        kind: "SYSTEM",
        visibility: "EVERYONE",
        clientId: "server:system:1",
        body: `Request received — we usually answer within 20 minutes.\nWhat's wrong: ${fields.problem}\nAddress: 12 Elm Street\nPreferred times: Weekday mornings`,
      },
    ]);

    // The cookie it set is a homeowner session on this job, as a link's would be.
    const cookie = homeownerCookieFrom(response);
    expect(cookie).not.toBeNull();
    const read = await readRoute(
      new Request("http://localhost:3000/x?afterSeq=0", { headers: { cookie: cookie as string } }),
      { params: Promise.resolve({ id: body.data.jobId }) },
    );
    expect(read.status).toBe(200);
    const thread = await read.json();
    expect(thread.data.messages.map((message: { body: string }) => message.body)[0]).toContain("Request received");
  });

  it("is told to every dispatcher's board at once", async () => {
    const board = await realtime.client(world.dispatcher.cookie);
    const updates = record<{ id: string; status: string }>(board, "job:updated");
    const { body } = await submitJson(form({}));
    await until(() => updates.some((job) => job.id === body.data.jobId), "the new job on the board");
    expect(updates.find((job) => job.id === body.data.jobId)?.status).toBe("REQUESTED");
  });

  it("finds the company's customer by name with their phone (however written) or email, and only in that company", async () => {
    const known = await createCustomer(getDb(), {
      companyId: world.company.id,
      name: "Known Person",
      phone: "+1 (555) 777-0101",
      email: "known@example.test",
      address: "8 Willow Road",
    });
    const foreign = await createCustomer(getDb(), {
      companyId: world.other.id,
      name: "Foreign Person",
      phone: "+15557770202",
    });
    const byPhone = await submitJson(form({ name: "known  person", phone: "+1 555-777-0101", email: "" }));
    const byEmail = await submitJson(
      form({ name: "Known Person", phone: "", email: "KNOWN@example.test", channel: "EMAIL" }),
    );
    const notForeign = await submitJson(form({ name: "Foreign Person", phone: "+1 555 777 0202" }));
    const customerOf = async (jobId: string) =>
      (await getDb().job.findUniqueOrThrow({ where: { id: jobId }, select: { customerId: true } })).customerId;
    expect(await customerOf(byPhone.body.data.jobId)).toBe(known.id);
    expect(await customerOf(byEmail.body.data.jobId)).toBe(known.id);
    expect(await customerOf(notForeign.body.data.jobId)).not.toBe(foreign.id);
    // The job is where the request says, not where the customer's file says.
    const { job } = await listMessages(getDb(), world.dispatcher.actor, byPhone.body.data.jobId, 0);
    expect(job.customer).toEqual({ name: "Known Person", address: "12 Elm Street" });
    // A slug no company can have (a NUL) is a plain 404.
    const nul = await requestRoute(
      new Request("http://localhost:3000/x", {
        method: "POST",
        headers: { "content-type": "application/json", [REMOTE_ADDRESS_HEADER]: address },
        body: JSON.stringify(form({})),
      }),
      params("a\u0000b"),
    );
    expect(nul.status).toBe(404);
  });

  it("tells a stranger with someone's number nothing about them, and changes nothing on file", async () => {
    const priya = await createCustomer(getDb(), {
      companyId: world.company.id,
      name: "Priya Shah",
      phone: "+1 555 0142",
      address: "8 Willow Road",
    });
    const before = await getDb().customer.findUniqueOrThrow({ where: { id: priya.id } });
    const { response, body } = await submitJson(
      form({
        name: "Mallory",
        phone: "+1 555 0142",
        email: "mallory@evil.test",
        address: "1 Evil St",
        channel: "EMAIL",
      }),
    );
    expect(response.status).toBe(201);
    const cookie = homeownerCookieFrom(response) as string;
    const read = await readRoute(new Request("http://localhost:3000/x?afterSeq=0", { headers: { cookie } }), {
      params: Promise.resolve({ id: body.data.jobId }),
    });
    const page = JSON.stringify(await read.json());
    expect(page).not.toContain("Priya");
    expect(page).not.toContain("Willow");
    expect(page).toContain("1 Evil St");
    const job = await getDb().job.findUniqueOrThrow({ where: { id: body.data.jobId } });
    expect(job.customerId).not.toBe(priya.id);
    expect(await getDb().customer.findUniqueOrThrow({ where: { id: priya.id } })).toEqual(before);
  });

  it("makes one job of the same request sent twice within minutes, and lands both in its thread", async () => {
    const fields = form({});
    const first = await submitJson(fields);
    const before = await counts();
    const [again, atOnce] = await Promise.all([submitJson(fields), submitJson({ ...fields })]);
    for (const { response, body } of [again, atOnce]) {
      expect(response.status).toBe(200);
      expect(body.data.jobId).toBe(first.body.data.jobId);
      expect(body.data.repeated).toBe(true);
      expect(homeownerCookieFrom(response)).not.toBeNull();
    }
    const after = await counts();
    expect(after.jobs).toBe(before.jobs);
    expect(after.messages).toBe(before.messages);
    // Each repeat opens a new link to the thread, so repeats count against the limits too.
    const limited = await submitJson(fields);
    expect(limited.response.status).toBe(429);
    await resetLimits();

    // Someone who knows the number but not the rest gets no way into that thread.
    const guess = await submitJson({ ...fields, address: "1 Other Road" });
    expect(guess.body.data.jobId).not.toBe(first.body.data.jobId);

    // Another problem from the same person is another job.
    const other = await submitJson({ ...fields, problem: "And the porch light flickers" });
    expect(other.response.status).toBe(201);
    expect(other.body.data.jobId).not.toBe(first.body.data.jobId);
  });

  it("drops a request that fills the honeypot, answering as if all went well", async () => {
    const before = await counts();
    const { response, body } = await submitJson(form({ website: "http://spam.test" }));
    expect(response.status).toBe(201);
    expect(body.data.path).toBe(`/r/${slug}/received`);
    expect(homeownerCookieFrom(response)).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ phone: "", email: "" }, "phone"],
      [{ phone: "call me maybe" }, "phone"],
      [{ phone: "12" }, "phone"],
      [{ phone: "", email: "not-an-email" }, "email"],
      [{ problem: "x".repeat(MAX_PROBLEM_LENGTH + 1) }, "problem"],
      [{ problem: "   " }, "problem"],
      [{ name: "" }, "name"],
      [{ name: "n".repeat(101) }, "name"],
      [{ address: "" }, "address"],
      [{ channel: "EMAIL", email: "" }, "email"],
      [{ channel: "PIGEON" }, "channel"],
    ];
    for (const [fields, field] of cases) {
      const { response, body } = await submitJson(form(fields));
      expect(response.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(body.error.code).toBe("bad_request");
      expect(Object.keys(body.error.fields)).toContain(field);
      expect(body.error.message).toBe(body.error.fields[Object.keys(body.error.fields)[0] as string]);
    }
    expect(await counts()).toEqual(before);
  });

  it("answers an unknown company with 404 and writes nothing", async () => {
    const before = await counts();
    const response = await requestRoute(
      new Request("http://localhost:3000/x", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(form({})),
      }),
      params("no-such-company"),
    );
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
    expect(await counts()).toEqual(before);
  });

  it("limits requests per client address and per contact", async () => {
    // LIMIT_REQUESTS_PER_ADDRESS = 3 from one address, whatever the contact.
    for (let i = 0; i < 3; i++) expect((await submitJson(form({}), { from: "10.9.9.9" })).response.status).toBe(201);
    const before = await counts();
    const refused = await submitJson(form({}), { from: "10.9.9.9" });
    expect(refused.response.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);

    // LIMIT_REQUESTS_PER_CONTACT = 3 for one phone, from anywhere.
    const phone = uniquePhone();
    for (let i = 0; i < 3; i++)
      expect((await submitJson(form({ phone }), { from: `10.8.8.${i + 1}` })).response.status).toBe(201);
    const byContact = await submitJson(form({ phone }), { from: "10.8.8.9" });
    expect(byContact.response.status).toBe(429);
    expect(byContact.body.error.code).toBe("rate_limited");
    // The same number at another company is another budget.
    const elsewhere = await createCompany(getDb(), { name: "Elsewhere" });
    const there = await requestRoute(
      new Request("http://localhost:3000/x", {
        method: "POST",
        headers: { "content-type": "application/json", [REMOTE_ADDRESS_HEADER]: "10.8.8.10" },
        body: JSON.stringify(form({ phone })),
      }),
      params(elsewhere.slug),
    );
    expect(there.status).toBe(201);
  });

  it("takes a plain form post (no script): 303 into the thread with the homeowner cookie", async () => {
    const fields = form({});
    const response = await requestRoute(
      new Request("http://localhost:3000/x", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: "http://localhost:3000",
          [REMOTE_ADDRESS_HEADER]: address,
        },
        body: new URLSearchParams(fields as Record<string, string>).toString(),
      }),
      params(),
    );
    expect(response.status).toBe(303);
    const location = response.headers.get("location") ?? "";
    expect(location).toMatch(/^\/jobs\/[0-9a-f-]{36}$/);
    expect(homeownerCookieFrom(response)).not.toBeNull();
    expect(response.headers.getSetCookie().some((value) => value.startsWith("trio.new-link="))).toBe(true);

    // A bad one goes back to the form naming the fields, never echoing what was typed.
    const before = await counts();
    const bad = await requestRoute(
      new Request("http://localhost:3000/x", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", [REMOTE_ADDRESS_HEADER]: address },
        body: new URLSearchParams({ ...fields, phone: "", email: "secret@", name: "Secret Name" } as Record<
          string,
          string
        >).toString(),
      }),
      params(),
    );
    expect(bad.status).toBe(303);
    const back = bad.headers.get("location") ?? "";
    expect(back).toMatch(new RegExp(`^/r/${slug}\\?`));
    expect(new URL(back, "http://x").searchParams.get("fields")).toBe("email");
    expect(back).not.toContain("Secret");
    expect(await counts()).toEqual(before);
  });

  it("refuses a form post from another site", async () => {
    const before = await counts();
    const response = await requestRoute(
      new Request("http://localhost:3000/x", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.test" },
        body: new URLSearchParams(form({}) as Record<string, string>).toString(),
      }),
      params(),
    );
    expect(response.status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});
