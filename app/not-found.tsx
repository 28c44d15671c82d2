import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4">
      <h1 className="mb-2 text-2xl font-bold">Not found</h1>
      <p className="text-lg text-slate-800">We couldn't find that page or job, or it isn't yours to see.</p>
      <Link href="/" className="mt-4 text-blue-800 underline">
        Go to the start
      </Link>
    </main>
  );
}
