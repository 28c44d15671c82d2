import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form.tsx";
import { currentActor } from "@/lib/auth/current-actor.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  const actor = await currentActor();
  if (actor?.kind === "staff") redirect("/");
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">Sign in to Trio</h1>
      <p className="mb-6 text-slate-700">For dispatchers and technicians. Homeowners use the link they were sent.</p>
      <SignInForm />
    </main>
  );
}
