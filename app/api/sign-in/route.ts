import { clientAddress } from "@/lib/auth/client-address.ts";
import { safeCallbackPath } from "@/lib/auth/safe-callback-url.ts";
import { signInSchema } from "@/lib/auth/schemas.ts";
import { refusalCode, type SignInErrorCode } from "@/lib/auth/sign-in-errors.ts";
import { staffSessionCookie } from "@/lib/auth/staff-session-cookie.ts";
import { verifyStaffCredentials } from "@/lib/auth/verify-staff-credentials.ts";
import { getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { AppError } from "@/lib/errors.ts";
import { publicOrigin, readBoundedText, route } from "@/lib/http/route.ts";
import { assertSameOrigin } from "@/lib/http/same-origin.ts";

/** A sign-in form is a few hundred bytes. */
const FORM_BYTES = 8 * 1024;

// The sign-in form's plain post, for browsers that submit it before (or
// without) its script: signs in through the same check and the same next-auth
// session as the scripted form, then redirects (303, so the browser follows
// with a GET). The password travels only in this POST's body, never in a URL.
const seeOther = (location: string, cookie?: string) =>
  new Response(null, {
    status: 303,
    headers: { location, "cache-control": "no-store", ...(cookie ? { "set-cookie": cookie } : {}) },
  });

const backToForm = (error: SignInErrorCode, callbackPath: string) => {
  const query = new URLSearchParams({ error });
  if (callbackPath !== "/") query.set("callbackUrl", callbackPath);
  return seeOther(`/signin?${query}`);
};

export const POST = route("/api/sign-in", async (request) => {
  assertSameOrigin(request);
  if (!request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded"))
    throw new AppError("bad_request", "Send the sign-in form as a form post.");
  const form = new URLSearchParams(await readBoundedText(request, FORM_BYTES));
  const callbackPath = safeCallbackPath(form.get("callbackUrl"), publicOrigin(request));
  const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return backToForm("invalid", callbackPath);

  const address = clientAddress(request.headers, env().TRUST_PROXY);
  const result = await verifyStaffCredentials(getDb(), parsed.data, address);
  if (!result.ok)
    return backToForm(result.reason === "credentials" ? "credentials" : refusalCode(result), callbackPath);
  return seeOther(callbackPath, await staffSessionCookie(result.user));
});
