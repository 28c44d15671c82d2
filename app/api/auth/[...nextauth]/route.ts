import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options.ts";
import { readBoundedText, route } from "@/lib/http/route.ts";

/** A sign-in form is a few hundred bytes; no one signed in yet may send more than this. */
const AUTH_BODY_BYTES = 8 * 1024;

type Params = { nextauth: string[] };

// Built per request: the secret is set by server/index.ts at start, not at build.
// next-auth reads bodies whole, so the body is read here first, within the limit.
const handler = route<Params>("/api/auth/*", async (request, params) => {
  const bounded =
    request.method === "POST"
      ? new NextRequest(request.url, {
          method: "POST",
          headers: request.headers,
          body: await readBoundedText(request, AUTH_BODY_BYTES),
        })
      : request;
  return NextAuth(authOptions())(bounded, { params: Promise.resolve(params) });
});

export { handler as GET, handler as POST };
