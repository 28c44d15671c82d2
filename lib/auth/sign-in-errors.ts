// What a failed sign-in tells the person, in one place for every way in: the
// scripted form (next-auth hands it an `error` string) and the plain form post
// (a redirect to /signin?error=…). Codes carry no text from the request, so
// nothing in the URL is ever shown as it is.

export type SignInRefusalReason = "busy" | "account" | "address";
export type SignInRefusal = { reason: SignInRefusalReason; retryAfter: number };
export type SignInErrorCode = "credentials" | "invalid" | `${SignInRefusalReason}:${number}`;

/** next-auth's own code for `authorize` returning null. */
export const NEXT_AUTH_CREDENTIALS_ERROR = "CredentialsSignin";

export const refusalCode = ({ reason, retryAfter }: SignInRefusal): SignInErrorCode => `${reason}:${retryAfter}`;

const waitFor = (seconds: number) => (seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`);

/** The words for an error code; anything unrecognised reads as a generic failure. */
export function signInErrorMessage(code: string | null | undefined): string {
  if (code === "credentials" || code === NEXT_AUTH_CREDENTIALS_ERROR)
    return "That email and password don't match an account.";
  if (code === "invalid") return "Enter your email address and your password.";
  const refusal = /^(busy|account|address):(\d{1,6})$/.exec(code ?? "");
  if (!refusal) return "We couldn't sign you in. Try again.";
  const wait = waitFor(Math.max(1, Number(refusal[2])));
  switch (refusal[1] as SignInRefusalReason) {
    case "busy":
      return `Too many sign-in attempts right now. Try again in ${wait}.`;
    case "account":
      return `Too many failed sign-ins for this email from here. Try again in ${wait}, or ask your admin to check your account.`;
    case "address":
      return `Too many sign-in attempts from your network. Try again in ${wait}.`;
  }
}
