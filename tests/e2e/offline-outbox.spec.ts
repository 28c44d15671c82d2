// A technician in a basement: what they write and tap with no signal waits in
// the thread, survives a reload (the app shell and the thread come from the
// service worker, the waiting entries from IndexedDB), and goes out when the
// line is back: exactly once each, in the order made, for everyone.

import sharp from "sharp";
import {
  composer,
  confirmed,
  DESKTOP,
  expectNoSeriousA11yIssues,
  newPerson,
  openJob,
  PHONE,
  signIn,
  thread,
} from "./helpers.ts";
import { type Browser, expect, type Page, test } from "./test.ts";

const ZONE = "America/New_York";
const tomorrow = () => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date(Date.now() + 86_400_000));

/** A job of its own for Sam, scheduled for tomorrow: "I'm on my way" is his next step. */
async function scheduledJobFor(dispatcher: Page, customer: string): Promise<string> {
  const { job } = await openJob(dispatcher, {
    customer: { kind: "new", name: customer, email: `${customer.split(" ")[0]?.toLowerCase()}@example.test` },
    address: "5 Quarry Lane",
    problem: "Sump pump alarm keeps going off.",
  });
  await dispatcher.goto("/dispatch");
  await dispatcher.getByTestId("board-job").filter({ hasText: customer }).click();
  await dispatcher.getByLabel("Technician", { exact: true }).selectOption({ label: "Sam Okafor" });
  await dispatcher.getByRole("button", { name: "Mark scheduled" }).click();
  const picker = dispatcher.getByRole("group", { name: "When is the visit?" });
  await picker.getByLabel("Day").fill(tomorrow());
  await picker.getByRole("button", { name: "10 am–12 pm" }).click();
  await expect(confirmed(dispatcher, "scheduled for")).toBeVisible();
  return `/jobs/${job.id}`;
}

/** Sam, on a job of his own, loses the signal and writes `lines`: they wait on the phone. */
async function samWritesOffline(browser: Browser, customer: string, lines: string[]) {
  const { page: dispatcher } = await newPerson(browser, DESKTOP);
  await signIn(dispatcher, "dispatcher@brightside.test");
  const jobPath = await scheduledJobFor(dispatcher, customer);

  const { context, page: sam } = await newPerson(browser, PHONE);
  await signIn(sam, "sam@brightside.test");
  await sam.goto(jobPath);
  await expect(sam.getByRole("button", { name: "I'm on my way" })).toBeVisible();
  await context.setOffline(true);
  await expect(sam.getByText("You're offline.")).toBeVisible();
  for (const line of lines) {
    await composer(sam).fill(line);
    await sam.getByRole("button", { name: "Send" }).tap();
  }
  await expect(thread(sam).locator("li[data-pending=waiting]")).toHaveCount(lines.length);
  return { dispatcher, context, sam };
}

const lines = ["Down in the basement now.", "No signal here.", "Pump float is stuck.", "Freed it.", "Testing it."];

