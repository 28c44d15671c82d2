// Service requests end to end: the public request page on a phone (with and
// without script) and a dispatcher opening a job by phone. These add jobs to
// the shared demo company; the file is named to run after pages.spec.ts, whose
// keyboard test walks the board in the demo data's order, and the office
// answers each request, so later specs find no one new waiting.

import { baseURL, confirmed, DESKTOP, expectNoSeriousA11yIssues, newPerson, PHONE, say, signIn } from "./helpers.ts";
import { expect, test } from "./test.ts";

const shots = process.env.TRIO_E2E_SCREENSHOTS;

test("a homeowner on a phone requests a visit, lands in the live thread with their link, and the board sees it at once", async ({
  browser,
}) => {
  const { page: dispatcher } = await newPerson(browser, DESKTOP);
  await signIn(dispatcher, "dispatcher@brightside.test");

  const { context, page: robin } = await newPerson(browser, PHONE);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL() });
  await robin.goto("/signin");
  await robin.getByRole("link", { name: "Request a visit from Brightside Home Services" }).click();
  await expect(robin.getByRole("heading", { name: "Request a visit" })).toBeVisible();
  await expectNoSeriousA11yIssues(robin);

  // A mistake first: no way to reach them. Told beside the field, nothing sent.
  await robin.getByLabel("Your name").fill("Robin Intake");
  await robin.getByLabel("Address of the work").fill("12 Elm Street");
  await robin.getByLabel("What's wrong?").fill("The garbage disposal hums but doesn't spin.");
  await robin.getByRole("button", { name: "Send request" }).click();
  await expect(robin.getByRole("alert").filter({ hasText: "Give" })).toContainText(
    "Give a phone number or an email, or both.",
  );
  await expect(robin.getByLabel("Phone", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(robin.getByLabel("Phone", { exact: true })).toBeFocused();
  if (shots) await robin.screenshot({ path: `${shots}/request-phone-error.png`, fullPage: true });

  await robin.getByLabel("Phone", { exact: true }).fill("+1 555 010 9999");
  await robin.getByLabel("Days and times that suit you (optional)").fill("Weekday mornings");
  await robin.getByLabel("Text me").check();
  await robin.getByRole("button", { name: "Send request" }).click();

  await robin.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(confirmed(robin, "Request received — we usually answer within 15 minutes.")).toBeVisible();
  const link = robin.getByLabel("Your link");
  await expect(link).toHaveValue(/\/j\/[A-Za-z0-9_-]{43}$/);
  await robin.getByRole("button", { name: "Copy link" }).click();
  await expect(robin.getByRole("status").filter({ hasText: /Copied|selected/ })).toBeVisible();
  if (shots) await robin.screenshot({ path: `${shots}/thread-phone-new-link.png`, fullPage: true });
  await expectNoSeriousA11yIssues(robin);

  // The board hears of it without a reload.
  const row = dispatcher.getByTestId("board-job").filter({ hasText: "Robin Intake" });
  await expect(row).toBeVisible();
  await row.click();
  await expect(confirmed(dispatcher, "Preferred times: Weekday mornings")).toBeVisible();
  await expect(row).toContainText("Waiting");
  // The office answers; Robin reads it live, and the board stops counting the wait.
  await say(dispatcher, "Thanks Robin, we can come tomorrow morning.");
  await expect(confirmed(robin, "Thanks Robin, we can come tomorrow morning.")).toBeVisible();
  await expect(row).not.toContainText("Waiting");

  // The link keeps working: opened in a fresh browser it lands in the same thread.
  const url = await link.inputValue();
  await robin.getByRole("button", { name: "I've kept it" }).click();
  await expect(robin.getByLabel("Your link")).toHaveCount(0);
  const { page: laptop } = await newPerson(browser, DESKTOP);
  await laptop.goto(url);
  await expect(confirmed(laptop, "Request received")).toBeVisible();
  await expect(laptop.getByLabel("Your link")).toHaveCount(0);
});

test("an unknown company's request page is a 404 that says so", async ({ browser }) => {
  const { page } = await newPerson(browser, PHONE);
  const missing = await page.goto("/r/no-such-company");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that company" })).toBeVisible();
});

