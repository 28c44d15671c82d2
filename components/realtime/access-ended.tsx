/** What a page says once the server has ended this tab's session. */
export function AccessEnded({ who }: { who: "homeowner" | "staff" }) {
  return (
    <p role="alert" className="border-t border-slate-200 bg-amber-50 px-4 py-3 text-base text-amber-950">
      {who === "homeowner" ? (
        "Your link has expired or was turned off, so this conversation is closed here. Ask your service company for a new link."
      ) : (
        <>
          Your session has ended, so this page no longer updates.{" "}
          <a href="/signin" className="font-medium text-blue-800 underline">
            Sign in again
          </a>
          .
        </>
      )}
    </p>
  );
}
