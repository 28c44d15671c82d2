import { confirmed, DESKTOP, expectNoSeriousA11yIssues, newPerson, PHONE, say, signIn, thread } from "./helpers.ts";
import { expect, test } from "./test.ts";

// Priya Shah's furnace tune-up (demo data, completed three days ago): the office
// gives Priya a link, Priya rates the visit from a phone.
test("a homeowner rates a finished job 2 of 5, is thanked with a share link, and the board raises the alert until staff reply", async ({
  browser,
}) => {
  const { page: dispatcher } = await newPerson(browser, DESKTOP);
  await signIn(dispatcher, "dispatcher@brightside.test");
  const row = dispatcher.getByTestId("board-job").filter({ hasText: "Priya Shah" });
  // Finished and quiet: not on the live board.
  await expect(dispatcher.getByTestId("board-job").first()).toBeVisible();
  await expect(row).toHaveCount(0);
  await dispatcher.getByRole("button", { name: "Closed" }).click();
  await dispatcher.getByTestId("closed-job").filter({ hasText: "Priya Shah" }).click();
  await dispatcher.getByText("Homeowner link").click();
  await dispatcher.getByRole("button", { name: "Make a new link" }).click();
  const link = await dispatcher.getByLabel(/Send this to the homeowner/).inputValue();
  await dispatcher.getByText("Homeowner link").click();
  await dispatcher.getByRole("button", { name: "Live" }).click();

  const { page: priya } = await newPerson(browser, PHONE);
  await priya.goto(link);
  await expect(priya.getByTestId("status-line")).toBeVisible();

  // The job is done: Priya's thread offers the card.
  const card = priya.getByTestId("rating-card");
  await expect(card.getByRole("heading", { name: "How did we do?" })).toBeVisible();
  const visit = card.getByRole("group", { name: "How was the visit?" });
  const recommend = card.getByRole("group", { name: "How likely are you to recommend us to a friend?" });
  await expect(visit.getByRole("radio")).toHaveCount(5);
  await expect(recommend.getByRole("radio")).toHaveCount(11);
  await expectNoSeriousA11yIssues(priya);
  // Fits a 360 px phone: nothing scrolls sideways.
  expect(await priya.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await visit.getByRole("radio", { name: "2 of 5, unhappy" }).check();
  await card.getByRole("button", { name: "Submit my rating" }).click();
  await expect(card.getByRole("alert")).toHaveText("Choose how likely you are to recommend us, from 0 to 10.");
  // Keyboard: arrow keys move within the group.
  await recommend.getByRole("radio", { name: "2 of 10" }).check();
  await priya.keyboard.press("ArrowRight");
  await expect(recommend.getByRole("radio", { name: "3 of 10" })).toBeChecked();
  await card.getByLabel(/Anything you'd like to tell us/).fill("Came two hours late");
  // Writing the comment on a phone folds the job's top, as the message box does.
  await expect(priya.getByRole("button", { name: "Details" })).toBeVisible();
  await card.getByRole("button", { name: "Submit my rating" }).click();

  const thanks = card.getByRole("heading", { name: "Thank you for your rating!" });
  await expect(thanks).toBeVisible();
  // The card moves the keyboard's focus to its thanks; a miss names what holds it instead.
  await expect
    .poll(() =>
      thanks.evaluate((heading) => {
        const active = document.activeElement;
        return active === heading ? "the thanks" : `${active?.tagName}: ${active?.textContent?.slice(0, 60)}`;
      }),
    )
    .toBe("the thanks");
  await expect(card.getByRole("status").first()).toContainText(
    "You rated the visit 2 of 5 and would recommend us 3 of 10.",
  );
  await expect(card).toContainText("You can change your rating until");
  await expect(card.getByTestId("share-link")).toHaveAttribute("href", "/r/brightside");
  await expectNoSeriousA11yIssues(priya);

  // The board brings the finished job back with the alert; the open thread shows the rating.
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("rating-alert")).toHaveText(/Low rating 2\/5/);
  await expect(dispatcher.getByTestId("job-rating")).toContainText("Rated 2/5 · would recommend 3/10");
  await expect(dispatcher.getByTestId("job-rating")).toContainText("Low rating: reply to the homeowner");
  await expect(confirmed(dispatcher, "Priya Shah rated the visit 2/5 · would recommend 3/10")).toBeVisible();
  await expectNoSeriousA11yIssues(dispatcher);
  // Priya never sees the office's entry.
  await expect(confirmed(priya, "rated the visit")).toHaveCount(0);

  // A reply to Priya answers it: the alert goes and the finished job leaves the board.
  await say(dispatcher, "Priya, I'm sorry we were late. We'll take $50 off.");
  await expect(thread(priya).getByText("We'll take $50 off.")).toBeVisible();
  await expect(dispatcher.getByTestId("job-rating")).not.toContainText("Low rating");
  await expect(row).toHaveCount(0);

  // Changing the rating updates the same one.
  await card.getByRole("button", { name: "Change my rating" }).click();
  await expect(visit.getByRole("radio", { name: "2 of 5, unhappy" })).toBeChecked();
  await visit.getByRole("radio", { name: "4 of 5, happy" }).check();
  await recommend.getByRole("radio", { name: "9 of 10" }).check();
  await card.getByRole("button", { name: "Save my rating" }).click();
  await expect(card.getByRole("status").first()).toContainText(
    "You rated the visit 4 of 5 and would recommend us 9 of 10.",
  );
  await expect(dispatcher.getByTestId("job-rating")).toContainText("Rated 4/5 · would recommend 9/10");
  await expect(dispatcher.getByTestId("job-rating")).not.toContainText("Low rating");

  // After a reload Priya finds the rating, not a new card.
  await priya.reload();
  await expect(priya.getByTestId("rating-card").getByRole("heading", { name: "Your rating" })).toBeVisible();
});
