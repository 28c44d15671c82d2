export default function CompanyNotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4">
      <h1 className="mb-2 text-2xl font-bold">We couldn't find that company</h1>
      <p className="text-lg text-slate-800">
        Check the address you were given, or ask the company for the link to their request page.
      </p>
    </main>
  );
}
