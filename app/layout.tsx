import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ServiceWorker } from "@/components/app-shell/service-worker.tsx";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Trio", template: "%s · Trio" },
  description: "One live conversation for every home-service job.",
  applicationName: "Trio",
  appleWebApp: { capable: true, title: "Trio", statusBarStyle: "default" },
};

// The manifest (app/manifest.ts) and icons (app/icon.svg, app/apple-icon.png) are linked by Next itself.
// With the keyboard open, the page shrinks to what is left (Chrome on Android would otherwise only pan it):
// full-height screens keep the message box and the newest messages in view.
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#1d4ed8",
  interactiveWidget: "resizes-content",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce
  // (lib/http/security-headers.ts); a page built ahead of time would have none.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh">
        {children}
        <ServiceWorker />
      </body>
    </html>
  );
}
