// Plumbing shared by the route handlers in app/api: one error shape, one way to
// learn who is asking, bounded JSON bodies.
import type { Actor } from "../auth/actor.ts";
import { parseCookieHeader } from "../auth/cookies.ts";
import { resolveActor } from "../auth/resolve-actor.ts";
import { getDb } from "../db.ts";
import { env } from "../env.ts";
import { AppError, statusOf, toErrorBody } from "../errors.ts";
import { assertSameOrigin } from "./same-origin.ts";

/** As large as a socket frame: a 4,000-emoji message written with \u escapes still fits. */
export const MAX_JSON_BYTES = 64 * 1024;

type RouteContext<P> = { params: Promise<P> };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Wraps a handler so every failure answers `{ error: { code, message } }`; a
 * refusal with a retry time (`rate_limited`) also says it in `Retry-After`.
 * A request that changes something must come from Trio's own pages (`forbidden`
 * otherwise): another site can't ride a signed-in user's cookies.
 */
export function route<P = Record<string, never>>(
  name: string,
  handler: (request: Request, params: P) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
      return await handler(request, await context.params);
    } catch (error) {
      return errorResponse(error, name);
    }
  };
}

/**
 * A door another service calls (a provider's webhook): cross-site by nature,
 * so there is no same-origin check, and no cookie is ever read behind it. The
 * handler must prove who sent the request (a signature) before it acts on it.
 * Failures answer in the same one error shape as `route`.
 */
export function webhookRoute(name: string, handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      return await handler(request);
    } catch (error) {
      return errorResponse(error, name);
    }
  };
}

function errorResponse(error: unknown, name: string): Response {
  const body = toErrorBody(error, name);
  const { retryAfter } = body.error;
  const headers = retryAfter === undefined ? undefined : { "retry-after": String(retryAfter) };
  return Response.json(body, { status: statusOf(body), headers });
}

export function ok(data: unknown, status = 200): Response {
  return Response.json({ data }, { status, headers: { "cache-control": "no-store" } });
}

export async function requireActor(request: Request): Promise<Actor> {
  const actor = await resolveActor(getDb(), parseCookieHeader(request.headers.get("cookie")));
  if (!actor) throw new AppError("unauthorized", "Sign in, or open the link your service company sent you.");
  return actor;
}

const tooLarge = (maxBytes: number) => new AppError("payload_too_large", `Requests can be at most ${maxBytes} bytes.`);

/** Reads the body, stopping as soon as it passes the limit (chunked bodies declare no length). */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string> {
  return (await readBoundedBytes(request, maxBytes)).toString("utf8");
}

/** The body's bytes, read as readBoundedText reads them. */
export async function readBoundedBytes(request: Request, maxBytes: number, refusal = tooLarge): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw refusal(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw refusal(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A multipart/form-data body (a file upload), read within the limit before
 * it is parsed: nothing unbounded is ever buffered. `refusal` words the 413.
 */
export async function readMultipartForm(
  request: Request,
  maxBytes: number,
  refusal: (maxBytes: number) => AppError = tooLarge,
): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data"))
    throw new AppError("unsupported_media_type", "Send the file as multipart/form-data.");
  const bytes = await readBoundedBytes(request, maxBytes, refusal);
  try {
    return await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request", "The upload was cut off or is not a valid form. Try again.");
  }
}

/** A plain form post's fields (the no-script doors: sign-in, password reset), within the limit. */
export async function readForm(request: Request, maxBytes: number, what: string): Promise<URLSearchParams> {
  if (!request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded"))
    throw new AppError("bad_request", `Send ${what} as a form post.`);
  return new URLSearchParams(await readBoundedText(request, maxBytes));
}

/** 303 See Other: after a form post the browser follows with a GET. `extra` may repeat set-cookie. */
export function seeOther(location: string, extra: [string, string][] = []): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const [name, value] of extra) headers.append(name, value);
  return new Response(null, { status: 303, headers });
}

/**
 * Only JSON is read: a form or `text/plain` post is what a page on another site
 * can send without asking, so it is refused before the body is looked at.
 */
export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json")
    throw new AppError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  const text = await readBoundedText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
}

/** The address people reach Trio at, for links handed to them. */
export function publicOrigin(request: Request): string {
  return env().APP_URL ?? env().NEXTAUTH_URL ?? new URL(request.url).origin;
}
