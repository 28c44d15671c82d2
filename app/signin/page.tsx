import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form.tsx";
import { currentActor } from "@/lib/auth/current-actor.ts";
import { safeCallbackPath } from "@/lib/auth/safe-callback-url.ts";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors.ts";
import { getDb } from "@/lib/db.ts";
import { appOrigin } from "@/lib/http/same-origin.ts";
import { findDemoRequestPage } from "@/lib/intake/demo-request-page.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type Props = {
  searchParams: Promise<{ error?: string | string[]; callbackUrl?: string | string[]; notice?: string | string[] }>;
};

export default async function SignInPage({ searchParams }: Props) {
  const { error, callbackUrl, notice } = await searchParams;
  const callbackPath = safeCallbackPath(callbackUrl, appOrigin() ?? "http://localhost");
  const actor = await currentActor();
  if (actor?.kind === "staff") redirect(callbackPath);
  const requestPage = await findDemoRequestPage(getDb());
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">Sign in to Trio</h1>
      <p className="mb-6 text-slate-700">For dispatchers and technicians. Homeowners use the link they were sent.</p>
      {notice === "password_changed" && (
        <p role="status" className="mb-4 rounded-lg bg-green-50 px-3 py-2 text-green-900">
          Your password is changed. Sign in with the new one.
        </p>
      )}
      <SignInForm
        // Only words of our own, chosen by the code: nothing from the URL is shown as it is.
        initialError={typeof error === "string" ? signInErrorMessage(error) : null}
        callbackPath={callbackPath}
      />
      <p className="mt-6 text-sm text-slate-700">
        Forgot your password? Ask your dispatcher or admin for a reset link.
      </p>
      {requestPage && (
        <p className="mt-6 rounded-lg border border-slate-300 bg-white px-3 py-3 text-base text-slate-800">
          Need a technician?{" "}
          <Link href={requestPage.path} className="font-medium text-blue-800 underline">
            Request a visit from {requestPage.name}
          </Link>
        </p>
      )}
    </main>
  );
}
