import {
  baseURL,
  DESKTOP,
  expectNoSeriousA11yIssues,
  homeownerLink,
  newPerson,
  PHONE,
  signIn,
  thread,
} from "./helpers.ts";
import { expect, type Locator, test } from "./test.ts";

test("a bad link explains itself, without a stack trace", async ({ browser }) => {
  const { page } = await newPerson(browser, PHONE);
  await page.goto("/j/not-a-real-token-aaaaaaaaaaaaaaaaaaaa");
  await expect(page.getByRole("heading", { name: "We couldn't open your job" })).toBeVisible();
  await expect(page.getByText("This link is not valid.")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/Error:|at .*\.ts|undefined/);
});

test("a page's first connection is not announced as a reconnection", async ({ browser }) => {
  const { page } = await newPerson(browser, PHONE);
  await page.addInitScript(() => {
    const seen = { reconnecting: false };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      if (document.body?.textContent?.includes("Reconnecting")) seen.reconnecting = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(homeownerLink());
  await expect(thread(page).locator("li[data-seq]").first()).toBeVisible();
  await page.getByRole("textbox", { name: "Message" }).fill("Just checking in.");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(thread(page).locator("li[data-seq]").filter({ hasText: "Just checking in." })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __seen: { reconnecting: boolean } }).__seen)).toEqual({
    reconnecting: false,
  });
});

test("a wrong password gets a clear message and no session", async ({ browser }) => {
  const { page } = await newPerson(browser);
  await page.goto("/signin");
  await page.getByLabel("Email").fill("dispatcher@brightside.test");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("That email and password don't match an account.");
  await page.goto("/dispatch");
  await expect(page).toHaveURL(/\/signin$/);
});

test("repeated wrong passwords lock the email for a while, and say so", async ({ browser }) => {
  const { page } = await newPerson(browser);
  await page.goto("/signin");
  const alert = page.locator("form").getByRole("alert");
  await page.getByLabel("Email").fill("guesser@brightside.test");
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.getByLabel("Password").fill(`guess ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("That email and password don't match an account.");
    await page.getByLabel("Password").fill("");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill("one more guess");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toContainText("Too many failed sign-ins for this email from here. Try again in 15 min");
});

test("signing out ends the session, in every tab at once", async ({ browser }) => {
  const { page, context } = await newPerson(browser);
  await signIn(page, "riley@brightside.test");
  await expect(page.getByRole("heading", { name: "My jobs" })).toBeVisible();
  const otherTab = await context.newPage();
  await otherTab.goto("/tech");
  await expect(otherTab.getByRole("heading", { name: "My jobs" })).toBeVisible();
  await expect(otherTab.getByText("Your session has ended")).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(otherTab.getByRole("alert").filter({ hasText: "Your session has ended" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/tech");
  await expect(page).toHaveURL(/\/signin$/);
});

test("another company's dispatcher cannot see the job", async ({ browser }) => {
  const { page: homeowner } = await newPerson(browser, PHONE);
  await homeowner.goto(homeownerLink());
  const jobPath = new URL(homeowner.url()).pathname;
  const { page } = await newPerson(browser);
  await signIn(page, "dispatcher@northwind.test");
  await expect(page.getByText("No open jobs right now.")).toBeVisible();
  const response = await page.goto(jobPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(/couldn't find that page or job/)).toBeVisible();
  const unknown = await page.goto("/jobs/00000000-0000-4000-8000-000000000000");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByText(/couldn't find that page or job/)).toBeVisible();
});

test.describe("accessibility and phone layout", () => {
  test("sign-in page", async ({ browser }) => {
    const { page } = await newPerson(browser, PHONE);
    await page.goto("/signin");
    await expectNoSeriousA11yIssues(page);
  });

  test("homeowner thread at 360 px", async ({ browser }) => {
    const { page } = await newPerson(browser, PHONE);
    await page.goto(homeownerLink());
    await expect(thread(page)).toBeVisible();
    await expect(page.getByTestId("status-line")).toBeVisible();
    const overflow = await page.evaluate(() => {
      const root = document.scrollingElement as HTMLElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yIssues(page);
  });

  test("dispatcher board at 360 px: nothing scrolls sideways, the Closed view fits", async ({ browser }) => {
    const { page } = await newPerson(browser, PHONE);
    await signIn(page, "dispatcher@brightside.test");
    await expect(page.getByTestId("board-job").first()).toBeVisible();
    const overflow = () =>
      page.evaluate(() => {
        const root = document.scrollingElement as HTMLElement;
        return root.scrollWidth - root.clientWidth;
      });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expect(page.getByRole("button", { name: "Closed" })).toBeInViewport();
    await page.getByRole("button", { name: "Closed" }).click();
    await expect(page.getByLabel("Search closed jobs")).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yIssues(page);
  });

  test("technician's jobs and thread on a phone", async ({ browser }) => {
    const { page } = await newPerson(browser, PHONE);
    await signIn(page, "sam@brightside.test");
    await expect(page.getByTestId("tech-job").first()).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await page.getByTestId("tech-job").first().click();
    await expect(thread(page)).toBeVisible();
    await expectNoSeriousA11yIssues(page);
  });

  test("dispatcher board with a thread open, by keyboard", async ({ browser }) => {
    const { page } = await newPerson(browser, DESKTOP);
    await signIn(page, "dispatcher@brightside.test");
    // The board is live (other specs' jobs move on it): a job is known by its number, not its place.
    const numberOf = async (row: Locator) => /#\d+/.exec((await row.textContent()) ?? "")?.[0] ?? "none";
    const focused = page.locator("[data-testid=board-job]:focus");
    await page.getByTestId("board-job").first().focus();
    const first = await numberOf(focused);
    await page.keyboard.press("ArrowDown");
    const second = await numberOf(focused);
    expect(second).not.toBe(first);
    await page.keyboard.press("Enter");
    await expect(thread(page)).toBeVisible();
    await expect(page.getByTestId("board-job").filter({ hasText: `${second} ·` })).toHaveAttribute(
      "aria-current",
      "true",
    );
    await expectNoSeriousA11yIssues(page);
  });
});

test("health answers for monitors", async ({ request }) => {
  const response = await request.get(`${baseURL()}/api/health`);
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, db: "up" });
});
