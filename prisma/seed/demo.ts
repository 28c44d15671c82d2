// Demo data for `npm start`: one company with a dispatcher, two technicians and
// a few homeowners' jobs at different stages, plus a second company to show
// that tenants never see each other.
import { createAccessLink } from "../../lib/auth/access-links.ts";
import { hashToken, isTokenShaped } from "../../lib/auth/tokens.ts";
import { formatWindow } from "../../lib/format/dates.ts";
import type { PrismaClient } from "../../lib/generated/prisma/client.ts";
import { DEMO_COMPANY_SLUG, DEMO_DISPATCHER_EMAIL } from "../../lib/intake/demo-request-page.ts";
import { SUGGESTED_QUICK_REPLIES } from "../../lib/quick-replies/suggested.ts";
import { createCompany, createCustomer, createJob, createQuickReplies, createStaff } from "./factories.ts";

export { DEMO_COMPANY_SLUG };

export const DEMO_PASSWORD = "trio-demo";
export const DEMO_STAFF = [
  { role: "DISPATCHER", name: "Dana Reyes", email: DEMO_DISPATCHER_EMAIL },
  {
    role: "TECHNICIAN",
    name: "Sam Okafor",
    email: "sam@brightside.test",
    bio: "Gas heaters and boilers for 12 years. Always brings shoe covers.",
  },
  {
    role: "TECHNICIAN",
    name: "Riley Chen",
    email: "riley@brightside.test",
    bio: "Heating and cooling specialist, licensed in HVAC since 2016.",
  },
] as const;
export const DEMO_HOMEOWNER = "Jordan Miller";

const HOUR = 60 * 60 * 1000;
/** A printed demo link is replaced when less than this is left of it. */
const LINK_MIN_REMAINING_MS = 24 * HOUR;

function nextMorning(hour: number) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + 1);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
}

export async function isSeeded(db: PrismaClient) {
  return (await db.company.count()) > 0;
}