test("the request form works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE, baseURL: baseURL(), javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/r/brightside");
  await page.getByLabel("Your name").fill("Nojs Person");
  await page.getByLabel("Email", { exact: true }).fill("not an email");
  await page.getByLabel("Address of the work").fill("3 Quiet Lane");
  await page.getByLabel("What's wrong?").fill("Doorbell is silent.");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Check the email address.")).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Your name").fill("Nojs Person");
  await page.getByLabel("Email", { exact: true }).fill("nojs@example.test");
  await page.getByLabel("Address of the work").fill("3 Quiet Lane");
  await page.getByLabel("What's wrong?").fill("Doorbell is silent.");
  await page.getByRole("button", { name: "Send request" }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  const names = (await context.cookies()).map((cookie) => cookie.name);
  expect(names).toEqual(expect.arrayContaining(["trio.homeowner", "trio.new-link"]));
  // Without script the page still shows the thread as it stands, and the link to keep.
  await expect(confirmed(page, "Request received — we usually answer within 15 minutes.")).toBeVisible();
  await expect(page.getByLabel("Your link")).toHaveValue(/\/j\/[A-Za-z0-9_-]{43}$/);

  // The thread itself is a live, scripted page: the same browser with its script sees it and the link.
  const withScript = await browser.newContext({
    ...PHONE,
    baseURL: baseURL(),
    storageState: await context.storageState(),
  });
  const again = await withScript.newPage();
  await again.goto(page.url());
  await expect(confirmed(again, "Request received — we usually answer within 15 minutes.")).toBeVisible();
  await expect(again.getByLabel("Your link")).toHaveValue(/\/j\/[A-Za-z0-9_-]{43}$/);

  // The office answers, so the shared demo board has no one left waiting.
  const { page: dispatcher } = await newPerson(browser, DESKTOP);
  await signIn(dispatcher, "dispatcher@brightside.test");
  const row = dispatcher.getByTestId("board-job").filter({ hasText: "Nojs Person" });
  await row.click();
  await say(dispatcher, "We'll call you about the doorbell.");
  await expect(row).not.toContainText("Waiting");
  await context.close();
  await withScript.close();
});

test("a dispatcher takes a request by phone and gets the link to send", async ({ browser }) => {
  const { page: dispatcher } = await newPerson(browser, DESKTOP);
  await signIn(dispatcher, "dispatcher@brightside.test");
  const { page: colleague } = await newPerson(browser, DESKTOP);
  await signIn(colleague, "dispatcher@brightside.test");

  await dispatcher.getByRole("link", { name: "New job" }).click();
  await expect(dispatcher.getByRole("heading", { name: "New job" })).toBeVisible();
  await expectNoSeriousA11yIssues(dispatcher);

  await dispatcher.getByLabel("Find by name, phone or email").fill("Alex");
  await dispatcher.getByRole("button", { name: /Alex Kim/ }).click();
  await expect(dispatcher.getByLabel("Address of the work")).toHaveValue("7 Birch Lane");
  await dispatcher.getByLabel("What's wrong").fill("Gutter pulled away from the roof edge");
  const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
  await dispatcher.getByLabel("Day").fill(tomorrow);
  await dispatcher.getByLabel("From").fill("11:00");
  await dispatcher.getByLabel("To").fill("09:00");
  await dispatcher.getByRole("button", { name: "Create job" }).click();
  await expect(dispatcher.getByRole("alert").filter({ hasText: "window" })).toContainText(
    "The window must end after it starts.",
  );

  await dispatcher.getByLabel("From").fill("09:00");
  await dispatcher.getByLabel("To").fill("11:00");
  if (shots) await dispatcher.screenshot({ path: `${shots}/new-job-desktop.png`, fullPage: true });
  await dispatcher.getByRole("button", { name: "Create job" }).click();
  await expect(dispatcher.getByRole("heading", { name: /^Job #\d+ is open$/ })).toBeVisible();
  await expect(dispatcher.getByLabel(/Send this link to Alex Kim/)).toHaveValue(/\/j\/[A-Za-z0-9_-]{43}$/);
  if (shots) await dispatcher.screenshot({ path: `${shots}/new-job-created.png`, fullPage: true });
  await expectNoSeriousA11yIssues(dispatcher);

  // Another dispatcher's board has it live.
  await expect(colleague.getByTestId("board-job").filter({ hasText: "Gutter pulled away" })).toBeVisible();

  await dispatcher.getByRole("link", { name: "Open the job" }).click();
  await expect(confirmed(dispatcher, "Dana Reyes took this request by phone.")).toBeVisible();
});

test("the new job page fits a phone", async ({ browser }) => {
  const { page } = await newPerson(browser, PHONE);
  await signIn(page, "dispatcher@brightside.test");
  // The board's header has room for the new link on a phone.
  await expect(page.getByRole("link", { name: "New job" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  if (shots) await page.screenshot({ path: `${shots}/board-phone.png` });
  await page.getByRole("link", { name: "New job" }).click();
  await expect(page.getByRole("heading", { name: "New job" })).toBeVisible();
  await page.getByRole("button", { name: "Add a new customer" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  if (shots) await page.screenshot({ path: `${shots}/new-job-phone.png`, fullPage: true });
  await expectNoSeriousA11yIssues(page);
});