test("offline: five messages and “On my way” wait through a reload, then arrive once each, in order", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page: dispatcher } = await newPerson(browser, DESKTOP);
  await signIn(dispatcher, "dispatcher@brightside.test");
  const jobPath = await scheduledJobFor(dispatcher, "Robin Vale");

  const { context, page: sam } = await newPerson(browser, PHONE);
  await signIn(sam, "sam@brightside.test");
  await sam.goto(jobPath);
  await expect(sam.getByRole("button", { name: "I'm on my way" })).toBeVisible();
  // The service worker has taken over this page and kept it for later.
  await sam.evaluate(() => navigator.serviceWorker.ready);
  await sam.reload();
  await expect(sam.getByRole("button", { name: "I'm on my way" })).toBeVisible();

  await context.setOffline(true);
  await expect(sam.getByText("You're offline.")).toBeVisible();
  for (const line of lines) {
    await composer(sam).fill(line);
    await sam.getByRole("button", { name: "Send" }).tap();
  }
  await sam.getByRole("button", { name: "I'm on my way" }).tap();
  await sam.getByRole("group", { name: "When will you get there?" }).getByRole("button", { name: "15 min" }).tap();
  const waiting = thread(sam).locator("li[data-pending=waiting]");
  await expect(waiting).toHaveCount(6);
  // The next step moves on at once: the tap counts, even unsent.
  await expect(sam.getByRole("button", { name: "I've arrived" })).toBeVisible();

  // Reloaded in the basement: the page, the thread and what waits are all still there.
  await sam.reload();
  await expect(thread(sam)).toBeVisible();
  await expect(sam.getByText("You're offline.")).toBeVisible();
  await expect(waiting).toHaveCount(6);
  await expect(thread(sam).locator("li[data-pending-kind=step]")).toContainText("On my way");
  await expect(confirmed(dispatcher, "No signal here.")).toHaveCount(0);

  await context.setOffline(false);
  await expect(thread(sam).locator("li[data-pending]")).toHaveCount(0, { timeout: 30_000 });
  for (const page of [sam, dispatcher]) {
    await expect(confirmed(page, "Sam Okafor is on the way")).toHaveCount(1);
    const entries = await thread(page).locator("li[data-seq]").allTextContents();
    const ours = entries.filter((text) => lines.some((line) => text.includes(line)) || text.includes("on the way"));
    expect(ours.map((text) => lines.find((line) => text.includes(line)) ?? "on the way")).toEqual([
      ...lines,
      "on the way",
    ]);
  }
});

test("where IndexedDB can't open (private browsing), waiting messages stay in the page, and it says so", async ({
  browser,
}) => {
  const { page: dispatcher } = await newPerson(browser, DESKTOP);
  await signIn(dispatcher, "dispatcher@brightside.test");
  const jobPath = await scheduledJobFor(dispatcher, "Avery Stone");

  const { context, page: sam } = await newPerson(browser, PHONE);
  await context.addInitScript(() => Object.defineProperty(window, "indexedDB", { value: undefined }));
  await signIn(sam, "sam@brightside.test");
  await sam.goto(jobPath);
  await expect(thread(sam)).toBeVisible();
  await context.setOffline(true);
  await composer(sam).fill("Written in a private window.");
  await sam.getByRole("button", { name: "Send" }).tap();
  await expect(sam.getByText("This browser can't keep unsent messages if the page is closed")).toBeVisible();
  await context.setOffline(false);
  await expect(confirmed(dispatcher, "Written in a private window.")).toHaveCount(1);
  await expect(sam.getByText("This browser can't keep unsent messages")).toHaveCount(0);
});

test("a photo taken with no signal waits in the thread through a reload, then goes up once", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page: dispatcher } = await newPerson(browser, DESKTOP);
  await signIn(dispatcher, "dispatcher@brightside.test");
  const jobPath = await scheduledJobFor(dispatcher, "Jamie Park");

  const { context, page: sam } = await newPerson(browser, PHONE);
  await signIn(sam, "sam@brightside.test");
  await sam.goto(jobPath);
  await sam.evaluate(() => navigator.serviceWorker.ready);
  await sam.reload();
  await expect(thread(sam)).toBeVisible();

  await context.setOffline(true);
  await expect(sam.getByText("You're offline.")).toBeVisible();
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#2a6" } })
    .jpeg()
    .toBuffer();
  await sam.locator('input[type="file"]').setInputFiles({ name: "pump.jpg", mimeType: "image/jpeg", buffer: photo });
  const panel = sam.getByRole("region", { name: "Photo to send" });
  await panel.getByLabel("Caption (optional)").fill("The pump, freed");
  await panel.getByRole("button", { name: "Send photo" }).tap();
  const waiting = thread(sam).locator("li[data-pending-kind=photo]");
  await expect(waiting).toHaveAttribute("data-pending", "waiting");

  await sam.reload();
  await expect(waiting).toContainText("The pump, freed");
  await expect(waiting.getByRole("img", { name: "Your photo, not sent yet" })).toBeVisible();

  await context.setOffline(false);
  await expect(waiting).toHaveCount(0, { timeout: 30_000 });
  const alt = "Photo from Sam Okafor (Technician)";
  for (const page of [sam, dispatcher]) {
    await expect(confirmed(page, "The pump, freed")).toHaveCount(1);
    await expect(thread(page).getByRole("img", { name: alt })).toHaveCount(1);
  }
});

