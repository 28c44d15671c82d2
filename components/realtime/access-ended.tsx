import { SIGNED_OUT } from "@/lib/auth/link-problems.ts";

/**
 * What a page says once the server has ended this tab's session. A homeowner's
 * may have ended while their link still works (opened on many other devices),
 * so the banner claims no more than that: the link, opened again, lets them
 * back in or says why not.
 */
export function AccessEnded({ who }: { who: "homeowner" | "staff" }) {
  return (
    <p role="alert" className="border-t border-slate-200 bg-amber-50 px-4 py-3 text-base text-amber-950">
      {who === "homeowner" ? (
        SIGNED_OUT
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
