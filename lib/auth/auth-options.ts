import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db.ts";
import { env, requireAuthSecret } from "../env.ts";
import { disconnectRoom } from "../realtime/broadcast.ts";
import { rooms } from "../realtime/events.ts";
import { clientAddress } from "./client-address.ts";
import { safeCallbackPath } from "./safe-callback-url.ts";
import { signInSchema } from "./schemas.ts";
import { refusalCode } from "./sign-in-errors.ts";
import { createStaffSession, revokeStaffSession, STAFF_SESSION_DAYS } from "./staff-sessions.ts";
import { verifyStaffCredentials } from "./verify-staff-credentials.ts";

/**
 * Staff sign in with email and password. The JWT carries `sid`, the id of a
 * StaffSession row: resolveActor accepts the cookie only while that row is live,
 * so signing out ends the session everywhere at once, sockets included.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: requireAuthSecret(),
    session: { strategy: "jwt", maxAge: STAFF_SESSION_DAYS * 24 * 60 * 60 },
    // next-auth's own pages carry inline styles our CSP blocks: its sign-out
    // confirmation and error pages are ours too (our button posts sign-out).
    pages: { signIn: "/signin", signOut: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const address = clientAddress(request?.headers ?? {}, env().TRUST_PROXY);
          const result = await verifyStaffCredentials(getDb(), parsed.data, address);
          if (result.ok) return result.user;
          if (result.reason === "credentials") return null;
          // next-auth hands a thrown error's message to the form as `error`.
          throw new Error(refusalCode(result));
        },
      }),
    ],
    callbacks: {
      // next-auth's default throws on a callbackUrl that is no URL (a 500); ours sends it home.
      redirect: ({ url, baseUrl }) => new URL(safeCallbackPath(url, baseUrl), baseUrl).href,
      async jwt({ token, user }) {
        if (user) {
          const session = await createStaffSession(getDb(), user.id);
          token.sid = session.id;
        }
        return token;
      },
    },
    events: {
      async signOut({ token }) {
        const sid = typeof token?.sid === "string" ? token.sid : null;
        if (!sid) return;
        await revokeStaffSession(getDb(), sid);
        disconnectRoom(rooms.session(sid));
      },
    },
  };
}
