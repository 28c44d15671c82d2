import {
  composer,
  confirmed,
  DESKTOP,
  expectNoSeriousA11yIssues,
  newPerson,
  openJob,
  PHONE,
  signIn,
} from "./helpers.ts";
import { expect, test } from "./test.ts";

const TEMPLATE = "Good news {first name}: the part is in my van.";

test("a dispatcher's quick reply reaches a homeowner with their own first name, after the technician taps it", async ({
  browser,
}) => {
  const dispatcher = (await newPerson(browser, DESKTOP)).page;
  await signIn(dispatcher, "dispatcher@brightside.test");
  await dispatcher.getByRole("link", { name: "Quick replies" }).click();
  await expect(dispatcher.getByRole("heading", { name: "Quick replies", level: 1 })).toBeVisible();

  // A blank Trio can't fill is refused where it was typed, and nothing is added.
  const box = dispatcher.getByRole("textbox", { name: "New quick reply" });
  await box.fill("Good news {firstname}: the part is in my van.");
  await dispatcher.getByRole("button", { name: "Add quick reply" }).click();
  // Said under the box, and tied to it for a screen reader.
  await expect(box).toHaveAccessibleDescription(/“\{firstname\}” isn't a blank Trio can fill/);
  await expect(box).toHaveAttribute("aria-invalid", "true");

  await box.fill(TEMPLATE);
  await expect(
    dispatcher.getByText("Preview with a sample job: Good news Jordan: the part is in my van."),
  ).toBeVisible();
  await dispatcher.getByRole("button", { name: "Add quick reply" }).click();
  const saved = dispatcher
    .getByRole("list", { name: "Quick replies" })
    .getByRole("listitem")
    .filter({ hasText: TEMPLATE });
  await expect(saved).toHaveCount(1);
  await expect(box).toHaveValue("");

  // Reordering works from the keyboard, and the focus stays with the reply that moved.
  const items = dispatcher.getByRole("list", { name: "Quick replies" }).getByRole("listitem");
  const placeOf = async () => (await items.allTextContents()).findIndex((text) => text.startsWith(TEMPLATE));
  const before = await placeOf();
  expect(before).toBeGreaterThan(0);
  const moveUp = dispatcher.getByRole("button", { name: `Move up: ${TEMPLATE}` });
  await moveUp.focus();
  await dispatcher.keyboard.press("Enter");
  await expect(dispatcher.getByText("Moved up.")).toBeVisible();
  expect(await placeOf()).toBe(before - 1);
  await expect(moveUp).toBeFocused();
  await expectNoSeriousA11yIssues(dispatcher);

  // A job for a new homeowner, with Sam on it, opened as the office does.
  const jobs = await dispatcher.request.get("/api/jobs?status=all");
  const sam = ((await jobs.json()).data as { technician: { id: string; name: string } | null }[]).find(
    (job) => job.technician?.name === "Sam Okafor",
  )?.technician;
  if (!sam) throw new Error("the demo has no job of Sam's");
  const { job, link } = await openJob(dispatcher, {
    customer: { kind: "new", name: "Taylor Brooks", email: "taylor@home.test" },
    address: "3 Cedar Street",
    problem: "Kitchen sink drains slowly.",
    technicianId: sam.id,
  });

  const technician = (await newPerson(browser, PHONE)).page;
  await signIn(technician, "sam@brightside.test");
  await technician.goto(`/jobs/${job.id}`);
  const chips = technician.getByRole("group", { name: "Quick replies" });
  const filled = "Good news Taylor: the part is in my van.";
  await expect(chips.getByRole("button", { name: filled })).toBeVisible();
  // The chips scroll sideways in their row; the page itself doesn't.
  const overflow = await technician.evaluate(() => {
    const root = document.scrollingElement as HTMLElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  await chips.getByRole("button", { name: filled }).click();
  // In the box to edit, not sent by the tap.
  await expect(composer(technician)).toHaveValue(filled);
  await expect(confirmed(technician, filled)).toHaveCount(0);
  await technician.getByRole("button", { name: "Send" }).click();
  await expect(confirmed(technician, filled)).toHaveCount(1);
  await expect(composer(technician)).toHaveValue("");

  const homeowner = (await newPerson(browser, PHONE)).page;
  await homeowner.goto(link.url);
  await expect(confirmed(homeowner, filled)).toHaveCount(1);
  await expect(homeowner.getByText("{first name}")).toHaveCount(0);
  // Homeowners get no quick replies of their own.
  await expect(homeowner.getByRole("group", { name: "Quick replies" })).toHaveCount(0);
});
