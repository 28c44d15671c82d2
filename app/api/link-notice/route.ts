import { ok, publicOrigin, route } from "@/lib/http/route.ts";
import { forgetNewLinkCookie } from "@/lib/intake/landing-cookies.ts";

export const dynamic = "force-dynamic";

/** "I've kept it": the thread stops showing the homeowner their new link. */
export const DELETE = route("DELETE /api/link-notice", async (request) => {
  const response = ok({});
  response.headers.append("set-cookie", forgetNewLinkCookie(publicOrigin(request)));
  return response;
});
