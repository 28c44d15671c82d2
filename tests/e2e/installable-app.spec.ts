import sharp from "sharp";
import { baseURL, expectNoSeriousA11yIssues, homeownerLink, newPerson, PHONE, signIn, thread } from "./helpers.ts";
import { expect, type Page, test } from "./test.ts";

// Trio on the home screen and in a basement: a valid manifest with real
// icons, and a service worker that keeps the pages a person opened, so a
// reload without signal shows the job, not the browser's error page.

const PAGES_CACHE = "trio-pages-v1";

/** The worker controls the page and has kept `path` for offline use. */
async function keptOffline(page: Page, path: string) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
  const isKept = () =>
    page.evaluate(async ({ cacheName, key }) => Boolean(await (await caches.open(cacheName)).match(key)), {
      cacheName: PAGES_CACHE,
      key: path,
    });
  await expect.poll(isKept).toBe(true);
}

test("the manifest is valid and its icons are real PNGs of the sizes it states", async ({ request, page }) => {
  const response = await request.get(`${baseURL()}/manifest.webmanifest`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: "Trio", short_name: "Trio", start_url: "/", display: "standalone" });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
  expect(icons.map((icon) => `${icon.sizes} ${icon.purpose ?? "any"}`).sort()).toEqual([
    "192x192 any",
    "512x512 any",
    "512x512 maskable",
  ]);
  for (const icon of icons) {
    const file = await request.get(`${baseURL()}${icon.src}`);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"]).toBe("image/png");
    const { format, width, height } = await sharp(await file.body()).metadata();
    expect(`${format} ${width}x${height}`, icon.src).toBe(`png ${icon.sizes}`);
  }

  const favicon = await request.get(`${baseURL()}/favicon.ico`);
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toContain("image/x-icon");

  const worker = await request.get(`${baseURL()}/sw.js`);
  expect(worker.status()).toBe(200);
  expect(worker.headers()["content-type"]).toContain("javascript");
  expect(worker.headers()["cache-control"]).toContain("no-cache");

  // Every page links the manifest and the home-screen icon for iPhones.
  await page.goto(`${baseURL()}/signin`);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  const appleIcon = await request.get(new URL(apple ?? "/missing", baseURL()).href);
  expect((await sharp(await appleIcon.body()).metadata()).format).toBe("png");
});

test("offline, the technician's last-seen pages still show, a page never opened says so, and signing out forgets them", async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser, PHONE);
  await signIn(page, "sam@brightside.test");
  await expect(page.getByTestId("tech-job").filter({ hasText: "Jordan Miller" })).toBeVisible();
  await keptOffline(page, "/tech");
  await page.getByTestId("tech-job").filter({ hasText: "Jordan Miller" }).click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  const jobPath = new URL(page.url()).pathname;
  await expect(thread(page).getByText("no hot water since last night")).toBeVisible();
  await keptOffline(page, jobPath);

  await context.setOffline(true);
  await page.reload();
  await expect(thread(page).getByText("no hot water since last night")).toBeVisible();
  await page.goto("/tech");
  await expect(page.getByTestId("tech-job").filter({ hasText: "Jordan Miller" })).toBeVisible();
  // Never opened on this phone: Trio's own offline page, not the browser's error.
  await page.goto("/dispatch");
  await expect(page.getByRole("heading", { name: "You're offline" })).toBeVisible();

  await context.setOffline(false);
  await page.goto("/tech");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await context.setOffline(true);
  for (const path of ["/tech", jobPath]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "You're offline" })).toBeVisible();
    await expect(page.getByText("Jordan Miller")).toHaveCount(0);
  }
  await context.close();
});

test("offline, a homeowner's job page from their link still shows; the link itself is never kept", async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser, PHONE);
  await page.goto(homeownerLink());
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  const jobPath = new URL(page.url()).pathname;
  await expect(thread(page)).toBeVisible();
  await keptOffline(page, jobPath);
  const kept = await page.evaluate(async (cacheName) => {
    const keys = await (await caches.open(cacheName)).keys();
    return keys.map((request) => new URL(request.url).pathname);
  }, PAGES_CACHE);
  expect(kept.filter((path) => path.startsWith("/j/"))).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  await expect(thread(page)).toBeVisible();
  await context.close();
});

test("the technician is offered notifications, and told how to unblock them when the browser refuses", async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser, PHONE);
  await signIn(page, "riley@brightside.test");
  const offer = page.getByRole("button", { name: "Notify me about new messages and jobs" });
  await expect(offer).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  // Nobody granted this site notifications: the browser says no.
  await offer.click();
  await expect(page.getByText("Notifications are blocked for Trio in this browser.")).toBeVisible();
  await expect(offer).toHaveCount(0);
  await context.close();
});

test("the office is offered alerts of homeowners left waiting, on the board, and a phone's board still fits", async ({
  browser,
}) => {
  const { context, page } = await newPerson(browser, PHONE);
  await signIn(page, "dispatcher@brightside.test");
  const offer = page.getByRole("button", { name: "Notify me about homeowners left waiting" });
  await expect(offer).toBeVisible();
  await expect(page.getByTestId("board-job").first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yIssues(page);
  await offer.click();
  await expect(page.getByText("Notifications are blocked for Trio in this browser.")).toBeVisible();
  await context.close();
});
