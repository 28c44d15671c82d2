// The sign-in form pressed before (or without) its script: a plain POST that
// signs in and redirects, never a GET with the password in the URL.

import { baseURL } from "./helpers.ts";
import { expect, type Page, test } from "./test.ts";

test.use({ javaScriptEnabled: false });

/** Every URL the page asks for or lands on, to check none of them carries the password. */
function watchUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("framenavigated", (frame) => urls.push(frame.url()));
  return urls;
}

async function submit(page: Page, email: string, password: string) {
  await page.goto(`${baseURL()}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("signs in by POST and lands signed in, with the password in no URL", async ({ page }) => {
  const urls = watchUrls(page);
  const posted = page.waitForRequest((request) => request.url().endsWith("/api/sign-in"));
  await submit(page, "dispatcher@brightside.test", "trio-demo");
  expect((await posted).method()).toBe("POST");
  await page.waitForURL(/\/dispatch$/);
  await expect(page.getByRole("heading", { name: "Live jobs" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(urls.length).toBeGreaterThan(2);
  expect(urls.filter((url) => url.includes("trio-demo") || url.includes("password="))).toEqual([]);
  // Signing out is a plain post too, and ends the session.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/signin$/);
  await page.goto(`${baseURL()}/dispatch`);
  await expect(page).toHaveURL(/\/signin$/);
});

test("a wrong password shows the error without script, and the password stays out of the URL", async ({ page }) => {
  const urls = watchUrls(page);
  await submit(page, "riley@brightside.test", "not-the-password");
  await page.waitForURL(/\/signin\?error=credentials$/);
  await expect(page.locator("form").getByRole("alert")).toHaveText("That email and password don't match an account.");
  expect(urls.filter((url) => url.includes("not-the-password") || url.includes("password="))).toEqual([]);
  await page.goto(`${baseURL()}/dispatch`);
  await expect(page).toHaveURL(/\/signin$/);
});
