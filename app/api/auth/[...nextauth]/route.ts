import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options.ts";
import { safeCallbackPath } from "@/lib/auth/safe-callback-url.ts";
import { AppError } from "@/lib/errors.ts";
import { readBoundedText, route } from "@/lib/http/route.ts";

/** A sign-in form is a few hundred bytes; no one signed in yet may send more than this. */
const AUTH_BODY_BYTES = 8 * 1024;

/**
 * What Trio uses of next-auth (the scripted sign-in, sign-out, session and its
 * pages, which redirect to ours). Anything else is not found here, rather than
 * next-auth's 500 ("Callback for provider type credentials not supported").
 */
const ACTIONS: Record<string, ReadonlySet<string>> = {
  GET: new Set(["session", "csrf", "providers", "signin", "signout", "error"]),
  POST: new Set(["signin", "callback", "signout", "session", "_log"]),
};

type Params = { nextauth: string[] };

/**
 * next-auth answers a callbackUrl that isn't a valid URL of ours with a 500
 * page; ours becomes a path on our own origin ("/" when it isn't one), in the
 * query and in a form body alike.
 */
function withSafeCallback(params: URLSearchParams, origin: string): URLSearchParams {
  const value = params.get("callbackUrl");
  if (value !== null) params.set("callbackUrl", safeCallbackPath(value, origin));
  return params;
}

// Built per request: the secret is set by server/index.ts at start, not at build.
// next-auth reads bodies whole, so the body is read here first, within the limit.
const handler = route<Params>("/api/auth/*", async (request, params) => {
  const action = params.nextauth[0] ?? "";
  if (!ACTIONS[request.method]?.has(action)) throw new AppError("not_found", "There is nothing here.");
  const url = new URL(request.url);
  withSafeCallback(url.searchParams, url.origin);
  let body: string | undefined;
  if (request.method === "POST") {
    const text = await readBoundedText(request, AUTH_BODY_BYTES);
    const form = request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded");
    body = form ? withSafeCallback(new URLSearchParams(text), url.origin).toString() : text;
  }
  await replaceUnsafeCallbackCookie(url.origin);
  const forwarded = new NextRequest(url, { method: request.method, headers: request.headers, body });
  return NextAuth(authOptions())(forwarded, { params: Promise.resolve(params) });
});

/**
 * next-auth keeps the callback URL in a cookie and answers 500 when it isn't
 * one of ours (it reads cookies through next/headers, where this rewrite is seen).
 */
async function replaceUnsafeCallbackCookie(origin: string) {
  const store = await cookies();
  for (const name of ["next-auth.callback-url", "__Secure-next-auth.callback-url"]) {
    const value = store.get(name)?.value;
    if (value === undefined) continue;
    const safe = new URL(safeCallbackPath(value, origin), origin).href;
    if (safe !== value)
      store.set(name, safe, { path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}

export { handler as GET, handler as POST };
