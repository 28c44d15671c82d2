import { clientAddress } from "@/lib/auth/client-address.ts";
import { resetPassword } from "@/lib/auth/reset-password.ts";
import { passwordResetSchema } from "@/lib/auth/schemas.ts";
import { forgiveSignInFailures } from "@/lib/auth/sign-in-limiter.ts";
import { isTokenShaped } from "@/lib/auth/tokens.ts";
import { getDb } from "@/lib/db.ts";
import { env } from "@/lib/env.ts";
import { AppError } from "@/lib/errors.ts";
import { readForm, route, seeOther } from "@/lib/http/route.ts";

const FORM_BYTES = 8 * 1024;

// The reset page's plain form post (works without script): sets the new
// password, then sends the person to sign in with it. Problems go back to the
// reset page as a code it words itself.
export const POST = route("POST /api/password-reset", async (request) => {
  const form = await readForm(request, FORM_BYTES, "the reset form");
  const token = form.get("token") ?? "";
  if (!isTokenShaped(token)) throw new AppError("not_found", "This reset link is not valid.");
  const parsed = passwordResetSchema.safeParse({ token, password: form.get("password"), confirm: form.get("confirm") });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0] === "confirm" ? "confirm" : "password";
    return seeOther(`/reset/${token}?error=${field}`);
  }
  let done: { email: string };
  try {
    done = await resetPassword(getDb(), parsed.data);
  } catch (error) {
    // The page says why the link can't be used (expired, used); anything else is the one error shape.
    if (error instanceof AppError && error.code === "link_expired") return seeOther(`/reset/${token}`);
    throw error;
  }
  // Often they locked themselves out with guesses first, from this very device.
  await forgiveSignInFailures(done.email, clientAddress(request.headers, env().TRUST_PROXY));
  return seeOther("/signin?notice=password_changed");
});
