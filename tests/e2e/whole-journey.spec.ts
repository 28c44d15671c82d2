// The whole journey on one thread, three people at once: Casey asks for help
// on the request page from a phone and lands in the live thread; the office
// schedules a window and settles on Sam, which Casey hears once; Sam sets off
// with an ETA; when it passes Trio says he runs late, for everyone; arrived,
// done with a summary; Casey rates it low and the board raises the alert;
// Casey writes again after the office answered, and the job is back under
// "Needs reply"; a step back with a reason; past jobs found in Closed.
// (Server: LATE_GRACE_MINUTES=0, ASSIGNMENT_SETTLE_SECONDS=6, see global-setup.)
// Runs last: it adds a job to the shared demo board.

import { confirmed, DESKTOP, expectNoSeriousA11yIssues, newPerson, PHONE, say, signIn } from "./helpers.ts";
import { expect, type Page, test } from "./test.ts";

const ZONE = "America/New_York";
/** A date on the company's calendar, as a date input takes it. */
const zonedDate = (daysAhead: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date(Date.now() + daysAhead * 86_400_000));
/** The company clock's next minute (HH:MM): an ETA that passes within a minute. */
function nextMinute() {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  })
    .format(new Date(Date.now() + 60_000))
    .split(":");
  return `${parts[0]}:${parts[1]}`;
}

test.describe.configure({ mode: "serial" });

let dispatcher: Page;
let sam: Page;
let casey: Page;

test.beforeAll(async ({ browser }) => {
  ({ page: dispatcher } = await newPerson(browser, DESKTOP));
  ({ page: sam } = await newPerson(browser, PHONE));
  ({ page: casey } = await newPerson(browser, PHONE));
  await signIn(dispatcher, "dispatcher@brightside.test");
  await signIn(sam, "sam@brightside.test");
});

test.afterAll(async () => {
  for (const page of [dispatcher, sam, casey]) await page?.context().close();
});

const row = () => dispatcher.getByTestId("board-job").filter({ hasText: "Casey Rivera" });

test("Casey asks for help from a phone and lands in the live thread; the board sees the request at once", async () => {
  await casey.goto("/r/brightside");
  await expect(casey.getByRole("link", { name: "Call (555) 010-0199" })).toBeVisible();
  await casey.getByLabel("Your name").fill("Casey Rivera");
  await casey.getByLabel("Phone", { exact: true }).fill("+1 555 010 4242");
  await casey.getByLabel("Address of the work").fill("3 Harbor View");
  await casey.getByLabel("What's wrong?").fill("The kitchen faucet drips all night.");
  await casey.getByRole("button", { name: "Send request" }).click();
  await casey.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(confirmed(casey, "Request received — we usually answer within 15 minutes.")).toBeVisible();
  await expect(casey.getByRole("link", { name: "Call (555) 010-0199" })).toHaveAttribute("href", "tel:5550100199");
  await expect(casey.getByRole("list", { name: "Progress" }).locator("[aria-current=step]")).toContainText("Requested");
  await expectNoSeriousA11yIssues(casey);

  await expect(row()).toContainText("Waiting");
  await row().click();
});

test("the dispatcher schedules a window and settles on Sam; Casey reads one statement of who is coming", async () => {
  await dispatcher.getByRole("button", { name: "Mark scheduled" }).click();
  const picker = dispatcher.getByRole("group", { name: "When is the visit?" });
  await picker.getByLabel("Day").fill(zonedDate(1));
  await picker.getByRole("button", { name: "10 am–12 pm" }).click();
  await expect(confirmed(casey, "Your visit is scheduled for")).toContainText("10 am–12 pm");
  await expect(casey.getByTestId("status-line")).toContainText("Scheduled for");

  await dispatcher.getByLabel("Technician", { exact: true }).selectOption({ label: "Riley Chen" });
  await dispatcher.getByLabel("Technician", { exact: true }).selectOption({ label: "Sam Okafor" });
  await expect(confirmed(dispatcher, "Dana Reyes assigned Sam Okafor.")).toBeVisible();
  // Said once the choice has stood for the settle time (6 s here).
  await expect(confirmed(casey, "Sam Okafor will be your technician.")).toHaveCount(1, { timeout: 20_000 });
  await expect(confirmed(casey, "Riley")).toHaveCount(0);
  const card = casey.getByTestId("technician-card");
  await expect(card).toContainText("Sam Okafor · your technician");
  await card.getByText("About").click();
  await expect(card.getByText("Gas heaters and boilers for 12 years")).toBeVisible();
});

