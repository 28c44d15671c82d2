import { clientAddress } from "@/lib/auth/client-address.ts";
import { safeCallbackPath } from "@/lib/auth/safe-callback-url.ts";
import { signInSchema } from "@/lib/auth/schemas.ts";
import { refusalCode, type SignInErrorCode } from "@/lib/auth/sign-in-errors.ts";
import { staffSessionCookie } from "@/lib/auth/staff-session-cookie.ts";
import { verifyStaffCredentials } from "@/lib/auth/verify-staff-credentials.ts";
import { getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { publicOrigin, readForm, route, seeOther } from "@/lib/http/route.ts";

/** A sign-in form is a few hundred bytes. */
const FORM_BYTES = 8 * 1024;

// The sign-in form's plain post, for browsers that submit it before (or
// without) its script: signs in through the same check and the same next-auth
// session as the scripted form, then redirects (303, so the browser follows
// with a GET). The password travels only in this POST's body, never in a URL.
// route() refuses it from another origin.

const backToForm = (error: SignInErrorCode, callbackPath: string) => {
  const query = new URLSearchParams({ error });
  if (callbackPath !== "/") query.set("callbackUrl", callbackPath);
  return seeOther(`/signin?${query}`);
};

export const POST = route("/api/sign-in", async (request) => {
  const form = await readForm(request, FORM_BYTES, "the sign-in form");
  const callbackPath = safeCallbackPath(form.get("callbackUrl"), publicOrigin(request));
  const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return backToForm("invalid", callbackPath);

  const address = clientAddress(request.headers, env().TRUST_PROXY);
  const result = await verifyStaffCredentials(getDb(), parsed.data, address);
  if (!result.ok)
    return backToForm(result.reason === "credentials" ? "credentials" : refusalCode(result), callbackPath);
  return seeOther(callbackPath, [["set-cookie", await staffSessionCookie(result.user)]]);
});