export async function seedDemo(db: PrismaClient) {
  await db.$transaction(
    async (tx) => {
      const company = await createCompany(tx, {
        name: "Brightside Home Services",
        slug: DEMO_COMPANY_SLUG,
        phone: "(555) 010-0199",
        email: "hello@brightside.test",
      });
      const [dana, sam, riley] = await Promise.all(
        DEMO_STAFF.map((person) => createStaff(tx, { ...person, companyId: company.id, password: DEMO_PASSWORD })),
      );
      if (!dana || !sam || !riley) throw new Error("demo staff missing");
      await createQuickReplies(tx, company.id, SUGGESTED_QUICK_REPLIES);
      const jordan = await createCustomer(tx, {
        companyId: company.id,
        name: DEMO_HOMEOWNER,
        phone: "+1 555 0100",
        address: "42 Maple Avenue",
      });
      const alex = await createCustomer(tx, { companyId: company.id, name: "Alex Kim", address: "7 Birch Lane" });
      const morgan = await createCustomer(tx, { companyId: company.id, name: "Morgan Lee", address: "19 Oak Court" });

      const heaterWindow = { start: nextMorning(15), end: nextMorning(17) };
      const heater = await createJob(tx, {
        companyId: company.id,
        customerId: jordan.id,
        technicianId: sam.id,
        title: "No hot water: water heater pilot keeps going out",
        description: "40-gallon gas heater in the basement, about 9 years old.",
        windowStart: heaterWindow.start,
        windowEnd: heaterWindow.end,
      });
      await createJob(tx, {
        companyId: company.id,
        customerId: alex.id,
        technicianId: riley.id,
        title: "AC blowing warm air",
        windowStart: nextMorning(17),
        windowEnd: nextMorning(19),
      });
      await createJob(tx, { companyId: company.id, customerId: morgan.id, title: "Dripping bathroom faucet" });

      // A finished job, so the Closed view has something to find.
      const priya = await createCustomer(tx, {
        companyId: company.id,
        name: "Priya Shah",
        phone: "+1 555 0142",
        address: "8 Willow Road",
      });
      const tuneUp = await createJob(tx, {
        companyId: company.id,
        customerId: priya.id,
        technicianId: sam.id,
        status: "COMPLETED",
        title: "Annual furnace tune-up",
      });
      const doneAt = new Date(Date.now() - 3 * 24 * HOUR);
      const samThere = await tx.participant.create({
        data: { jobId: tuneUp.id, userId: sam.id, role: "TECHNICIAN", name: sam.name, lastReadSeq: 1 },
      });
      await tx.message.create({
        data: {
          jobId: tuneUp.id,
          seq: 1,
          clientId: "demo-done-1",
          kind: "STATUS",
          body: "The job is complete.\nWork done: Cleaned the burners, replaced the filter, checked the flue.",
          authorId: samThere.id,
          createdAt: doneAt,
        },
      });
      await tx.job.update({
        where: { id: tuneUp.id },
        data: {
          lastSeq: 1,
          lastPublicSeq: 1,
          publicUpdatedAt: doneAt,
          steps: { COMPLETED: doneAt.toISOString() },
          createdAt: new Date(doneAt.getTime() - 2 * 24 * HOUR),
        },
      });

      // A short conversation so the demo thread is not empty.
      const people = {
        homeowner: await tx.participant.create({
          data: { jobId: heater.id, customerId: jordan.id, role: "HOMEOWNER", name: jordan.name },
        }),
        dispatcher: await tx.participant.create({
          data: { jobId: heater.id, userId: dana.id, role: "DISPATCHER", name: dana.name },
        }),
      };
      const lines = [
        { author: people.homeowner.id, body: "Hi, we have had no hot water since last night.", visibility: "EVERYONE" },
        {
          author: people.dispatcher.id,
          body: `Sorry to hear that, Jordan. Sam will be with you ${formatWindow(
            heaterWindow.start.toISOString(),
            heaterWindow.end.toISOString(),
            company.timeZone,
          )}.`,
          visibility: "EVERYONE",
        },
        { author: people.dispatcher.id, body: "Sam: bring a spare thermocouple.", visibility: "STAFF" },
      ] as const;
      // As trio_append_entry keeps them: the homeowner's view ends at the last public entry.
      let lastPublic = { seq: 0, at: new Date() };
      for (const [index, line] of lines.entries()) {
        const message = await tx.message.create({
          data: {
            jobId: heater.id,
            seq: index + 1,
            clientId: `demo-${index + 1}`,
            body: line.body,
            visibility: line.visibility,
            authorId: line.author,
            createdAt: new Date(Date.now() - (lines.length - index) * 0.2 * HOUR),
          },
        });
        if (line.visibility === "EVERYONE") lastPublic = { seq: message.seq, at: message.createdAt };
      }
      await tx.job.update({
        where: { id: heater.id },
        data: {
          lastSeq: lines.length,
          lastPublicSeq: lastPublic.seq,
          publicUpdatedAt: lastPublic.at,
          // The request came in before the conversation about it.
          createdAt: new Date(Date.now() - lines.length * 0.2 * HOUR - 0.1 * HOUR),
        },
      });
      await tx.participant.update({ where: { id: people.dispatcher.id }, data: { lastReadSeq: lines.length } });
      await tx.participant.update({ where: { id: people.homeowner.id }, data: { lastReadSeq: 2 } });

      const other = await createCompany(tx, { name: "Northwind Plumbing", slug: "northwind" });
      await createStaff(tx, {
        companyId: other.id,
        role: "DISPATCHER",
        name: "Casey Northwind",
        email: "dispatcher@northwind.test",
        password: DEMO_PASSWORD,
      });
    },
    { timeout: 30_000 },
  );
}

/**
 * The demo homeowner's link to print at start: the one printed before, while it
 * stays live (its token comes from the caller: only hashes are stored), else a
 * new one. Null when there is no demo data.
 */
export async function demoHomeownerLink(db: PrismaClient, ttlDays: number, knownToken: string | null) {
  const job = await db.job.findFirst({
    where: { company: { slug: DEMO_COMPANY_SLUG }, customer: { name: DEMO_HOMEOWNER } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!job) return null;
  if (knownToken && isTokenShaped(knownToken)) {
    const live = await db.accessLink.findFirst({
      where: {
        tokenHash: hashToken(knownToken),
        jobId: job.id,
        revokedAt: null,
        expiresAt: { gt: new Date(Date.now() + LINK_MIN_REMAINING_MS) },
      },
      select: { id: true },
    });
    if (live) return { token: knownToken, path: `/j/${knownToken}`, reused: true };
  }
  const link = await createAccessLink(db, job.id, ttlDays);
  return { token: link.token, path: link.path, reused: false };
}
