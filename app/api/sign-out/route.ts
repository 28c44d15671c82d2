import { parseCookieHeader, STAFF_COOKIES } from "@/lib/auth/cookies.ts";
import { resolveActor } from "@/lib/auth/resolve-actor.ts";
import { revokeStaffSession } from "@/lib/auth/staff-sessions.ts";
import { getDb } from "@/lib/db.ts";
import { route, seeOther } from "@/lib/http/route.ts";
import { disconnectRoom } from "@/lib/realtime/broadcast.ts";
import { rooms } from "@/lib/realtime/events.ts";

// "Sign out" is a plain form post, so it works before (or without) the page's
// script: the session row ends (every tab and socket with it), the cookie goes,
// and the browser lands on the sign-in page (303: it follows with a GET).
// route() refuses it from other sites, so no page elsewhere can sign anyone out.
export const POST = route("POST /api/sign-out", async (request) => {
  const actor = await resolveActor(getDb(), parseCookieHeader(request.headers.get("cookie")));
  if (actor?.kind === "staff") {
    await revokeStaffSession(getDb(), actor.sessionId);
    disconnectRoom(rooms.session(actor.sessionId));
  }
  const cleared = STAFF_COOKIES.map((name): [string, string] => {
    const secure = name.startsWith("__Secure-") ? "; Secure" : "";
    return ["set-cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`];
  });
  return seeOther("/signin", cleared);
});
