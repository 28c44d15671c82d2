// The technician in the field, on a phone: a day list whose unread badge moves
// live, the next step in thumb reach at the bottom, a tap to call or to get
// directions, Enter that makes a new line, and a job that stops being theirs
// turning read-only at once with what was waiting to go out kept, not lost.
// Works on a job of its own (Quinn Harper), so the demo jobs stay as they were.

import {
  composer,
  confirmed,
  DESKTOP,
  expectNoSeriousA11yIssues,
  newPerson,
  openJob,
  PHONE,
  say,
  signIn,
  thread,
} from "./helpers.ts";
import { expect, type Page, test } from "./test.ts";

test.describe.configure({ mode: "serial" });

let dispatcher: Page;
let riley: Page;
let quinn: Page;
let jobPath: string;

/** Tomorrow on the company's calendar, as a date input takes it. */
const tomorrow = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date(Date.now() + 86_400_000));
const card = () => riley.getByTestId("tech-job").filter({ hasText: "Quinn Harper" });
const boardRow = () => dispatcher.getByTestId("board-job").filter({ hasText: "Quinn Harper" });

test.beforeAll(async ({ browser }) => {
  ({ page: dispatcher } = await newPerson(browser, DESKTOP));
  await signIn(dispatcher, "dispatcher@brightside.test");
  const data = await openJob(dispatcher, {
    customer: { kind: "new", name: "Quinn Harper", phone: "+1 555 010 7777" },
    address: "88 Cedar Road, Springfield",
    problem: "The garage door opener clicks but the door won't lift.",
  });
  jobPath = `/jobs/${data.job.id}`;
  await boardRow().click();
  await dispatcher.getByLabel("Technician", { exact: true }).selectOption({ label: "Riley Chen" });
  await expect(confirmed(dispatcher, "Dana Reyes assigned Riley Chen.")).toBeVisible();

  ({ page: quinn } = await newPerson(browser, PHONE));
  await quinn.goto(data.link.url);
  // Said once the choice has settled (6 s here): after it, only Quinn's messages move Riley's badge.
  await expect(confirmed(quinn, "Riley Chen will be your technician.")).toHaveCount(1, { timeout: 20_000 });

  // Made here, not in a test, so the serial tests share Riley's phone.
  ({ page: riley } = await newPerson(browser, PHONE));
  await signIn(riley, "riley@brightside.test");
});

test.afterAll(async () => {
  for (const page of [dispatcher, quinn, riley]) await page?.context().close();
});

test("the technician's list shows the job under its day and its unread badge moves the moment the homeowner writes", async () => {
  await expect(riley.getByRole("region", { name: /No visit time yet/ })).toContainText("Quinn Harper");
  await expect(card()).toContainText("88 Cedar Road, Springfield");
  // The request's own entries and the assignment are unread already.
  const badge = card().getByTestId("unread");
  const before = Number.parseInt((await badge.textContent()) ?? "", 10);
  expect(before).toBeGreaterThan(0);

  await say(quinn, "Is anyone coming today?");
  await expect(badge).toContainText(`${before + 1} unread`);
  await say(quinn, "The car is stuck inside.");
  await expect(badge).toContainText(`${before + 2} unread`);
  await expectNoSeriousA11yIssues(riley);
});

test("on the job the next step sits at the bottom by the message box, with a tap to call and directions", async () => {
  await card().click();
  await riley.waitForURL(`**${jobPath}`);
  await expect(riley.getByRole("link", { name: "Call Quinn Harper, +15550107777" })).toHaveAttribute(
    "href",
    "tel:+15550107777",
  );
  await expect(riley.getByRole("link", { name: /^Directions to 88 Cedar Road/ })).toHaveAttribute(
    "href",
    "https://www.google.com/maps/search/?api=1&query=88%20Cedar%20Road%2C%20Springfield",
  );

  // REQUESTED: the technician's next step is the office's to take; once scheduled it is theirs.
  await dispatcher.getByRole("button", { name: "Mark scheduled" }).click();
  const picker = dispatcher.getByRole("group", { name: "When is the visit?" });
  await picker.getByLabel("Day").fill(tomorrow());
  await picker.getByRole("button", { name: "10 am–12 pm" }).click();
  const onMyWay = riley.getByRole("button", { name: "I'm on my way" });
  await expect(onMyWay).toBeVisible();
  const conversation = await thread(riley).boundingBox();
  const action = await onMyWay.boundingBox();
  const box = await composer(riley).boundingBox();
  if (!conversation || !action || !box) throw new Error("the job screen is not laid out");
  // Below the conversation, above the message box, and on the screen's lower half: in thumb reach.
  expect(action.y).toBeGreaterThanOrEqual(conversation.y + conversation.height - 1);
  expect(action.y + action.height).toBeLessThanOrEqual(box.y);
  expect(action.y).toBeGreaterThan(740 / 2);
  await expectNoSeriousA11yIssues(riley);
});

