"use client";

import { useEffect, useState } from "react";
import { callApi } from "../ui/call-api.ts";

type State =
  | { kind: "hidden" }
  | { kind: "off" }
  | { kind: "on" }
  | { kind: "denied" }
  | { kind: "working"; turning: "on" | "off" };

const BUTTON = "min-h-12 w-full rounded-xl px-4 text-base font-semibold disabled:opacity-60 sm:w-auto";
/** In a dense header (the board): a line of small print and a small button. */
const COMPACT_BUTTON = "min-h-9 rounded-lg px-3 text-sm font-medium disabled:opacity-60";

type Props = {
  /** What this device will be told of: "new messages and jobs". */
  about: string;
  compact?: boolean;
};

function supported(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

/** The key as PushManager wants it: bytes, from the base64url the server gives. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * "Notify me about …": Web Push on this device for the signed-in staff member
 * (lib/push/): a technician hears of new messages and jobs, the office of
 * homeowners left waiting. Shown only where the browser can do it and Trio's
 * service worker is installed (production builds).
 */
export function PushOptIn({ about, compact = false }: Props) {
  const [state, setState] = useState<State>({ kind: "hidden" });
  const [problem, setProblem] = useState<string | null>(null);
  const [said, setSaid] = useState("");

  useEffect(() => {
    if (!supported()) return;
    let stopped = false;
    void (async () => {
      // Resolves once Trio's worker is active (never in development, where none is registered: stays hidden).
      const registration = await navigator.serviceWorker.ready;
      if (stopped) return;
      if (Notification.permission === "denied") return setState({ kind: "denied" });
      const subscription = await registration.pushManager.getSubscription();
      if (stopped) return;
      if (subscription) {
        // The server may not know this browser as this person's (another person used this phone before): tell it again.
        const saved = await callApi("/api/push/subscriptions", { method: "POST", body: subscription.toJSON() });
        if (stopped) return;
        setState({ kind: saved.ok ? "on" : "off" });
      } else {
        setState({ kind: "off" });
      }
    })().catch(() => {});
    return () => {
      stopped = true;
    };
  }, []);

  if (state.kind === "hidden") return null;

  async function turnOn() {
    setProblem(null);
    setState({ kind: "working", turning: "on" });
    const permission = await Notification.requestPermission();
    if (permission !== "granted") {
      setState({ kind: permission === "denied" ? "denied" : "off" });
      return;
    }
    const key = await callApi<{ publicKey: string }>("/api/push/key", { method: "GET" });
    if (!key.ok) {
      setProblem(key.problem);
      setState({ kind: "off" });
      return;
    }
    let subscription: PushSubscription;
    try {
      const registration = await navigator.serviceWorker.ready;
      subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(key.data.publicKey),
      });
    } catch {
      setProblem("This browser couldn't turn notifications on. Try again, or use Chrome, Firefox or Safari.");
      setState({ kind: "off" });
      return;
    }
    const saved = await callApi("/api/push/subscriptions", { method: "POST", body: subscription.toJSON() });
    if (!saved.ok) {
      await subscription.unsubscribe().catch(() => false);
      setProblem(saved.problem);
      setState({ kind: "off" });
      return;
    }
    setSaid("Notifications are on.");
    setState({ kind: "on" });
  }

  async function turnOff() {
    setProblem(null);
    setState({ kind: "working", turning: "off" });
    const registration = await navigator.serviceWorker.ready;
    const subscription = await registration.pushManager.getSubscription();
    if (subscription) {
      const removed = await callApi("/api/push/subscriptions", {
        method: "DELETE",
        body: { endpoint: subscription.endpoint },
      });
      if (!removed.ok) {
        setProblem(removed.problem);
        setState({ kind: "on" });
        return;
      }
      await subscription.unsubscribe().catch(() => false);
    }
    setSaid("Notifications are off.");
    setState({ kind: "off" });
  }

  const working = state.kind === "working";
  return (
    <section
      aria-labelledby="push-opt-in-title"
      className={compact ? "w-full text-sm" : "mx-4 mt-3 rounded-xl border border-slate-200 bg-white p-3"}
    >
      <h2 id="push-opt-in-title" className="sr-only">
        Notifications
      </h2>
      {state.kind === "denied" ? (
        <p className={compact ? "text-slate-800" : "text-base text-slate-800"}>
          Notifications are blocked for Trio in this browser. To get them, open the site settings (tap the icon beside
          the address), allow Notifications, then reload this page.
        </p>
      ) : state.kind === "on" || (working && state.turning === "off") ? (
        <div
          className={
            compact
              ? "flex flex-wrap items-center gap-2"
              : "flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between"
          }
        >
          <p className={compact ? "text-slate-800" : "text-base text-slate-800"}>
            This device tells you about {about}.
          </p>
          <button
            type="button"
            onClick={turnOff}
            disabled={working}
            className={`${compact ? COMPACT_BUTTON : BUTTON} border border-slate-400 text-slate-800 hover:bg-slate-100`}
          >
            {working ? "Turning off…" : "Turn off notifications"}
          </button>
        </div>
      ) : (
        <button
          type="button"
          onClick={turnOn}
          disabled={working}
          className={
            compact
              ? `${COMPACT_BUTTON} border border-blue-700 text-blue-800 hover:bg-blue-50`
              : `${BUTTON} bg-blue-700 text-white hover:bg-blue-800`
          }
        >
          {working ? "Turning on…" : `Notify me about ${about}`}
        </button>
      )}
      {problem && (
        <p role="alert" className={`mt-2 text-red-800 ${compact ? "" : "text-base"}`}>
          {problem}
        </p>
      )}
      <p role="status" className="sr-only">
        {said}
      </p>
    </section>
  );
}
