import type { Metadata } from "next";
import { findUsableReset } from "@/lib/auth/reset-password.ts";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/schemas.ts";
import { isTokenShaped } from "@/lib/auth/tokens.ts";
import { getDb } from "@/lib/db.ts";
import { AppError } from "@/lib/errors.ts";

export const dynamic = "force-dynamic";
// The token is in this page's address: never hand it to another site in a Referer. (Not
// "no-referrer": that makes the form post's Origin "null", which same-origin checks refuse.)
export const metadata: Metadata = { title: "Choose a new password", referrer: "same-origin" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ error?: string | string[] }> };

const ERRORS: Record<string, string> = {
  password: `Choose a password of ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`,
  confirm: "The two passwords don't match.",
};

async function usableReset(token: string) {
  if (!isTokenShaped(token)) return { problem: "This reset link is not valid." };
  try {
    return { reset: await findUsableReset(getDb(), token) };
  } catch (error) {
    if (error instanceof AppError) return { problem: error.message };
    throw error;
  }
}

const input = "rounded-lg border border-slate-400 bg-white px-3 py-3 text-base";

export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { error } = await searchParams;
  const { reset, problem } = await usableReset(token);
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">Choose a new password</h1>
      {!reset ? (
        <>
          <p className="mb-6 text-slate-700">{problem}</p>
          <a href="/signin" className="font-medium text-blue-800 underline">
            Go to sign in
          </a>
        </>
      ) : (
        <>
          <p className="mb-6 text-slate-700">
            For {reset.user.name} ({reset.user.email}). Saving it signs you out on every device.
          </p>
          <form method="post" action="/api/password-reset" className="flex flex-col gap-4">
            <input type="hidden" name="token" value={token} />
            <input type="text" name="username" autoComplete="username" value={reset.user.email} readOnly hidden />
            <label className="flex flex-col gap-1 text-base font-medium">
              New password
              <input
                name="password"
                type="password"
                autoComplete="new-password"
                required
                minLength={MIN_PASSWORD_LENGTH}
                maxLength={MAX_PASSWORD_LENGTH}
                aria-describedby="password-hint"
                className={input}
              />
            </label>
            <p id="password-hint" className="-mt-3 text-sm text-slate-700">
              At least {MIN_PASSWORD_LENGTH} characters.
            </p>
            <label className="flex flex-col gap-1 text-base font-medium">
              New password again
              <input name="confirm" type="password" autoComplete="new-password" required className={input} />
            </label>
            {typeof error === "string" && (
              <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-red-900">
                {ERRORS[error] ?? "That didn't work. Try again."}
              </p>
            )}
            <button
              type="submit"
              className="min-h-12 rounded-xl bg-blue-700 px-5 text-base font-semibold text-white hover:bg-blue-800"
            >
              Save new password
            </button>
          </form>
        </>
      )}
    </main>
  );
}
