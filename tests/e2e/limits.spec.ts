import { composer, confirmed, DESKTOP, newPerson, PHONE, signIn, thread } from "./helpers.ts";
import { expect, test } from "./test.ts";

// With the default limit (30 a minute: 10 at once, then one every 3 s), a
// technician who fires off messages faster is asked to slow down, and every
// message still goes out by itself, once, without the technician doing a thing.
test("a sender who is too fast is told to slow down, and every message still arrives once", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page: technician } = await newPerson(browser, PHONE);
  const { page: dispatcher } = await newPerson(browser, DESKTOP);
  await signIn(technician, "sam@brightside.test");
  await technician.getByTestId("tech-job").filter({ hasText: "Jordan Miller" }).click();
  await expect(thread(technician)).toBeVisible();
  await signIn(dispatcher, "dispatcher@brightside.test");
  await dispatcher.getByTestId("board-job").filter({ hasText: "Jordan Miller" }).click();
  await expect(thread(dispatcher)).toBeVisible();

  const texts = Array.from({ length: 15 }, (_, i) => `Checklist item ${i + 1} done.`);
  const box = composer(technician);
  for (const text of texts) {
    await box.fill(text);
    await box.press("Control+Enter");
  }
  const slowDown = thread(technician).getByText(/Slow down — sending again in [1-3] s/);
  await expect(slowDown.first()).toBeVisible();

  // The composer keeps working while messages wait: this one queues behind them.
  await box.fill("And the last one, sent while waiting.");
  await box.press("Control+Enter");
  texts.push("And the last one, sent while waiting.");

  // Everything goes out by itself; nothing stays pending, nothing is doubled, on either side.
  await expect(thread(technician).locator("li[data-pending]")).toHaveCount(0, { timeout: 60_000 });
  for (const page of [technician, dispatcher]) {
    for (const text of texts) await expect(confirmed(page, text)).toHaveCount(1);
  }
  await expect(technician.getByText(/Not sent/)).toHaveCount(0);
});