test("a job canceled while the phone was offline: what waited stays on the phone as not sent, and never reaches the thread", async ({
  browser,
}) => {
  const { dispatcher, context, sam } = await samWritesOffline(browser, "Morgan Blake", [
    "Heading over after lunch.",
    "Bringing the long ladder.",
  ]);

  dispatcher.once("dialog", (dialog) => void dialog.accept());
  await dispatcher.getByRole("button", { name: "Cancel job" }).click();
  await expect(confirmed(dispatcher, "canceled")).toBeVisible();

  await context.setOffline(false);
  await expect(sam.getByRole("alert").filter({ hasText: "This job was canceled." })).toBeVisible();
  const kept = thread(sam).locator("li[data-pending=failed]");
  await expect(kept).toHaveCount(2);
  await expect(kept.first()).toContainText("Not sent. This job was canceled.");
  await expect(composer(sam)).toHaveCount(0);
  // Judged before anything went out: not even the first one reached the thread.
  await dispatcher.waitForTimeout(1000);
  await expect(confirmed(dispatcher, "Heading over after lunch.")).toHaveCount(0);
  await expect(confirmed(dispatcher, "Bringing the long ladder.")).toHaveCount(0);

  // Off the list now, the job's words wait on it, said why; discarded, the keyboard goes on from the page's heading.
  await sam.goto("/tech");
  const left = sam.getByRole("region", { name: "Not sent from this phone" });
  await expect(left).toContainText("Morgan Blake: This job was canceled. So these were not sent.");
  await expect(left.getByRole("listitem")).toHaveCount(2);
  await left.getByRole("button", { name: "Discard all 2" }).click();
  await expect(left).toHaveCount(0);
  await expect(sam.getByRole("heading", { name: "My jobs" })).toBeFocused();
});

test("a job given to someone else while the phone was offline: its unsent words wait on the technician's list, to read and discard", async ({
  browser,
}) => {
  const { dispatcher, context, sam } = await samWritesOffline(browser, "Ellis Quarry", [
    "The pump needs a new float switch.",
  ]);

  await dispatcher.getByLabel("Technician", { exact: true }).selectOption({ label: "Riley Chen" });
  await expect(confirmed(dispatcher, "Dana Reyes assigned Riley Chen.")).toBeVisible();
  await context.setOffline(false);
  // Sam may no longer open it, so the phone can't know who has it now.
  await expect(sam.getByRole("alert").filter({ hasText: "The office took this job off your list." })).toBeVisible();

  // Away from the job (whose page Sam can no longer open), the phone still shows what it holds;
  // an entry of a shape this version never wrote (an older one, a hand edit) is passed over, not a broken page.
  await sam.evaluate(async () => {
    const open = indexedDB.open("trio-outbox");
    const db = await new Promise<IDBDatabase>((resolve) => {
      open.onsuccess = () => resolve(open.result);
    });
    const store = db.transaction("outbox", "readwrite").objectStore("outbox");
    const all = await new Promise<{ author: string }[]>((resolve) => {
      const read = store.getAll();
      read.onsuccess = () => resolve(read.result);
    });
    const author = all[0]?.author;
    store.put({
      clientId: "odd",
      kind: "photo",
      blob: null,
      jobId: crypto.randomUUID(),
      author,
      order: 1,
      state: "waiting",
    });
  });
  await sam.goto("/tech");
  const left = sam.getByRole("region", { name: "Not sent from this phone" });
  await expect(left).toContainText(
    "for a job the office took off your list before it went out, so nobody has seen it.",
  );
  await expect(left.getByRole("list", { name: "Not sent" }).getByRole("listitem")).toHaveText(
    /The pump needs a new float switch\..*Not sent\. The office took this job off your list before it went out\./,
  );
  await expect(left.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await expectNoSeriousA11yIssues(sam);
  await expect(confirmed(dispatcher, "new float switch")).toHaveCount(0);

  await left.getByRole("button", { name: "Discard" }).tap();
  await expect(left).toHaveCount(0);
  await sam.reload();
  await expect(sam.getByTestId("tech-job").first()).toBeVisible();
  await expect(sam.getByRole("region", { name: "Not sent from this phone" })).toHaveCount(0);
});