test("Sam sets off with an ETA; when it passes Trio says he runs late, for everyone", async () => {
  test.setTimeout(150_000);
  await sam.goto("/tech");
  await sam.getByTestId("tech-job").filter({ hasText: "Casey Rivera" }).click();
  await sam.getByRole("button", { name: "I'm on my way" }).click();
  const picker = sam.getByRole("group", { name: "When will you get there?" });
  await picker.getByLabel("Or at a time").fill(nextMinute());
  await picker.getByRole("button", { name: "Set time" }).click();
  await expect(casey.getByTestId("status-line")).toContainText(/Sam Okafor is on the way — arriving around \d/);

  const late = "Sam Okafor is running a little behind — we'll update you shortly.";
  for (const page of [casey, sam, dispatcher]) await expect(confirmed(page, late)).toHaveCount(1, { timeout: 90_000 });
  await expect(row()).toContainText("Running late");
  await expect(casey.getByTestId("status-line")).toContainText("running a little behind");

  await sam.getByRole("button", { name: "Change arrival time" }).click();
  await sam.getByRole("group", { name: "When will you get there?" }).getByRole("button", { name: "15 min" }).click();
  await expect(confirmed(casey, "Sam Okafor now expects to arrive around")).toHaveCount(1);
  await expect(row()).not.toContainText("Running late");
});

test("Sam completes the job with a summary; Casey rates it low and the board raises the alert", async () => {
  await sam.getByRole("button", { name: "I've arrived" }).click();
  await sam.getByRole("button", { name: "Job complete" }).click();
  await sam.getByLabel("What did you do?").fill("Replaced the cartridge and both washers.");
  await sam.getByRole("button", { name: "Complete the job" }).click();
  await expect(confirmed(casey, "Work done: Replaced the cartridge and both washers.")).toBeVisible();
  await expect(casey.getByRole("list", { name: "Progress" }).locator("[aria-current=step]")).toContainText("Done");

  const card = casey.getByTestId("rating-card");
  await card.getByRole("group", { name: "How was the visit?" }).getByRole("radio", { name: "2 of 5, unhappy" }).check();
  await card
    .getByRole("group", { name: "How likely are you to recommend us to a friend?" })
    .getByRole("radio", { name: "2 of 10" })
    .check();
  await card.getByRole("button", { name: "Submit my rating" }).click();
  await expect(card.getByRole("heading", { name: "Thank you for your rating!" })).toBeVisible();
  await expect(row().getByTestId("rating-alert")).toHaveText(/Low rating 2\/5/);
  await expect(confirmed(casey, "rated the visit")).toHaveCount(0);
});

test("the office answers; Casey writes again and the job is back under Needs reply", async () => {
  await say(dispatcher, "Casey, we're sorry. Sam will come back to check it.");
  await expect(confirmed(casey, "Sam will come back to check it.")).toBeVisible();
  // Done and answered: off the live board.
  await expect(row()).toHaveCount(0);

  await say(casey, "The faucet is dripping again after your visit!");
  const waiting = dispatcher
    .getByRole("list", { name: "Needs reply" })
    .getByTestId("board-job")
    .filter({ hasText: "Casey Rivera" });
  await expect(waiting).toContainText("Waiting");
  await expect(waiting).toContainText("Completed");
  // Sam's list has it back too, with the customer waiting.
  await sam.goto("/tech");
  await expect(sam.getByTestId("tech-job").filter({ hasText: "Casey Rivera" })).toContainText("Customer waiting");
});

test("the dispatcher takes the completion back with a reason; everyone follows", async () => {
  await dispatcher.getByRole("button", { name: "Step back" }).click();
  await dispatcher.getByLabel(/Why move the job back/).fill("Sam will come back to fix the drip.");
  await dispatcher.getByRole("button", { name: "Move back to on site" }).click();
  await expect(
    confirmed(casey, "The job is back to “On site”. Why: Sam will come back to fix the drip."),
  ).toBeVisible();
  await expect(casey.getByTestId("status-line")).toContainText("Sam Okafor is on site");
  await expect(row()).toContainText("On site");
  await expect(row()).not.toContainText("Waiting");
});

test("past jobs are one search away in the Closed view", async () => {
  await dispatcher.getByRole("button", { name: "Closed" }).click();
  await expect(dispatcher.getByRole("heading", { name: "Closed jobs" })).toBeVisible();
  await dispatcher.getByLabel("Search closed jobs").fill("555 0142");
  await dispatcher.getByRole("button", { name: "Search" }).click();
  const found = dispatcher.getByTestId("closed-job");
  await expect(found).toHaveCount(1);
  await expect(found).toContainText("Priya Shah");
  await found.click();
  await expect(confirmed(dispatcher, "Work done: Cleaned the burners")).toBeVisible();
  await expectNoSeriousA11yIssues(dispatcher);
  await dispatcher.getByLabel("Search closed jobs").fill("nobody by this name");
  await dispatcher.getByRole("button", { name: "Search" }).click();
  await expect(dispatcher.getByText("No closed jobs match “nobody by this name”.")).toBeVisible();
});
