// "Forgot password", served by the office: the dispatcher makes a one-time
// link on the Team page, the technician opens it (without script) and sets a
// new password; the link is spent and the technician's old sessions end.

import { DESKTOP, expectNoSeriousA11yIssues, newPerson, PHONE, signIn } from "./helpers.ts";
import { type Browser, expect, test } from "./test.ts";

async function makeResetLink(browser: Browser, forName: string): Promise<string> {
  const { page, context } = await newPerson(browser);
  await signIn(page, "dispatcher@brightside.test");
  await page.getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
  // The dispatcher's own row says why it has no button.
  await expect(page.getByText("An admin makes reset links for office staff.")).toBeVisible();
  await page.getByRole("button", { name: `Make a password reset link for ${forName}` }).click();
  const url = await page.getByRole("textbox", { name: /Give this link to/ }).inputValue();
  await expectNoSeriousA11yIssues(page);
  await context.close();
  return url;
}

async function setPasswordWithoutScript(browser: Browser, url: string, password: string) {
  const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Save new password" }).click();
  await page.waitForURL(/\/signin\?notice=password_changed$/);
  await expect(page.getByRole("status")).toHaveText("Your password is changed. Sign in with the new one.");
  return { page, context };
}

test("a reset link sets a new password once and ends the technician's other sessions", async ({ browser }) => {
  const lostPhone = await newPerson(browser, PHONE);
  await signIn(lostPhone.page, "riley@brightside.test");
  const url = await makeResetLink(browser, "Riley Chen");
  expect(url).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/);
  try {
    const { page, context } = await setPasswordWithoutScript(browser, url, "riley's new password");
    expect(page.url()).not.toContain("riley's new password");
    await page.goto(url);
    await expect(page.getByText("This reset link has expired or was already used.", { exact: false })).toBeVisible();
    await context.close();

    await lostPhone.page.goto("/tech");
    await expect(lostPhone.page).toHaveURL(/\/signin$/);

    const { page: fresh } = await newPerson(browser);
    await fresh.goto("/signin");
    await fresh.getByLabel("Email").fill("riley@brightside.test");
    await fresh.getByLabel("Password").fill("riley's new password");
    await fresh.getByRole("button", { name: "Sign in" }).click();
    await fresh.waitForURL(/\/tech$/);
  } finally {
    // Other specs sign Riley in with the demo password.
    await setPasswordWithoutScript(browser, await makeResetLink(browser, "Riley Chen"), "trio-demo");
  }
});
