import { confirmed, DESKTOP, homeownerLink, newPerson, PHONE, say, signIn, thread } from "./helpers.ts";
import { expect, type Page, test, type WebSocketRoute } from "./test.ts";

// One live conversation, three people, three browsers, one story told in order.
test.describe.configure({ mode: "serial" });

test.describe("a live three-way thread", () => {
  let homeowner: Page;
  let technician: Page;
  let dispatcher: Page;
  // The homeowner's line: their websockets pass through here, so a test can cut it.
  let signal = true;
  const sockets: WebSocketRoute[] = [];

  const loseSignal = async () => {
    signal = false;
    await homeowner.context().setOffline(true);
    for (const socket of sockets.splice(0)) await socket.close();
  };
  const regainSignal = async () => {
    signal = true;
    await homeowner.context().setOffline(false);
  };

  test.beforeAll(async ({ browser }) => {
    const home = await newPerson(browser, PHONE);
    homeowner = home.page;
    await home.context.routeWebSocket(/\/socket\.io\//, async (socket) => {
      if (!signal) return socket.close();
      socket.connectToServer();
      sockets.push(socket);
    });
    ({ page: technician } = await newPerson(browser, PHONE));
    ({ page: dispatcher } = await newPerson(browser, DESKTOP));

    await homeowner.goto(homeownerLink());
    await expect(homeowner).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);

    await signIn(technician, "sam@brightside.test");
    await technician.getByTestId("tech-job").filter({ hasText: "Jordan Miller" }).click();
    await expect(technician).toHaveURL(/\/jobs\//);

    await signIn(dispatcher, "dispatcher@brightside.test");
    await dispatcher.getByTestId("board-job").filter({ hasText: "Jordan Miller" }).click();
    await expect(thread(dispatcher)).toBeVisible();
    for (const page of [homeowner, technician, dispatcher]) {
      await expect(confirmed(page, "no hot water since last night")).toBeVisible();
    }
  });

  test.afterAll(async () => {
    for (const page of [homeowner, technician, dispatcher]) await page?.context().close();
  });

  test("everyone sees everyone's messages appear without reloading", async () => {
    await say(homeowner, "The basement door is unlocked.");
    await say(technician, "Thanks, I'll let myself in.");
    await say(dispatcher, "Jordan, Sam has the parts with him.");
    for (const page of [homeowner, technician, dispatcher]) {
      await expect(confirmed(page, "The basement door is unlocked.")).toHaveCount(1);
      await expect(confirmed(page, "I'll let myself in.")).toHaveCount(1);
      await expect(confirmed(page, "Sam has the parts with him.")).toHaveCount(1);
    }
    // Names and roles on each message, the homeowner's own on their side.
    await expect(homeowner.getByRole("article", { name: "Message from Sam Okafor · Technician" }).last()).toBeVisible();
    await expect(
      dispatcher.getByRole("article", { name: "Message from Jordan Miller · Homeowner" }).last(),
    ).toBeVisible();
  });

  test("a status change with an ETA shows for all three", async () => {
    await technician.getByRole("button", { name: "I'm on my way" }).click();
    await technician
      .getByRole("group", { name: "When will you get there?" })
      .getByRole("button", { name: "30 min" })
      .click();
    for (const page of [homeowner, technician, dispatcher]) {
      await expect(page.getByTestId("status-line")).toContainText(/Sam Okafor is on the way — arriving around \d/);
      await expect(confirmed(page, "Sam Okafor is on the way — arriving around")).toHaveCount(1);
    }
    await expect(technician.getByRole("button", { name: "I've arrived" })).toBeVisible();
    await expect(homeowner.getByRole("button", { name: /arrived|on my way/ })).toHaveCount(0);
  });

  test("an internal note reaches staff and never the homeowner", async () => {
    const note = "Homeowner's dog is friendly but loud.";
    await say(dispatcher, note, { note: true });
    await expect(confirmed(technician, note)).toBeVisible();
    await expect(technician.getByRole("article", { name: /Internal note from Dana Reyes/ }).last()).toContainText(note);
    // A public message sent after the note reaches the homeowner, the note never does.
    await say(dispatcher, "See you soon, Jordan.");
    await expect(confirmed(homeowner, "See you soon, Jordan.")).toBeVisible();
    await expect(homeowner.getByText(note)).toHaveCount(0);
    await homeowner.reload();
    await expect(confirmed(homeowner, "See you soon, Jordan.")).toBeVisible();
    await expect(homeowner.getByText(note)).toHaveCount(0);
    await expect(homeowner.getByText("bring a spare thermocouple")).toHaveCount(0);
    await expect(homeowner.getByText(/internal note/i)).toHaveCount(0);
  });

  test("a note ends note mode, and its 'Seen by' never names the homeowner, who can't see it", async () => {
    const note = "Gate code is 4411, don't share it.";
    await say(dispatcher, note, { note: true });
    await expect(dispatcher.getByRole("checkbox", { name: /Internal note/ })).not.toBeChecked();
    await expect(dispatcher.getByRole("button", { name: "Send" })).toBeVisible();
    // The homeowner reads on past the note: their read mark passes its seq.
    await say(technician, "Thanks, noted.");
    await expect(confirmed(homeowner, "Thanks, noted.")).toBeVisible();
    const seenBy = dispatcher.getByTestId("seen-by");
    await expect(seenBy).toContainText("Sam Okafor (Technician)");
    await homeowner.waitForTimeout(500);
    await expect(seenBy).not.toContainText("Jordan");
  });

  test("read receipts tell the homeowner who has seen their message", async () => {
    await say(homeowner, "Is the parking spot in front okay?");
    await expect(confirmed(dispatcher, "parking spot")).toBeVisible();
    await expect(confirmed(technician, "parking spot")).toBeVisible();
    await expect(homeowner.getByTestId("seen-by")).toContainText("Dana Reyes (Dispatcher)");
    await expect(homeowner.getByTestId("seen-by")).toContainText("Sam Okafor (Technician)");
  });

  test("a message sent while offline waits, then arrives exactly once", async () => {
    await loseSignal();
    // Said at once (the browser knows it is offline), not after the socket's ping times out.
    await expect(homeowner.getByText("You're offline.")).toBeVisible();
    await say(homeowner, "Sent from the basement with no signal.");
    await expect(homeowner.getByText("Waiting to send")).toBeVisible();
    await dispatcher.waitForTimeout(1000);
    await expect(confirmed(dispatcher, "with no signal")).toHaveCount(0);
    await regainSignal();
    await expect(confirmed(homeowner, "with no signal")).toHaveCount(1);
    await expect(homeowner.getByText("Waiting to send")).toHaveCount(0);
    await expect(homeowner.getByText("You're offline.")).toHaveCount(0);
    await expect(confirmed(dispatcher, "with no signal")).toHaveCount(1);
    await dispatcher.waitForTimeout(500);
    await expect(confirmed(dispatcher, "with no signal")).toHaveCount(1);
  });

  test("the dispatcher board shows the waiting homeowner and live counts", async () => {
    await say(homeowner, "One more question about the bill.");
    const row = dispatcher.getByTestId("board-job").filter({ hasText: "Jordan Miller" });
    await expect(row).toContainText("Waiting");
    // Other specs' jobs share the board: the count is read, then must drop by Jordan's answer.
    const counts = dispatcher.getByTestId("board-counts");
    const waiting = Number(/· (\d+) waiting ·/.exec((await counts.textContent()) ?? "")?.[1]);
    expect(waiting).toBeGreaterThanOrEqual(1);
    await say(dispatcher, "Happy to help with the bill.");
    await expect(row).not.toContainText("Waiting");
    await expect(counts).toHaveText(new RegExp(`· ${waiting - 1} waiting ·`));
  });
});
