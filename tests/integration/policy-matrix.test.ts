// Every role × every action, on the HTTP doors and the socket doors, against
// the real route handlers, a real Socket.IO server and a real database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postRoute, GET as readRoute } from "../../app/api/jobs/[id]/messages/route.ts";
import { POST as transitionRoute } from "../../app/api/jobs/[id]/transitions/route.ts";
import { GET as listJobsRoute } from "../../app/api/jobs/route.ts";
import { getDb } from "../../lib/db.ts";
import type { JobSummary } from "../../lib/jobs/job-view.ts";
import { createJob } from "../../prisma/seed/factories.ts";
import { type Client, record, request, settle, startRealtime } from "../support/realtime.ts";
import { buildWorld, homeownerCookie, type World } from "../support/world.ts";

type Role =
  | "homeowner"
  | "assignedTechnician"
  | "unassignedTechnician"
  | "dispatcher"
  | "foreignDispatcher"
  | "anonymous";
type Outcome = "ok" | "forbidden" | "not_found" | "unauthorized";
type Action = "read" | "post" | "note" | "status" | "list";

const ROLES: Role[] = [
  "homeowner",
  "assignedTechnician",
  "unassignedTechnician",
  "dispatcher",
  "foreignDispatcher",
  "anonymous",
];
const HIDDEN = {
  read: "not_found",
  post: "not_found",
  note: "not_found",
  status: "not_found",
  list: "hidden",
} as const;

// The access table of design.md, cell by cell. `list`: whether the job shows in that person's lists.
const EXPECTED: Record<Role, Record<Action, Outcome | "shown" | "hidden">> = {
  homeowner: { read: "ok", post: "ok", note: "forbidden", status: "forbidden", list: "shown" },
  assignedTechnician: { read: "ok", post: "ok", note: "ok", status: "ok", list: "shown" },
  unassignedTechnician: HIDDEN,
  dispatcher: { read: "ok", post: "ok", note: "ok", status: "ok", list: "shown" },
  foreignDispatcher: HIDDEN,
  anonymous: {
    read: "unauthorized",
    post: "unauthorized",
    note: "unauthorized",
    status: "unauthorized",
    list: "hidden",
  },
};

let world: World;
let realtime: Awaited<ReturnType<typeof startRealtime>>;

/** A fresh scheduled job per status cell (a status change can happen only once), with its own homeowner link. */
async function freshJob() {
  const job = await createJob(getDb(), {
    companyId: world.company.id,
    customerId: world.customer.id,
    technicianId: world.technician.id,
  });
  return { id: job.id, homeowner: await homeownerCookie(job.id) };
}

function cookieOf(role: Role, homeowner: string): string | null {
  switch (role) {
    case "homeowner":
      return homeowner;
    case "assignedTechnician":
      return world.technician.cookie;
    case "unassignedTechnician":
      return world.otherTechnician.cookie;
    case "dispatcher":
      return world.dispatcher.cookie;
    case "foreignDispatcher":
      return world.foreignDispatcher.cookie;
    case "anonymous":
      return null;
  }
}

const http = (method: string, path: string, cookie: string | null, body?: unknown) =>
  new Request(`http://localhost:3000${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

async function outcomeOf(response: Response): Promise<Outcome> {
  if (response.ok) return "ok";
  const body = (await response.json()) as { error: { code: Outcome; message: string } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(response.status).toBe({ forbidden: 403, not_found: 404, unauthorized: 401, ok: 200 }[body.error.code]);
  return body.error.code;
}

async function httpCell(role: Role, action: Action): Promise<string> {
  const job = await freshJob();
  const cookie = cookieOf(role, job.homeowner);
  const message = (visibility: string) => ({ clientId: randomUUID(), body: `${role} ${action}`, visibility });
  switch (action) {
    case "read":
      return outcomeOf(await readRoute(http("GET", `/api/jobs/${job.id}/messages`, cookie), params({ id: job.id })));
    case "post":
      return outcomeOf(await postRoute(http("POST", "/", cookie, message("EVERYONE")), params({ id: job.id })));
    case "note":
      return outcomeOf(await postRoute(http("POST", "/", cookie, message("STAFF")), params({ id: job.id })));
    case "status":
      return outcomeOf(await transitionRoute(http("POST", "/", cookie, { to: "EN_ROUTE" }), params({ id: job.id })));
    case "list": {
      const response = await listJobsRoute(http("GET", "/api/jobs", cookie), params({}));
      if (!response.ok) return "hidden";
      const { data } = (await response.json()) as { data: JobSummary[] };
      return data.some((j) => j.id === job.id) ? "shown" : "hidden";
    }
  }
}

async function socketCell(role: Role, action: Action): Promise<string> {
  const job = await freshJob();
  const cookie = cookieOf(role, job.homeowner);
  let socket: Client;
  try {
    socket = await realtime.client(cookie);
  } catch {
    return action === "list" ? "hidden" : "unauthorized";
  }
  try {
    const answer = async (event: string, payload: unknown): Promise<Outcome> => {
      const response = await request(socket, event, payload);
      return response.error ? (response.error.code as Outcome) : "ok";
    };
    const message = (visibility: string) => ({ jobId: job.id, clientId: randomUUID(), body: "x", visibility });
    switch (action) {
      case "read":
        return await answer("thread:join", { jobId: job.id, afterSeq: 0 });
      case "post":
        return await answer("message:send", message("EVERYONE"));
      case "note":
        return await answer("message:send", message("STAFF"));
      case "status":
        return await answer("job:transition", { jobId: job.id, to: "EN_ROUTE" });
      case "list": {
        // Lists stay live through job:updated, without joining any thread.
        const updates = record<JobSummary>(socket, "job:updated");
        const office = await realtime.client(world.dispatcher.cookie);
        await request(office, "job:transition", { jobId: job.id, to: "EN_ROUTE" });
        await settle();
        office.disconnect();
        return updates.some((u) => u.id === job.id) ? "shown" : "hidden";
      }
    }
  } finally {
    socket.disconnect();
  }
}

beforeAll(async () => {
  world = await buildWorld();
  realtime = await startRealtime();
});

afterAll(async () => {
  await realtime.stop();
});

describe.each(["http", "socket"] as const)("the %s door", (door) => {
  it.each(ROLES)("%s gets exactly what the access table allows", async (role) => {
    const actual: Record<string, string> = {};
    for (const action of Object.keys(EXPECTED[role]) as Action[]) {
      actual[action] = door === "http" ? await httpCell(role, action) : await socketCell(role, action);
    }
    expect(actual).toEqual(EXPECTED[role]);
  });
});

describe("unknown and forbidden", () => {
  it("look exactly the same from outside", async () => {
    const job = await freshJob();
    const forbidden = await readRoute(http("GET", "/", world.foreignDispatcher.cookie), params({ id: job.id }));
    const unknownId = randomUUID();
    const unknown = await readRoute(http("GET", "/", world.foreignDispatcher.cookie), params({ id: unknownId }));
    expect(forbidden.status).toBe(404);
    expect(await forbidden.json()).toEqual(await unknown.json());
  });
});
