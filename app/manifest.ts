import type { MetadataRoute } from "next";

// Served at /manifest.webmanifest: what a phone needs to put Trio on the home
// screen. "/" sends each person on to their own start (board, today's jobs,
// their job), so one start_url serves everyone. Icons: lib/app-icons/make-icons.ts.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Trio",
    short_name: "Trio",
    description: "One live conversation for every home-service job.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "any",
    // The header's white and the page's slate-50 behind the splash; the brand blue for the status bar.
    background_color: "#f8fafc",
    theme_color: "#1d4ed8",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
