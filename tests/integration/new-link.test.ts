// "Send me a new link": the link goes to the contact on the job, never to the
// screen; the answer never tells whether anything matched; limits hold.
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "../../app/api/new-link/route.ts";
import { findUsableLink } from "../../lib/auth/access-links.ts";
import { REMOTE_ADDRESS_HEADER } from "../../lib/auth/client-address.ts";
import { getDb } from "../../lib/db.ts";
import { resetLimits } from "../../lib/limits/limits.ts";
import { deliverToDevOutbox } from "../support/dev-outbox.ts";
import { openJob } from "../support/open-job.ts";
import { buildWorld, type World } from "../support/world.ts";

let world: World;
let address = 1;
beforeEach(async () => {
  await resetLimits();
  await getDb().notification.deleteMany();
  world = await buildWorld();
  address += 1;
});

const headers = () => ({ origin: "http://localhost:3000", [REMOTE_ADDRESS_HEADER]: `10.9.0.${address}` });
const ask = (body: unknown) =>
  POST(
    new Request("http://localhost:3000/api/new-link", {
      method: "POST",
      headers: { ...headers(), "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
const askByForm = (fields: Record<string, string>) =>
  POST(
    new Request("http://localhost:3000/api/new-link", {
      method: "POST",
      headers: { ...headers(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    }),
    { params: Promise.resolve({}) },
  );
const newLinks = () => getDb().notification.findMany({ where: { kind: "NEW_LINK" } });

describe("send me a new link", () => {
  it("sends a fresh link to the number on the job, however it is typed, and says the same either way", async () => {
    const job = await openJob(world, "WEB", { phone: "5550102233", email: "jordan@home.test" });
    const matched = await ask({ contact: "+1 (555) 010-2233", company: world.company.slug });
    const unknown = await ask({ contact: "555 010 9999", company: world.company.slug });
    expect(matched.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await matched.json()).toEqual(await unknown.json());

    const [queued] = await newLinks();
    expect(await newLinks()).toHaveLength(1);
    // By text, though the homeowner follows on the page: they asked by their number.
    expect(queued).toMatchObject({ jobId: job.id, channel: "SMS", to: "5550102233" });

    await deliverToDevOutbox();
    const sent = await getDb().devDelivery.findFirst({ where: { notificationId: queued?.id } });
    expect(sent?.to).toBe("+15550102233");
    const token = /\/j\/([A-Za-z0-9_-]+)/.exec(sent?.text ?? "")?.[1] as string;
    expect((await findUsableLink(getDb(), token)).jobId).toBe(job.id);
  });

  it("finds a job by email, only in the company asked about", async () => {
    await openJob(world, "SMS", { phone: null, email: "jordan@home.test" });
    await ask({ contact: "Jordan@Home.test", company: world.other.slug });
    expect(await newLinks()).toHaveLength(0);
    await ask({ contact: "Jordan@Home.test" });
    expect((await newLinks()).map((row) => [row.channel, row.to])).toEqual([["EMAIL", "jordan@home.test"]]);
  });

  it("refuses a contact that is neither, and is limited per contact whether or not it matches", async () => {
    const bad = await ask({ contact: "hello" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe("A phone number has digits, and may start with +.");
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await ask({ contact: "555 010 9999" })).status).toBe(202);
    const limited = await ask({ contact: "555-010-9999" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("works without script: back to the page it was on, saying so, and nowhere else", async () => {
    await openJob(world, "WEB");
    const sent = await askByForm({
      contact: "5550102233",
      company: world.company.slug,
      back: `/link-problem?reason=expired&company=${world.company.slug}`,
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(
      `/link-problem?reason=expired&company=${world.company.slug}&newLink=sent#new-link`,
    );
    const elsewhere = await askByForm({ contact: "x", back: "https://evil.test/phish" });
    expect(elsewhere.headers.get("location")).toBe("/link-problem?newLink=invalid#new-link");
    const offsite = await askByForm({ contact: "5550102233", back: "//evil.test/r/x" });
    expect(offsite.headers.get("location")).toBe("/link-problem?newLink=sent#new-link");
  });
});
