import sharp from "sharp";
import { composer, confirmed, homeownerLink, newPerson, PHONE, signIn, thread } from "./helpers.ts";
import { expect, test } from "./test.ts";

// A technician on a phone sends a photo into the job's thread; the homeowner,
// with the thread open, sees it appear (the thumbnail, its caption) and can
// open it full size.
test("a technician's photo appears in the homeowner's open thread", async ({ browser }) => {
  const { page: homeowner } = await newPerson(browser, PHONE);
  await homeowner.goto(homeownerLink());
  await expect(homeowner).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(thread(homeowner)).toBeVisible();

  const { page: technician } = await newPerson(browser, PHONE);
  await signIn(technician, "sam@brightside.test");
  await technician.getByTestId("tech-job").filter({ hasText: "Jordan Miller" }).click();
  await expect(thread(technician)).toBeVisible();

  // The Photo button sits beside Send without pushing anything off a 360 px screen.
  const photoButton = technician.getByRole("button", { name: "Photo", exact: true });
  await expect(photoButton).toBeVisible();
  for (const control of [
    photoButton,
    technician.getByRole("button", { name: "Send", exact: true }),
    composer(technician),
  ]) {
    const box = await control.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
  }

  // A file that only pretends to be a photo: refused with words the technician can act on, kept until discarded.
  await technician.locator('input[type="file"]').setInputFiles({
    name: "notes.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("not a picture, just some notes\n"),
  });
  const panel = technician.getByRole("region", { name: "Photo to send" });
  await panel.getByRole("button", { name: "Send photo" }).click();
  await expect(panel).toBeHidden();
  await expect(photoButton).toBeFocused();
  // It waits in the thread like a message, and the server's refusal shows there.
  const refused = thread(technician).locator("li[data-pending-kind=photo]");
  await expect(refused).toHaveAttribute("data-pending", "failed");
  await expect(refused).toContainText("Not sent. That file isn't a photo we can read.");
  await expect(refused.getByRole("button", { name: "Try again" })).toBeVisible();
  await refused.getByRole("button", { name: "Discard" }).click();
  await expect(refused).toHaveCount(0);

  // Writing an internal note: a photo picked then starts as staff only.
  await technician.getByRole("checkbox", { name: /Internal note/ }).check();
  await technician.locator('input[type="file"]').setInputFiles({
    name: "meter.jpg",
    mimeType: "image/jpeg",
    buffer: await sharp({ create: { width: 40, height: 30, channels: 3, background: "#888" } })
      .jpeg()
      .toBuffer(),
  });
  await expect(panel.getByRole("checkbox", { name: /Staff only/ })).toBeChecked();
  await panel.getByRole("button", { name: "Cancel" }).click();
  await expect(panel).toBeHidden();
  await technician.getByRole("checkbox", { name: /Internal note/ }).uncheck();

  // A phone photo with the house's position in its EXIF.
  const photo = await sharp({
    create: { width: 1600, height: 1200, channels: 3, background: { r: 30, g: 90, b: 160 } },
  })
    .jpeg()
    .withExif({
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "40/1 26/1 46/1",
        GPSLongitudeRef: "W",
        GPSLongitude: "79/1 58/1 56/1",
      },
    })
    .toBuffer();
  await technician
    .locator('input[type="file"]')
    .setInputFiles({ name: "leak.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(panel).toBeVisible();
  await panel.getByLabel("Caption (optional)").fill("The leak, under the sink");
  await panel.getByRole("button", { name: "Send photo" }).click();
  await expect(panel).toBeHidden();
  // Focus goes back where the photo started, not lost and not taken from elsewhere.
  await expect(photoButton).toBeFocused();

  const alt = "Photo from Sam Okafor (Technician)";
  for (const page of [technician, homeowner]) {
    const image = thread(page).getByRole("img", { name: alt }).last();
    await expect(image).toBeVisible();
    // The thumbnail really loaded (served to this person, under the page's CSP).
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await expect(confirmed(page, "The leak, under the sink")).toHaveCount(1);
  }

  // Full size opens in a new tab, as a JPEG.
  const link = thread(homeowner).getByRole("link", { name: alt }).last();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/api\/photos\/[0-9a-f-]{36}$/);
  const full = await homeowner.request.get(href as string);
  expect(full.status()).toBe(200);
  expect(full.headers()["content-type"]).toBe("image/jpeg");
  expect(full.headers()["x-content-type-options"]).toBe("nosniff");
  const size = await sharp(await full.body()).metadata();
  // The browser shrank it to 2048 px at most before sending; the server kept it.
  expect(Math.max(size.width ?? 0, size.height ?? 0)).toBeLessThanOrEqual(2048);
  expect(size.exif).toBeUndefined();
});
