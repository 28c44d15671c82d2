import { confirmed, DESKTOP, newPerson, PHONE, signIn } from "./helpers.ts";
import { expect, test } from "./test.ts";

test("a dispatcher assigns a job and it appears on the technician's phone at once", async ({ browser }) => {
  const { page: riley } = await newPerson(browser, PHONE);
  await signIn(riley, "riley@brightside.test");
  await expect(riley.getByTestId("tech-job")).toHaveCount(1);
  await expect(riley.getByText("Morgan Lee")).toHaveCount(0);

  const { page: dispatcher } = await newPerson(browser, DESKTOP);
  await signIn(dispatcher, "dispatcher@brightside.test");
  const row = dispatcher.getByTestId("board-job").filter({ hasText: "Morgan Lee" });
  await expect(row).toContainText("Unassigned");
  await row.click();
  await dispatcher.getByLabel("Technician", { exact: true }).selectOption({ label: "Riley Chen" });

  // Staff see the change at once; the homeowner hears who is coming once the choice has settled.
  await expect(confirmed(dispatcher, "Dana Reyes assigned Riley Chen.")).toBeVisible();
  await expect(row).toContainText("Riley Chen");
  // Riley's list updates live, without a reload.
  await expect(riley.getByTestId("tech-job").filter({ hasText: "Morgan Lee" })).toBeVisible();

  await dispatcher.getByLabel("Technician", { exact: true }).selectOption({ label: "Not assigned" });
  await expect(riley.getByText("Morgan Lee")).toHaveCount(0);
});
