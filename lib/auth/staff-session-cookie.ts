import { encode } from "next-auth/jwt";
import { env } from "../env.ts";
import { authOptions } from "./auth-options.ts";
import { STAFF_COOKIES } from "./cookies.ts";
import type { StaffSignInUser } from "./verify-staff-credentials.ts";

/**
 * The `Set-Cookie` for a staff member who has just signed in, exactly as
 * next-auth's credentials callback would make it: the same jwt callback (which
 * opens the StaffSession row the token's `sid` names), the same encryption,
 * cookie name and attributes. For the plain form post, which signs in without
 * next-auth's client.
 */
export async function staffSessionCookie(user: StaffSignInUser): Promise<string> {
  const options = authOptions();
  const maxAge = options.session?.maxAge as number;
  const token = await options.callbacks?.jwt?.({
    token: { name: user.name, email: user.email, sub: user.id },
    user,
    account: { providerAccountId: user.id, type: "credentials", provider: "credentials" },
    trigger: "signIn",
    isNewUser: false,
  });
  const value = await encode({ token, secret: options.secret as string, maxAge });
  // next-auth picks the __Secure- name and the Secure flag from its public address.
  const secure = (env().NEXTAUTH_URL ?? env().APP_URL ?? "").startsWith("https://");
  const name = secure ? STAFF_COOKIES[0] : STAFF_COOKIES[1];
  const expires = new Date(Date.now() + maxAge * 1000).toUTCString();
  return `${name}=${value}; Path=/; Expires=${expires}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
