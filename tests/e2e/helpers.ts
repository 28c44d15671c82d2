import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page } from "@playwright/test";
import { keepTrackOf } from "./test.ts";

export const baseURL = () => {
  const url = process.env.TRIO_E2E_URL;
  if (!url) throw new Error("global-setup did not start Trio");
  return url;
};

export const homeownerLink = () => process.env.TRIO_E2E_HOMEOWNER_LINK as string;

export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

export async function newPerson(browser: Browser, options: typeof PHONE | typeof DESKTOP = DESKTOP) {
  const context = await browser.newContext({ ...options, baseURL: baseURL() });
  keepTrackOf(context);
  return { context, page: await context.newPage() };
}

export async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("trio-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/(dispatch|tech)$/);
}

type NewJob = {
  customer: { kind: "new"; name: string; phone?: string; email?: string };
  address: string;
  problem: string;
  technicianId?: string;
};

/** A job of the test's own, opened by a signed-in dispatcher through the API (the board is shared by every spec). */
export async function openJob(dispatcher: Page, data: NewJob) {
  const created = await dispatcher.request.post("/api/jobs", { headers: { origin: baseURL() }, data });
  expect(created.status()).toBe(201);
  return (await created.json()).data as { job: { id: string; number: number }; link: { url: string } };
}

export const composer = (page: Page) => page.getByRole("textbox", { name: /^(Message|Internal note)$/ });

export async function say(page: Page, text: string, { note = false } = {}) {
  const box = page.getByRole("checkbox", { name: /Internal note/ });
  if (note) await box.check();
  else if (await box.count()) await box.uncheck();
  await composer(page).fill(text);
  await page.getByRole("button", { name: note ? "Add note" : "Send" }).click();
}

/** The thread's confirmed messages (pending ones are not `data-seq` items). */
export const thread = (page: Page) => page.getByRole("list", { name: "Conversation" });
export const confirmed = (page: Page, text: string) => thread(page).locator("li[data-seq]").filter({ hasText: text });

export async function expectNoSeriousA11yIssues(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}
