// The channel the homeowner chose, end to end, through a real SMTP server and
// a local server playing Twilio (global-setup.ts): the link arrives by email,
// opens the job; away from the page, the office's messages reach them as one
// text; their answer by text lands live in the dispatcher's thread, once.
// Named to run after pages.spec.ts (it adds a job to the demo company), and the
// office answers, so later specs find no one new waiting.

import { baseURL, confirmed, DESKTOP, newPerson, PHONE, say, signIn } from "./helpers.ts";
import { mailsTo, textFromHomeowner, textsTo } from "./providers.ts";
import { expect, type Page, test } from "./test.ts";

const shots = process.env.TRIO_E2E_SCREENSHOTS;
const PHONE_NUMBER = "+15550107788";
const EMAIL = "casey@home.test";

async function requestByEmail(page: Page) {
  await page.goto("/r/brightside");
  await page.getByLabel("Your name").fill("Casey Channels");
  await page.getByLabel("Address of the work").fill("3 Harbor Lane");
  await page.getByLabel("What's wrong?").fill("Water stain spreading on the kitchen ceiling.");
  await page.getByLabel("Phone", { exact: true }).fill("+1 555 010 7788");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(EMAIL);
  await page.getByLabel("Email me").check();
  await page.getByRole("button", { name: "Send request" }).click();
  await page.waitForURL(/\/jobs\//);
}

test("the link arrives by email, the office's messages reach an away homeowner as one text, and their text reply lands live", async ({
  browser,
}) => {
  const { context: requesting, page: form } = await newPerson(browser, PHONE);
  await requestByEmail(form);
  await requesting.close();

  // The email with their link, at the mail server.
  await expect.poll(() => mailsTo(EMAIL).length, { timeout: 15_000 }).toBe(1);
  const [mail] = mailsTo(EMAIL);
  expect(mail?.subject).toMatch(/^Your request with Brightside Home Services \(job #\d+\)$/);
  expect(mail?.replyTo).toMatch(/^reply\+[a-z2-7]+@brightside\.test$/);
  const link = /(http:\/\/localhost:\d+\/j\/[A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1] as string;
  expect(link).toBeTruthy();

  // Opened on another phone, from the mail: the job, and a switch to texts.
  const { context: phone, page: casey } = await newPerson(browser, PHONE);
  await casey.goto(link);
  await expect(casey.getByRole("list", { name: "Conversation" })).toContainText("Water stain spreading");
  await casey.getByText("Updates: by email").click();
  await casey.getByRole("radio", { name: /By text/ }).check();
  await expect(casey.getByText("Saved.")).toBeVisible();
  if (shots) await casey.screenshot({ path: `${shots}/homeowner-updates-choice.png`, fullPage: true });
  await phone.close(); // away

  const { page: dispatcher } = await newPerson(browser, DESKTOP);
  await signIn(dispatcher, "dispatcher@brightside.test");
  // Casey's new job is unread: the tab says so, seen from another tab or the taskbar.
  await expect(dispatcher).toHaveTitle(/^\(\d+\) Dispatch · Trio$/);
  await dispatcher.waitForTimeout(1500);
  await expect(dispatcher).toHaveTitle(/^\(\d+\) Dispatch · Trio$/);
  await dispatcher.getByTestId("board-job").filter({ hasText: "Casey Channels" }).click();
  await expect(dispatcher.getByTestId("homeowner-reach")).toContainText("Casey Channels hears by text at +15550107788");
  await say(dispatcher, "Hi Casey, we can come Tuesday morning.");
  await say(dispatcher, "Is 9 to 11 all right?");
  await expect(confirmed(dispatcher, "Is 9 to 11 all right?")).toBeVisible();

  // One text for both, after the quiet spell; and no second one.
  await expect.poll(() => textsTo(PHONE_NUMBER).length, { timeout: 15_000 }).toBe(1);
  const [text] = textsTo(PHONE_NUMBER);
  expect(text?.Body).toContain("Is 9 to 11 all right?");
  expect(text?.Body).toContain("we can come Tuesday morning");
  await dispatcher.waitForTimeout(3000);
  expect(textsTo(PHONE_NUMBER)).toHaveLength(1);

  // Casey answers by text; the provider delivers it twice. It shows once, live.
  const sid = `SM${Date.now()}e2e`;
  const first = await textFromHomeowner(baseURL(), PHONE_NUMBER, "Tuesday 9 to 11 is perfect, thanks!", sid);
  expect(first.status).toBe(200);
  expect((await textFromHomeowner(baseURL(), PHONE_NUMBER, "Tuesday 9 to 11 is perfect, thanks!", sid)).status).toBe(
    200,
  );
  await expect(confirmed(dispatcher, "Tuesday 9 to 11 is perfect, thanks!")).toHaveCount(1);
  await dispatcher.reload();
  await dispatcher.getByTestId("board-job").filter({ hasText: "Casey Channels" }).click();
  await expect(confirmed(dispatcher, "Tuesday 9 to 11 is perfect, thanks!")).toHaveCount(1);
  // A forged text is refused and shows nothing.
  const forged = await fetch(`${baseURL()}/api/sms/inbound`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "forged" },
    body: new URLSearchParams({ From: PHONE_NUMBER, Body: "forged", MessageSid: "SMforged" }),
  });
  expect(forged.status).toBe(403);
  await say(dispatcher, "Booked. See you Tuesday!");
  await expect(confirmed(dispatcher, "Booked. See you Tuesday!")).toBeVisible();
  if (shots) await dispatcher.screenshot({ path: `${shots}/dispatcher-text-reply.png` });
});

test("a text that can't be delivered shows on the job, saying why", async ({ browser }) => {
  const { context, page: form } = await newPerson(browser, PHONE);
  await form.goto("/r/brightside");
  await form.getByLabel("Your name").fill("Vic Nonumber");
  await form.getByLabel("Address of the work").fill("9 Pier Road");
  await form.getByLabel("What's wrong?").fill("Doorbell wiring sparks.");
  await form.getByLabel("Phone", { exact: true }).fill("+1 555 010 7999");
  await form.getByLabel("Text me").check();
  await form.getByRole("button", { name: "Send request" }).click();
  await form.waitForURL(/\/jobs\//);
  await context.close();

  const { page: dispatcher } = await newPerson(browser, DESKTOP);
  await signIn(dispatcher, "dispatcher@brightside.test");
  await dispatcher.getByTestId("board-job").filter({ hasText: "Vic Nonumber" }).click();
  await expect(dispatcher.getByTestId("homeowner-reach")).toContainText(
    "Text to +15550107999 failed: not a valid phone number.",
  );
  // The office answers (later specs expect no one new waiting) — and says so in the thread.
  await say(dispatcher, "Hi Vic, we couldn't text you: please check your number.");
  await expect(confirmed(dispatcher, "we couldn't text you")).toBeVisible();
});
