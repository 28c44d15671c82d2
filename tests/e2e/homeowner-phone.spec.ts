import { composer, DESKTOP, expectNoSeriousA11yIssues, newPerson, openJob, PHONE, signIn, thread } from "./helpers.ts";
import { expect, type Page, test } from "./test.ts";

// A homeowner's own job, so the phone's fold is tried on a thread no other spec writes in.
async function openOwnJob(browser: Parameters<typeof newPerson>[0], size: typeof PHONE | typeof DESKTOP) {
  const { page: dispatcher } = await newPerson(browser, DESKTOP);
  await signIn(dispatcher, "dispatcher@brightside.test");
  const { link } = await openJob(dispatcher, {
    customer: { kind: "new", name: "Morgan Lee", phone: "+1 555 010 6161" },
    address: "12 Birch Lane, Springfield",
    problem: "The dishwasher leaves a puddle under the door.",
  });
  const { page: morgan } = await newPerson(browser, size);
  await morgan.goto(link.url);
  await expect(thread(morgan)).toContainText("The dishwasher leaves a puddle");
  return morgan;
}

const progress = (page: Page) => page.getByRole("list", { name: "Progress" });
const companyName = (page: Page) => page.getByText("Brightside Home Services", { exact: true });

test("on a phone, typing folds the homeowner's job to one line, so the conversation keeps the height the keyboard leaves", async ({
  browser,
}) => {
  const morgan = await openOwnJob(browser, PHONE);
  await expect(progress(morgan)).toBeVisible();
  await expect(companyName(morgan)).toBeVisible();

  // The keyboard takes the lower half of the screen.
  await morgan.setViewportSize({ width: 360, height: 420 });
  await composer(morgan).tap();
  await expect(morgan.getByRole("button", { name: "Details" })).toBeVisible();
  await expect(morgan.getByTestId("status-line")).toHaveText(/Request received/);
  await expect(progress(morgan)).toHaveCount(0);
  await expect(companyName(morgan)).toBeHidden();
  const conversation = await thread(morgan).boundingBox();
  if (!conversation) throw new Error("the conversation is not laid out");
  // Before the fold it had 16 px left here; now more than half the screen.
  expect(conversation.height).toBeGreaterThan(210);
  await expectNoSeriousA11yIssues(morgan);

  // Writing still works, and Details opens the job again.
  await composer(morgan).fill("It's the left corner, under the hinge.");
  await morgan.getByRole("button", { name: "Send" }).tap();
  await expect(thread(morgan).locator("li[data-seq]").filter({ hasText: "under the hinge" })).toHaveCount(1);
  await morgan.getByRole("button", { name: "Details" }).tap();
  // The button went as the job opened: the keyboard lands on the status, at the top of what opened.
  await expect(morgan.getByTestId("status-line")).toBeFocused();
  await expect(progress(morgan)).toBeVisible();
  await expect(companyName(morgan)).toBeVisible();
});

test("on a desktop, the homeowner's job stays open while they type", async ({ browser }) => {
  const morgan = await openOwnJob(browser, DESKTOP);
  await composer(morgan).click();
  await composer(morgan).fill("Can someone come on Saturday?");
  await expect(progress(morgan)).toBeVisible();
  await expect(companyName(morgan)).toBeVisible();
  await expect(morgan.getByRole("button", { name: "Details" })).toHaveCount(0);
});
