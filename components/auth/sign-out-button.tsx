"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/signin" })}
      className="rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-800 underline hover:bg-slate-100"
    >
      Sign out
    </button>
  );
}
