import type { Metadata } from "next";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Request received" };

/** Where a request ends that was dropped unseen (lib/intake/submit-request.ts: the honeypot). */
export default function RequestReceivedPage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4">
      <h1 className="mb-2 text-2xl font-bold">Request received</h1>
      <p className="text-lg text-slate-800">Thank you. We'll be in touch soon.</p>
    </main>
  );
}
