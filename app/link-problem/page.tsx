import type { Metadata } from "next";

export const metadata: Metadata = { title: "Link problem" };

const TEXT = {
  expired: "This link has expired or was turned off.",
  invalid: "This link is not valid. Check that it was copied completely.",
  error: "We couldn't open this link just now. Please try again in a moment.",
} as const;

export default async function LinkProblemPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string; message?: string }>;
}) {
  const { reason, message } = await searchParams;
  const known = reason === "expired" || reason === "invalid" ? reason : "error";
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4">
      <h1 className="mb-2 text-2xl font-bold">We couldn't open your job</h1>
      <p className="text-lg text-slate-800">{known === "expired" && message ? message.slice(0, 200) : TEXT[known]}</p>
      <p className="mt-4 text-slate-700">Your service company can send you a new link at any time.</p>
    </main>
  );
}
