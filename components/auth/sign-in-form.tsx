"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors.ts";

type Props = {
  /** Said by the page after a plain form post came back refused (no script ran). */
  initialError?: string | null;
  /** A path on our own origin (already checked by the page). */
  callbackPath?: string;
};

/**
 * Works before and without its script: a plain POST to /api/sign-in, which
 * redirects back. With the script, next-auth's client signs in in place.
 */
export function SignInForm({ initialError = null, callbackPath = "/" }: Props) {
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    setBusy(false);
    if (!result || result.error) {
      setError(result ? signInErrorMessage(result.error) : "We couldn't reach Trio. Try again.");
      return;
    }
    window.location.assign(callbackPath);
  };

  return (
    <form method="post" action="/api/sign-in" onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {callbackPath !== "/" && <input type="hidden" name="callbackUrl" value={callbackPath} />}
      <label className="flex flex-col gap-1 text-base font-medium">
        Email
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          className="rounded-lg border border-slate-400 bg-white px-3 py-3 text-base"
        />
      </label>
      <label className="flex flex-col gap-1 text-base font-medium">
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="rounded-lg border border-slate-400 bg-white px-3 py-3 text-base"
        />
      </label>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-red-900">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="min-h-12 rounded-xl bg-blue-700 px-5 text-base font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