test("typing folds the job header to one line; Enter makes a new line on a phone, and Ctrl+Enter sends", async () => {
  await composer(riley).tap();
  await expect(riley.getByRole("button", { name: "Details" })).toBeVisible();
  await expect(riley.getByRole("link", { name: /^Call Quinn/ })).toHaveCount(0);

  await composer(riley).pressSequentially("Coming after lunch.");
  await composer(riley).press("Enter");
  await composer(riley).pressSequentially("Bring the remote please.");
  // Enter made a line, it did not send.
  await expect(composer(riley)).toHaveValue("Coming after lunch.\nBring the remote please.");
  await expect(thread(riley).locator("li[data-pending]")).toHaveCount(0);
  await riley.getByRole("button", { name: "Send" }).tap();
  for (const page of [quinn, dispatcher]) {
    const message = confirmed(page, "Bring the remote please.");
    await expect(message).toHaveCount(1);
    expect(await message.locator("p[dir=auto]").textContent()).toBe("Coming after lunch.\nBring the remote please.");
  }

  await composer(riley).fill("Ctrl+Enter sends from a keyboard too.");
  await composer(riley).press("Control+Enter");
  await expect(confirmed(quinn, "Ctrl+Enter sends from a keyboard too.")).toHaveCount(1);

  await riley.getByRole("button", { name: "Details" }).tap();
  await expect(riley.getByRole("link", { name: /^Call Quinn/ })).toBeVisible();
});

test("given to someone else, the job turns read-only on the technician's open screen; what was waiting is kept as not sent", async ({
  browser,
}) => {
  // A phone on a line that carries nothing out: what Riley sends stays waiting.
  const { page: phone } = await newPerson(browser, PHONE);
  let lineDown = false;
  const carriesOut = (payload: string) => !(lineDown && payload.includes("message:send"));
  await phone.routeWebSocket(/\/socket\.io\//, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      if (carriesOut(String(message))) server.send(message);
    });
  });
  await phone.route(/\/socket\.io\//, (route) =>
    carriesOut(route.request().postData() ?? "") ? route.continue() : route.abort(),
  );
  await signIn(phone, "riley@brightside.test");
  await phone.goto(jobPath);
  await expect(confirmed(phone, "Bring the remote please.")).toBeVisible();

  lineDown = true;
  await say(phone, "Parts are in the van, see you at 2.");
  const waiting = thread(phone).locator("li[data-pending]").filter({ hasText: "Parts are in the van" });
  await expect(waiting).toBeVisible();

  await dispatcher.getByLabel("Technician", { exact: true }).selectOption({ label: "Sam Okafor" });
  await expect(phone.getByRole("alert").filter({ hasText: "This job was given to Sam Okafor." })).toBeVisible();
  await expect(composer(phone)).toHaveCount(0);
  await expect(phone.getByRole("button", { name: "I'm on my way" })).toHaveCount(0);
  // Kept where Riley can see it (and copy it), said plainly not to have gone out; only discarding is left.
  await expect(waiting).toHaveAttribute("data-pending", "failed");
  await expect(waiting).toContainText("Not sent. This job was given to Sam Okafor.");
  await expect(waiting.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await expect(waiting.getByRole("button", { name: "Discard" })).toBeVisible();
  // The line comes back: nothing of it reaches the thread now that the job is Sam's.
  lineDown = false;
  await expect(confirmed(dispatcher, "Dana Reyes assigned Sam Okafor.")).toBeVisible();
  await expect(confirmed(dispatcher, "Parts are in the van")).toHaveCount(0);
  await riley.goto("/tech");
  await expect(riley.getByRole("heading", { name: "My jobs" })).toBeVisible();
  await expect(card()).toHaveCount(0);
});
