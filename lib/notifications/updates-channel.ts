// How a job's homeowner hears of it outside the page: the channel they chose,
// the address it goes to, and how the newest notification went. Staff see
// it all (a failed text says why); the homeowner sees their own choice, the
// choices they have, and a masked address.
import type { Actor } from "../auth/actor.ts";
import { isOptedOut } from "../channels/sms/opt-outs.ts";
import { toE164 } from "../channels/sms/phone-numbers.ts";
import type { Db } from "../db.ts";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import type { Channel, DeliveryState, NotificationKind } from "../generated/prisma/enums.ts";
import { getVisibleJob } from "../jobs/get-visible-job.ts";
import { addressFor } from "./queue-homeowner-link.ts";
import type { ChooseChannelInput } from "./schemas.ts";

export type LastDelivery = {
  kind: NotificationKind;
  channel: Channel;
  to: string;
  state: DeliveryState;
  /** Why it failed or was not sent, in words staff can read. */
  reason: string | null;
  at: string;
};

export type UpdatesChannel = {
  name: string;
  channel: Channel;
  /** Channels there is an address for (the page always). */
  available: Channel[];
  /** The number texted STOP: texts are off until it texts START. */
  optedOut: boolean;
  /** Staff: the address in full; the homeowner: its last characters only. */
  phone: string | null;
  email: string | null;
  /** Staff only: how the newest notification went. */
  last: LastDelivery | null;
};

async function homeownerOf(db: Db, jobId: string) {
  const person = await db.participant.findFirst({
    where: { jobId, role: "HOMEOWNER" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      channel: true,
      customer: { select: { id: true, phone: true, email: true } },
    },
  });
  if (!person?.customer) throw new AppError("not_found", "This job has no homeowner to reach.");
  return { ...person, customer: person.customer };
}

export async function getUpdatesChannel(db: Db, actor: Actor, jobId: string): Promise<UpdatesChannel> {
  return (await reachOf(db, actor, jobId)).view;
}

/** The job's homeowner and what the actor sees of how they are reached. */
async function reachOf(db: Db, actor: Actor, jobId: string) {
  await getVisibleJob(db, actor, jobId);
  const person = await homeownerOf(db, jobId);
  const { phone, email } = person.customer;
  const optedOut = phone ? await isOptedOut(db, toE164(phone, env().SMS_COUNTRY_CODE)) : false;
  const available: Channel[] = ["WEB", ...(phone ? (["SMS"] as const) : []), ...(email ? (["EMAIL"] as const) : [])];
  const staff = actor.kind === "staff";
  const last = staff
    ? await db.notification.findFirst({
        where: { jobId, participantId: person.id },
        orderBy: { createdAt: "desc" },
        select: { kind: true, channel: true, to: true, state: true, lastError: true, updatedAt: true },
      })
    : null;
  const view: UpdatesChannel = {
    name: person.name,
    channel: person.channel,
    available,
    optedOut,
    phone: phone && (staff ? phone : maskTail(phone)),
    email: email && (staff ? email : maskEmail(email)),
    last: last && {
      kind: last.kind,
      channel: last.channel,
      to: last.to,
      state: last.state,
      reason: last.state === "FAILED" || last.state === "SKIPPED" || last.state === "PENDING" ? last.lastError : null,
      at: last.updatedAt.toISOString(),
    },
  };
  return { person, view };
}

/**
 * The homeowner picks how they hear of this job (and, by default, of their
 * next ones). Only a channel with an address on file; texts not while the
 * number has opted out (it must text START: the carrier's rule).
 */
export async function chooseChannel(db: Db, actor: Actor, input: ChooseChannelInput): Promise<UpdatesChannel> {
  if (actor.kind !== "homeowner") throw new AppError("forbidden", "Only the homeowner chooses how they hear from us.");
  const { person, view: current } = await reachOf(db, actor, input.jobId);
  if (!current.available.includes(input.channel)) {
    const missing = input.channel === "SMS" ? "a phone number" : "an email address";
    throw new AppError("conflict", `We don't have ${missing} for you. Ask the office to add it.`);
  }
  if (input.channel === "SMS" && current.optedOut) {
    throw new AppError("conflict", "You texted STOP, so we can't text you. Text START to us first, or choose email.");
  }
  const address = addressFor(input.channel, person.customer);
  // What waits to go (a step held through the night, a batch of messages) follows the new choice.
  const held = {
    participantId: person.id,
    state: "PENDING" as const,
    kind: { in: ["STEP" as const, "MESSAGES" as const] },
  };
  await db.$transaction([
    db.participant.update({ where: { id: person.id }, data: { channel: input.channel } }),
    db.customer.update({ where: { id: person.customer.id }, data: { preferredChannel: input.channel } }),
    input.channel === "WEB" || !address
      ? db.notification.updateMany({ where: held, data: { state: "SKIPPED", lastError: "they chose the page only" } })
      : db.notification.updateMany({ where: held, data: { channel: input.channel, to: address } }),
  ]);
  return { ...current, channel: input.channel };
}

const maskTail = (phone: string) => `•••${phone.slice(-4)}`;

function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}
