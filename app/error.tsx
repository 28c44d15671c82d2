"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4">
      <h1 className="mb-2 text-2xl font-bold">Something went wrong</h1>
      <p className="text-lg text-slate-800">It's on our side, not yours. Please try again.</p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 w-fit rounded-xl bg-blue-700 px-5 py-3 font-semibold text-white"
      >
        Try again
      </button>
    </main>
  );
}
