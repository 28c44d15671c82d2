"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Registers public/sw.js (production builds only: in development it would
 * serve stale pages while editing), and tells it of each page this tab shows,
 * so a page reached without a full load is kept for offline use too.
 */
export function ServiceWorker() {
  const pathname = usePathname();
  const controlledAtLoad = useRef<boolean | null>(null);

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    const firstPage = controlledAtLoad.current === null;
    if (firstPage) controlledAtLoad.current = navigator.serviceWorker.controller !== null;
    // A full load through the worker was kept by the worker itself.
    if (firstPage && controlledAtLoad.current) return;
    let stopped = false;
    void (async () => {
      try {
        if (firstPage) await navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" });
        const registration = await navigator.serviceWorker.ready;
        if (stopped) return;
        const assets = performance
          .getEntriesByType("resource")
          .map((entry) => entry.name)
          .filter((name) => name.startsWith(`${location.origin}/_next/static/`));
        registration.active?.postMessage({ type: "page-seen", url: pathname, assets });
      } catch {
        // No worker (private mode, an old browser): the app works, only not offline.
      }
    })();
    return () => {
      stopped = true;
    };
  }, [pathname]);

  return null;
}
