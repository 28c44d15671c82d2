import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium (Playwright cannot download its own browsers here).
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  // One Trio server (own port, own embedded database) for the whole run: see global-setup.ts.
  globalSetup: "./tests/e2e/global-setup.ts",
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    launchOptions: chromium,
    trace: "retain-on-failure",
  },
});
