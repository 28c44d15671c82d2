// Plumbing shared by the route handlers in app/api: one error shape, one way to
// learn who is asking, bounded JSON bodies.
import type { Actor } from "../auth/actor.ts";
import { parseCookieHeader } from "../auth/cookies.ts";
import { resolveActor } from "../auth/resolve-actor.ts";
import { getDb } from "../db.ts";
import { env } from "../env.ts";
import { AppError, statusOf, toErrorBody } from "../errors.ts";

export const MAX_JSON_BYTES = 32 * 1024;

type RouteContext<P> = { params: Promise<P> };

/** Wraps a handler so every failure answers `{ error: { code, message } }`. */
export function route<P = Record<string, never>>(
  name: string,
  handler: (request: Request, params: P) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(request, await context.params);
    } catch (error) {
      const body = toErrorBody(error, name);
      return Response.json(body, { status: statusOf(body) });
    }
  };
}

export function ok(data: unknown, status = 200): Response {
  return Response.json({ data }, { status, headers: { "cache-control": "no-store" } });
}

export async function requireActor(request: Request): Promise<Actor> {
  const actor = await resolveActor(getDb(), parseCookieHeader(request.headers.get("cookie")));
  if (!actor) throw new AppError("unauthorized", "Sign in, or open the link your service company sent you.");
  return actor;
}

export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("payload_too_large", `Requests can be at most ${maxBytes} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) {
    throw new AppError("payload_too_large", `Requests can be at most ${maxBytes} bytes.`);
  }
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
