import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db.ts";
import { requireAuthSecret } from "../env.ts";
import { disconnectRoom } from "../realtime/broadcast.ts";
import { rooms } from "../realtime/events.ts";
import { verifyPassword } from "./passwords.ts";
import { TOO_MANY_SIGN_INS } from "./sign-in-errors.ts";
import { clearSignInFailures, isSignInLocked, recordSignInFailure } from "./sign-in-limiter.ts";
import { createStaffSession, revokeStaffSession, STAFF_SESSION_DAYS } from "./staff-sessions.ts";

export const signInSchema = z.object({
  email: z.email("Enter a valid email address.").max(254).toLowerCase(),
  password: z.string().min(1, "Enter your password.").max(200),
});

// Checked even for unknown emails so both answers take the same time.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/**
 * Staff sign in with email and password. The JWT carries `sid`, the id of a
 * StaffSession row: resolveActor accepts the cookie only while that row is live,
 * so signing out ends the session everywhere at once, sockets included.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: requireAuthSecret(),
    session: { strategy: "jwt", maxAge: STAFF_SESSION_DAYS * 24 * 60 * 60 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const { email } = parsed.data;
          // next-auth hands a thrown error's message to the form as `error`.
          if (await isSignInLocked(email)) throw new Error(TOO_MANY_SIGN_INS);
          const user = await getDb().user.findUnique({
            where: { email },
            select: { id: true, name: true, email: true, passwordHash: true, memberships: { select: { id: true } } },
          });
          const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
          if (!user || !ok || user.memberships.length === 0) {
            await recordSignInFailure(email);
            return null;
          }
          await clearSignInFailures(email);
          return { id: user.id, name: user.name, email: user.email };
        },
      }),
    ],
    callbacks: {
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
