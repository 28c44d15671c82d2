"use client";

import type { FormEvent } from "react";
import { forgetDevice, unsentCount } from "../app-shell/forget-device.ts";

/**
 * A plain form post (app/api/sign-out): works with or without the page's
 * script. With script, this phone first forgets the pages kept for offline
 * use and its push subscription (the service worker also empties its page
 * cache when it sees the sign-out post go by).
 */
export function SignOutButton() {
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    // Unsent messages are deleted from this phone with the rest: never silently.
    const unsent = await unsentCount();
    const sure =
      unsent === 0 ||
      window.confirm(
        `${unsent === 1 ? "1 message or update hasn't" : `${unsent} messages or updates haven't`} been sent yet. ` +
          "Signing out deletes them from this device. Sign out anyway?",
      );
    if (sure) void forgetDevice().finally(() => form.submit());
  };
  return (
    <form method="post" action="/api/sign-out" onSubmit={onSubmit}>
      <button
        type="submit"
        className="rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-800 underline hover:bg-slate-100"
      >
        Sign out
      </button>
    </form>
  );
}
