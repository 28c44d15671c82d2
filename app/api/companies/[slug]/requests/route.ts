import { openAccessLink } from "@/lib/auth/access-links.ts";
import { clientAddress } from "@/lib/auth/client-address.ts";
import { HOMEOWNER_COOKIE, parseCookieHeader } from "@/lib/auth/cookies.ts";
import { getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { AppError, toErrorBody } from "@/lib/errors.ts";
import { publicOrigin, readForm, readJson, route, seeOther } from "@/lib/http/route.ts";
import { homeownerSessionCookie, newLinkCookie } from "@/lib/intake/landing-cookies.ts";
import { MAX_REQUEST_FORM_BYTES, REQUEST_FIELDS } from "@/lib/intake/schemas.ts";
import { submitRequest } from "@/lib/intake/submit-request.ts";
import { disconnectRoom, publishJob } from "@/lib/realtime/broadcast.ts";
import { rooms } from "@/lib/realtime/events.ts";

export const dynamic = "force-dynamic";

const isFormPost = (request: Request) =>
  request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded") ?? false;

/**
 * A homeowner's service request from `/r/<slug>`. The scripted form sends JSON
 * and shows field errors in place; without script the form posts itself and
 * is answered with a 303: into the thread, or back to the form with which
 * fields to fix (never the text typed: it may be personal). Either way the
 * homeowner lands in the thread with the same session cookie their link gives.
 */
export const POST = route<{ slug: string }>("POST /api/companies/:slug/requests", async (request, { slug }) => {
  const form = isFormPost(request);
  const raw = form ? await readFields(request) : await readJson(request, MAX_REQUEST_FORM_BYTES);
  const db = getDb();
  const context = {
    clientAddress: clientAddress(request.headers, env().TRUST_PROXY),
    linkTtlDays: env().LINK_TTL_DAYS,
  };
  let result: Awaited<ReturnType<typeof submitRequest>>;
  try {
    result = await submitRequest(db, slug, raw, context);
  } catch (error) {
    if (!form || !(error instanceof AppError) || error.code === "not_found") throw error;
    return backToForm(slug, error);
  }

  if (result.kind === "ignored") {
    const path = `/r/${encodeURIComponent(result.companySlug)}/received`;
    return form ? seeOther(path) : Response.json({ data: { path } }, { status: 201 });
  }

  const origin = publicOrigin(request);
  const current = parseCookieHeader(request.headers.get("cookie")).get(HOMEOWNER_COOKIE);
  const opened = await openAccessLink(db, result.link.token, current);
  for (const sessionId of opened.endedSessionIds) disconnectRoom(rooms.session(sessionId));
  if (!result.repeated) publishJob(result.job);

  const path = `/jobs/${result.job.id}`;
  const cookies: [string, string][] = [
    ["set-cookie", homeownerSessionCookie(opened.sessionToken, opened.expiresAt, origin)],
    ["set-cookie", newLinkCookie(result.link.token, origin)],
  ];
  if (form) return seeOther(path, cookies);
  const headers = new Headers({ "cache-control": "no-store", "referrer-policy": "no-referrer" });
  for (const [name, value] of cookies) headers.append(name, value);
  return Response.json(
    { data: { jobId: result.job.id, path, link: new URL(result.link.path, origin).href, repeated: result.repeated } },
    { status: result.repeated ? 200 : 201, headers },
  );
});

async function readFields(request: Request): Promise<Record<string, string>> {
  const form = await readForm(request, MAX_REQUEST_FORM_BYTES, "the request form");
  const fields: Record<string, string> = {};
  for (const name of REQUEST_FIELDS) {
    const value = form.get(name);
    if (value !== null) fields[name] = value;
  }
  return fields;
}

/** Back to the form, naming the fields to fix: the page words them itself. */
function backToForm(slug: string, error: AppError) {
  const query = new URLSearchParams({ error: toErrorBody(error).error.code });
  if (error.fields) query.set("fields", Object.keys(error.fields).join(","));
  if (error.retryAfter !== undefined) query.set("retryAfter", String(error.retryAfter));
  return seeOther(`/r/${encodeURIComponent(slug)}?${query}`);
}
