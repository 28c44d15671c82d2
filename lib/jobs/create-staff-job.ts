import type { StaffActor } from "../auth/actor.ts";
import { canCreateJob } from "../auth/policy.ts";
import { AppError } from "../errors.ts";
import { formatWindow } from "../format/dates.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { arrivalWindow } from "./arrival-window.ts";
import { type CreatedJob, createJob } from "./create-job.ts";
import type { CreateJobInput } from "./schemas.ts";

/**
 * A job a dispatcher opens, usually for a homeowner on the phone: a customer
 * of their company (found or added), an optional arrival window in the
 * company's time zone and an optional technician of their company. Scheduled
 * when it has both a technician and a window, otherwise requested. Returns a homeowner link to
 * send them.
 */
export async function createStaffJob(
  db: PrismaClient,
  actor: StaffActor,
  input: CreateJobInput,
  linkTtlDays: number,
): Promise<CreatedJob> {
  if (!canCreateJob(actor)) throw new AppError("forbidden", "Only a dispatcher can open jobs.");
  const company = await db.company.findUniqueOrThrow({ where: { id: actor.companyId }, select: { timeZone: true } });
  const window = input.window ? arrivalWindow(input.window, company.timeZone) : null;
  const technician = input.technicianId
    ? await db.membership.findFirst({
        where: { userId: input.technicianId, companyId: actor.companyId, role: "TECHNICIAN" },
        select: { user: { select: { id: true, name: true } } },
      })
    : null;
  if (input.technicianId && !technician) {
    const message = "That person is not a technician of this company.";
    throw new AppError("bad_request", message, { fields: { technicianId: message } });
  }

  return createJob(db, {
    companyId: actor.companyId,
    customer:
      input.customer.kind === "known"
        ? { id: input.customer.id }
        : {
            name: input.customer.name,
            phone: input.customer.phone,
            email: input.customer.email,
            address: input.address,
            // The office chose "Add a new customer": a record of its own.
            matchExisting: false,
          },
    problem: input.problem,
    address: input.address,
    technicianId: technician?.user.id ?? null,
    window,
    // Scheduled means a time was promised: a technician alone is not one.
    status: technician && window ? "SCHEDULED" : "REQUESTED",
    awaitingReply: false,
    firstEntry: () =>
      [
        `${actor.name} took this request by phone.`,
        `What's wrong: ${input.problem}`,
        `Address: ${input.address}`,
        ...(window
          ? [`Arrival window: ${formatWindow(window.start.toISOString(), window.end.toISOString(), company.timeZone)}`]
          : []),
        ...(technician ? [`Technician: ${technician.user.name}`] : []),
      ].join("\n"),
    linkTtlDays,
  });
}
