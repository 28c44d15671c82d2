// A dispatcher working the board by keyboard keeps their place when a live
// update moves the job they are on between "Needs reply" and "Other jobs",
// and is never pulled away from where they went instead (the message box).

import { composer, confirmed, DESKTOP, newPerson, openJob, PHONE, say, signIn, thread } from "./helpers.ts";
import { expect, test } from "./test.ts";

test("the focused job keeps the focus when its row moves between the lists", async ({ browser }) => {
  const { page: dispatcher } = await newPerson(browser, DESKTOP);
  await signIn(dispatcher, "dispatcher@brightside.test");
  const { job, link } = await openJob(dispatcher, {
    customer: { kind: "new", name: "Quinn Harlow", email: "quinn@home.test" },
    address: "12 Birch Road",
    problem: "Water heater makes a banging noise.",
  });
  const mine = `#${job.number}`;

  await dispatcher.goto("/dispatch");
  const rows = dispatcher.getByTestId("board-job");
  // The board is live (other specs' jobs share it): a job is known by its number, not its place.
  const row = rows.filter({ hasText: `${mine} ·` });
  const needsReply = dispatcher.getByRole("list", { name: "Needs reply" });
  const otherJobs = dispatcher.getByRole("list", { name: "Other jobs" });
  await expect(otherJobs.getByTestId("board-job").filter({ hasText: `${mine} ·` })).toBeVisible();

  await row.focus();

  // The homeowner writes: the job moves to "Needs reply" and its row keeps the focus.
  const { page: homeowner } = await newPerson(browser, PHONE);
  await homeowner.goto(link.url);
  await expect(thread(homeowner)).toBeVisible();
  await say(homeowner, "The banging is getting louder.");
  await expect(needsReply.getByTestId("board-job").filter({ hasText: `${mine} ·` })).toBeVisible();
  await expect(row).toBeFocused();

  // Waiting the shortest, it ends "Needs reply": the arrows cross to "Other jobs" and back.
  await expect(needsReply.getByTestId("board-job").last()).toContainText(`${mine} ·`);
  await dispatcher.keyboard.press("ArrowDown");
  await expect(otherJobs.locator("[data-testid=board-job]:focus")).toHaveCount(1);
  await dispatcher.keyboard.press("ArrowUp");
  await expect(row).toBeFocused();

  // Enter opens that job, not whichever row now stands where it stood.
  await dispatcher.keyboard.press("Enter");
  await expect(row).toHaveAttribute("aria-current", "true");
  await expect(confirmed(dispatcher, "The banging is getting louder.")).toBeVisible();

  // Staff answer from the open thread, by keyboard: the job moves back to
  // "Other jobs" and the focus stays in the message box, where they are.
  await composer(dispatcher).focus();
  await dispatcher.keyboard.type("Someone is on the way this afternoon.");
  await dispatcher.keyboard.press("Enter");
  await expect(confirmed(dispatcher, "Someone is on the way this afternoon.")).toBeVisible();
  await expect(otherJobs.getByTestId("board-job").filter({ hasText: `${mine} ·` })).toBeVisible();
  await expect(composer(dispatcher)).toBeFocused();

  // The homeowner writes again while the dispatcher is in the message box:
  // the row moves, the focus does not.
  await say(homeowner, "Thank you!");
  await expect(needsReply.getByTestId("board-job").filter({ hasText: `${mine} ·` })).toBeVisible();
  await expect(composer(dispatcher)).toBeFocused();

  // Back on the row, a colleague answers from their own desk: the row leaves
  // "Needs reply" and the dispatcher is still on it.
  await row.focus();
  const { page: colleague } = await newPerson(browser, DESKTOP);
  await signIn(colleague, "dispatcher@brightside.test");
  await colleague.goto(`/jobs/${job.id}`);
  await say(colleague, "You're welcome, see you soon.");
  await expect(otherJobs.getByTestId("board-job").filter({ hasText: `${mine} ·` })).toBeVisible();
  await expect(row).toBeFocused();
});
