import { composer, DESKTOP, expectNoSeriousA11yIssues, newPerson, PHONE, say, signIn, thread } from "./helpers.ts";
import { expect, test } from "./test.ts";

test("a dispatcher hands Alex a link, then turns it off and Alex is out at once", async ({ browser }) => {
  const { page: dispatcher, context: office } = await newPerson(browser, DESKTOP);
  await office.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(dispatcher, "dispatcher@brightside.test");
  await dispatcher.getByTestId("board-job").filter({ hasText: "Alex Kim" }).click();

  await dispatcher.getByText("Homeowner link").click();
  await expect(dispatcher.getByText("None. The homeowner can't open the conversation")).toBeVisible();
  await dispatcher.getByRole("button", { name: "Make a new link" }).click();
  const field = dispatcher.getByLabel(/Send this to the homeowner/);
  await expect(field).toHaveValue(/\/j\/[A-Za-z0-9_-]{43}$/);
  const url = await field.inputValue();
  await dispatcher.getByRole("button", { name: "Copy" }).click();
  await expect(dispatcher.getByRole("button", { name: "Copied" })).toBeVisible();
  await expect(dispatcher.getByRole("button", { name: /^Turn off the link made/ })).toHaveCount(1);
  await expectNoSeriousA11yIssues(dispatcher);

  const { page: alex } = await newPerson(browser, PHONE);
  await alex.goto(url);
  await expect(alex.getByTestId("status-line")).toBeVisible();
  await say(alex, "Thanks, got the link");
  await expect(thread(dispatcher).getByText("Thanks, got the link")).toBeVisible();

  dispatcher.once("dialog", (dialog) => dialog.accept());
  await dispatcher.getByRole("button", { name: /^Turn off the link made/ }).click();
  await expect(dispatcher.getByText("None. The homeowner can't open the conversation")).toBeVisible();

  // Alex's open page learns at once; the composer is gone and nothing more arrives.
  await expect(
    alex
      .getByRole("alert")
      .filter({ hasText: "This page was signed out. Open the link you were sent again to continue." }),
  ).toBeVisible();
  await expect(composer(alex)).toHaveCount(0);
  await say(dispatcher, "Only staff should see this now");
  await expect(thread(dispatcher).getByText("Only staff should see this now")).toBeVisible();
  await expect(thread(alex).getByText("Only staff should see this now")).toHaveCount(0);

  // Reloading the page says so in homeowner words, not with the staff sign-in page.
  await alex.reload();
  await expect(alex).toHaveURL(/\/link-problem\?reason=signed_out$/);
  await expect(
    alex.getByText("This page was signed out. Open the link you were sent again to continue."),
  ).toBeVisible();

  // The link itself explains itself if opened again.
  await alex.goto(url);
  await expect(alex.getByText(/This link was turned off\. Ask Brightside Home Services for a new one\./)).toBeVisible();
});
