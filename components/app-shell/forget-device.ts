// Signing out on a shared phone: the next person must not see this one's
// pages offline, nor their unsent messages, nor get their push notifications.
// Bounded in time, so signing out never hangs on a slow worker or network.
import { getOutboxStore } from "../offline/outbox-store.ts";

const PAGES_CACHE_PREFIX = "trio-pages-";
const WAIT_MS = 2000;

async function forgetPages() {
  if (!("caches" in window)) return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PAGES_CACHE_PREFIX)).map((name) => caches.delete(name)));
  navigator.serviceWorker?.controller?.postMessage({ type: "forget" });
}

async function forgetPush() {
  const registration = await navigator.serviceWorker?.getRegistration();
  const subscription = await registration?.pushManager?.getSubscription();
  if (!subscription) return;
  await fetch("/api/push/subscriptions", {
    method: "DELETE",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ endpoint: subscription.endpoint }),
  }).catch(() => null);
  await subscription.unsubscribe();
}

/** What the outbox still holds: what signing out would delete from this phone. */
export async function unsentCount(): Promise<number> {
  return (await getOutboxStore()).count().catch(() => 0);
}

async function forgetOutbox() {
  await (await getOutboxStore()).clear();
}

export async function forgetDevice(): Promise<void> {
  const work = Promise.allSettled([forgetPages(), forgetPush(), forgetOutbox()]);
  await Promise.race([work, new Promise((resolve) => setTimeout(resolve, WAIT_MS))]);
}
