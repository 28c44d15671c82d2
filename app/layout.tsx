import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Trio", template: "%s · Trio" },
  description: "One live conversation for every home-service job.",
};

// With the keyboard open, the page shrinks to what is left (Chrome on Android would otherwise only pan it):
// full-height screens keep the message box and the newest messages in view.
export const viewport: Viewport = { width: "device-width", initialScale: 1, interactiveWidget: "resizes-content" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce
  // (lib/http/security-headers.ts); a page built ahead of time would have none.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
