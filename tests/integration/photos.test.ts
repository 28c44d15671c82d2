// Photos in a job's thread, through the doors a browser uses: upload
// (POST /api/jobs/:id/photos, multipart) and fetch (GET /api/photos/:id),
// with a real Socket.IO server carrying the new PHOTO message to the thread.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import exifr from "exifr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as readMessagesRoute } from "../../app/api/jobs/[id]/messages/route.ts";
import { POST as uploadRoute } from "../../app/api/jobs/[id]/photos/route.ts";
import { GET as photoRoute } from "../../app/api/photos/[id]/route.ts";
import { MAX_PHOTO_REQUEST_BYTES, STORED_LONG_SIDE, THUMB_LONG_SIDE } from "../../lib/attachments/photo-limits.ts";
import { PHOTO_PROBLEMS } from "../../lib/attachments/prepare-photo.ts";
import { getDb } from "../../lib/db.ts";
import { resetLimits } from "../../lib/limits/limits.ts";
import type { MessageView } from "../../lib/messages/message-view.ts";
import { createCustomer, createJob } from "../../prisma/seed/factories.ts";
import { type Client, record, request, settle, startRealtime, until } from "../support/realtime.ts";
import { buildWorld, homeownerCookie, type World } from "../support/world.ts";

// Photos land in a data directory of this file's own.
const dataDir = mkdtempSync(path.join(tmpdir(), "trio-photos-"));
process.env.DATA_DIR = dataDir;
// Refused uploads count against the sender's budget like refused messages: room for this file's many.
process.env.LIMIT_SENDS_PER_MINUTE = "600";
const photosDir = path.join(dataDir, "photos");

let world: World;
let realtime: Awaited<ReturnType<typeof startRealtime>>;
let homeownerSocket: Client;
let dispatcherSocket: Client;
beforeAll(async () => {
  world = await buildWorld();
  realtime = await startRealtime();
  homeownerSocket = await realtime.client(world.homeowner.cookie);
  dispatcherSocket = await realtime.client(world.dispatcher.cookie);
  for (const socket of [homeownerSocket, dispatcherSocket]) {
    expect((await request(socket, "thread:join", { jobId: world.job.id, afterSeq: 0 })).data).toBeDefined();
  }
});
afterAll(async () => {
  await realtime.stop();
  await resetLimits();
});

const jobParams = (id: string) => ({ params: Promise.resolve({ id }) });

type Upload = {
  bytes?: Buffer;
  name?: string;
  type?: string;
  clientId?: string;
  visibility?: string;
  caption?: string;
};

function upload(cookie: string, jobId: string, fields: Upload) {
  const form = new FormData();
  if (fields.bytes)
    form.append(
      "file",
      new File([new Uint8Array(fields.bytes)], fields.name ?? "photo.jpg", { type: fields.type ?? "image/jpeg" }),
    );
  form.append("clientId", fields.clientId ?? randomUUID());
  if (fields.visibility) form.append("visibility", fields.visibility);
  if (fields.caption !== undefined) form.append("caption", fields.caption);
  return uploadRoute(
    new Request("http://localhost:3000/x", { method: "POST", headers: { cookie }, body: form }),
    jobParams(jobId),
  );
}

function fetchPhoto(cookie: string, id: string, size?: "thumb", etag?: string) {
  const query = size ? `?size=${size}` : "";
  return photoRoute(
    new Request(`http://localhost:3000/api/photos/${id}${query}`, {
      headers: { cookie, ...(etag ? { "if-none-match": etag } : {}) },
    }),
    jobParams(id),
  );
}

/** Every file under the photo store, by path. */
function storedFiles(): string[] {
  try {
    return readdirSync(photosDir, { recursive: true })
      .map((name) => path.join(photosDir, String(name)))
      .filter((file) => statSync(file).isFile());
  } catch {
    return [];
  }
}

/** A phone's photo: a JPEG turned sideways by its EXIF orientation, with the camera's make and the house's GPS position. */
async function phonePhoto(): Promise<Buffer> {
  const sideways = await sharp({
    create: { width: 400, height: 300, channels: 3, background: { r: 180, g: 40, b: 40 } },
  })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
  return sharp(sideways)
    .keepMetadata()
    .withExif({
      IFD0: { Make: "Acme", Model: "Phone 12", Software: "Camera 1.0" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "40/1 26/1 46/1",
        GPSLongitudeRef: "W",
        GPSLongitude: "79/1 58/1 56/1",
      },
    })
    .toBuffer();
}

/** A PNG of one colour that says it is 20000×20000: about 50 KB that would unpack to 400 megapixels. */
function pixelBomb(side = 20_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // one bit per pixel, greyscale
  const rows = Buffer.alloc((1 + Math.ceil(side / 8)) * side);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function errorOf(response: Response) {
  const body = await response.json();
  expect(Object.keys(body)).toEqual(["error"]);
  return { status: response.status, ...body.error };
}

const photoMessages = () => getDb().message.count({ where: { kind: "PHOTO" } });

describe("photos in a thread", () => {
  it("go from the technician to everyone in the thread, upright, with the GPS position and all EXIF gone", async () => {
    const heard = record<MessageView>(homeownerSocket, "message:created");
    const original = await phonePhoto();
    expect((await exifr.parse(original, { gps: true }))?.latitude).toBeCloseTo(40.446, 2);

    const response = await upload(world.technician.cookie, world.job.id, {
      bytes: original,
      caption: "  The leak, under the sink  ",
    });
    expect(response.status).toBe(201);
    const message = (await response.json()).data as MessageView;
    expect(message).toMatchObject({ kind: "PHOTO", visibility: "EVERYONE", body: "The leak, under the sink" });
    expect(message.author).toEqual({ role: "TECHNICIAN", name: world.technician.name });
    // Stood up by its orientation: 400×300 sideways is 300×400.
    expect(message.photo).toMatchObject({ width: 300, height: 400 });
    const photo = message.photo as NonNullable<MessageView["photo"]>;
    expect(photo.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.max(photo.thumbWidth, photo.thumbHeight)).toBeLessThanOrEqual(THUMB_LONG_SIDE);

    await until(() => heard.some((m) => m.id === message.id), "the homeowner's message:created");
    expect(heard.find((m) => m.id === message.id)?.photo).toEqual(photo);

    // Both stored files: JPEG, no EXIF, no GPS, no XMP.
    const files = storedFiles().filter((file) => file.includes(photo.id));
    expect(files).toHaveLength(2);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(await exifr.parse(bytes, { tiff: true, gps: true, xmp: true, iptc: true })).toBeUndefined();
      expect(await exifr.gps(bytes)).toBeUndefined();
      const metadata = await sharp(bytes).metadata();
      expect(metadata).toMatchObject({ format: "jpeg" });
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(bytes.includes(Buffer.from("Acme"))).toBe(false);
    }

    // The homeowner fetches what they were sent, with the headers that keep it theirs.
    const full = await fetchPhoto(world.homeowner.cookie, photo.id);
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("image/jpeg");
    expect(full.headers.get("x-content-type-options")).toBe("nosniff");
    expect(full.headers.get("cache-control")).toBe("private, no-cache");
    const fullBytes = Buffer.from(await full.arrayBuffer());
    expect(await sharp(fullBytes).metadata()).toMatchObject({ width: 300, height: 400 });
    expect(await exifr.gps(fullBytes)).toBeUndefined();
    const thumb = await fetchPhoto(world.dispatcher.cookie, photo.id, "thumb");
    expect(thumb.status).toBe(200);
    const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect({ width: thumbMeta.width, height: thumbMeta.height }).toEqual({
      width: photo.thumbWidth,
      height: photo.thumbHeight,
    });

    // A catch-up (a reload, a reconnect) lists it with its photo.
    const page = await readMessagesRoute(
      new Request("http://localhost:3000/x?afterSeq=0", { headers: { cookie: world.homeowner.cookie } }),
      jobParams(world.job.id),
    );
    const listed = ((await page.json()).data.messages as MessageView[]).find((m) => m.id === message.id);
    expect(listed?.photo).toEqual(photo);
  });

  it("shrink a big picture to the stored size", async () => {
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: "#3a6" } })
      .png()
      .toBuffer();
    const response = await upload(world.dispatcher.cookie, world.job.id, {
      bytes: big,
      name: "screen.png",
      type: "image/png",
    });
    expect(response.status).toBe(201);
    const { photo } = (await response.json()).data as MessageView;
    expect(photo).toMatchObject({ width: STORED_LONG_SIDE, height: (STORED_LONG_SIDE * 3) / 4 });
  });

  it("refuse files that aren't photos, huge-pixel and damaged pictures, with a clear word and nothing stored", async () => {
    const messagesBefore = await photoMessages();
    const filesBefore = storedFiles().length;
    const good = await phonePhoto();
    const cases: [Upload, number, string][] = [
      [{ bytes: Buffer.from("not a photo at all, just text\n"), name: "leak.jpg" }, 415, PHOTO_PROBLEMS.notImage],
      [
        { bytes: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"), name: "invoice.jpg" },
        415,
        PHOTO_PROBLEMS.notImage,
      ],
      [
        { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'), name: "x.jpg" },
        415,
        PHOTO_PROBLEMS.notImage,
      ],
      [{ bytes: pixelBomb(), name: "bomb.png", type: "image/png" }, 413, PHOTO_PROBLEMS.tooManyPixels],
      [
        { bytes: Buffer.concat([good.subarray(0, 300), Buffer.alloc(4000, 7)]), name: "broken.jpg" },
        400,
        PHOTO_PROBLEMS.damaged,
      ],
      [{ bytes: good.subarray(0, good.length - 400), name: "cut.jpg" }, 400, PHOTO_PROBLEMS.damaged],
      // An iPhone's HEIC by its bytes ("ftyp" + "heic"): this sharp can't read it, and says what to do.
      [
        {
          bytes: Buffer.concat([
            Buffer.from([0, 0, 0, 24]),
            Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1"),
            Buffer.alloc(200),
          ]),
          name: "IMG_0001.HEIC",
          type: "image/heic",
        },
        415,
        PHOTO_PROBLEMS.heic,
      ],
      [{ bytes: Buffer.alloc(0), name: "empty.jpg" }, 400, PHOTO_PROBLEMS.empty],
    ];
    for (const [fields, status, message] of cases) {
      const error = await errorOf(await upload(world.technician.cookie, world.job.id, fields));
      expect({ name: fields.name, status: error.status, message: error.message }).toEqual({
        name: fields.name,
        status,
        message,
      });
    }
    // No file, and a caption alone, are not photos either.
    expect(await errorOf(await upload(world.technician.cookie, world.job.id, { caption: "hi" }))).toMatchObject({
      status: 400,
      message: expect.stringContaining("Choose a photo"),
    });
    expect(await photoMessages()).toBe(messagesBefore);
    expect(storedFiles()).toHaveLength(filesBefore);
  });

  it("refuse an oversized body before reading it whole", async () => {
    const declared = new Request("http://localhost:3000/x", {
      method: "POST",
      headers: {
        cookie: world.technician.cookie,
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(MAX_PHOTO_REQUEST_BYTES + 1),
      },
      body: "--x--",
    });
    expect(await errorOf(await uploadRoute(declared, jobParams(world.job.id)))).toMatchObject({
      status: 413,
      message: PHOTO_PROBLEMS.tooLarge,
    });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const chunked = new Request("http://localhost:3000/x", {
      method: "POST",
      headers: { cookie: world.technician.cookie, "content-type": "multipart/form-data; boundary=x" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect(await errorOf(await uploadRoute(chunked, jobParams(world.job.id)))).toMatchObject({ status: 413 });
    expect(pulled).toBeLessThan(20);
    const json = new Request("http://localhost:3000/x", {
      method: "POST",
      headers: { cookie: world.technician.cookie, "content-type": "application/json" },
      body: "{}",
    });
    expect(await errorOf(await uploadRoute(json, jobParams(world.job.id)))).toMatchObject({ status: 415 });
  });

  it("show a photo only to people who may see its message: the same 404 for everyone else", async () => {
    const heardByHomeowner = record<MessageView>(homeownerSocket, "message:created");
    const heardByDispatcher = record<MessageView>(dispatcherSocket, "message:created");
    const everyone = (await (await upload(world.technician.cookie, world.job.id, { bytes: await phonePhoto() })).json())
      .data as MessageView;
    const staffOnly = await upload(world.technician.cookie, world.job.id, {
      bytes: await phonePhoto(),
      visibility: "STAFF",
      caption: "Water damage behind the panel",
    });
    expect(staffOnly.status).toBe(201);
    const note = (await staffOnly.json()).data as MessageView;
    expect(note.visibility).toBe("STAFF");
    await until(() => heardByDispatcher.some((m) => m.id === note.id), "the staff-only photo reaching staff");
    await settle();
    expect(heardByHomeowner.map((m) => m.id)).not.toContain(note.id);

    // Another job's homeowner, in the same company.
    const neighbour = await createCustomer(getDb(), { companyId: world.company.id, name: "Pat Neighbour" });
    const neighbourJob = await createJob(getDb(), { companyId: world.company.id, customerId: neighbour.id });
    const neighbourCookie = await homeownerCookie(neighbourJob.id);

    const unknown = await errorOf(await fetchPhoto(world.dispatcher.cookie, randomUUID()));
    expect(unknown).toMatchObject({ status: 404, code: "not_found" });
    const refusals: [string, string][] = [
      [world.foreignDispatcher.cookie, everyone.photo?.id as string],
      [neighbourCookie, everyone.photo?.id as string],
      [world.otherTechnician.cookie, everyone.photo?.id as string],
      [world.homeowner.cookie, note.photo?.id as string],
      [world.dispatcher.cookie, "not-a-photo-id"],
    ];
    for (const [cookie, id] of refusals) {
      for (const size of [undefined, "thumb"] as const) {
        expect(await errorOf(await fetchPhoto(cookie, id, size))).toEqual(unknown);
      }
    }
    expect((await fetchPhoto(world.dispatcher.cookie, note.photo?.id as string)).status).toBe(200);
    expect((await fetchPhoto(world.technician.cookie, note.photo?.id as string)).status).toBe(200);
    expect((await errorOf(await fetchPhoto("", everyone.photo?.id as string))).status).toBe(401);
    // Homeowners can send photos ("this is the leak"), but never staff-only ones.
    expect((await upload(world.homeowner.cookie, world.job.id, { bytes: await phonePhoto() })).status).toBe(201);
    expect(
      await errorOf(
        await upload(world.homeowner.cookie, world.job.id, { bytes: await phonePhoto(), visibility: "STAFF" }),
      ),
    ).toMatchObject({
      status: 403,
    });
  });

  it("store a repeated upload once: the same clientId returns the stored message", async () => {
    const clientId = randomUUID();
    const bytes = await phonePhoto();
    const first = await upload(world.technician.cookie, world.job.id, { bytes, clientId });
    expect(first.status).toBe(201);
    const stored = (await first.json()).data as MessageView;
    const filesAfterFirst = storedFiles().length;
    const again = await upload(world.technician.cookie, world.job.id, { bytes, clientId });
    expect(again.status).toBe(200);
    expect((await again.json()).data).toEqual(stored);
    expect(await getDb().message.count({ where: { jobId: world.job.id, clientId } })).toBe(1);
    expect(await getDb().attachment.count({ where: { messageId: stored.id } })).toBe(1);
    expect(storedFiles()).toHaveLength(filesAfterFirst);
    // Two tries of one photo at the same moment (a retry racing its original): one message, one picture kept.
    const raced = randomUUID();
    const filesBefore = storedFiles().length;
    const both = await Promise.all([
      upload(world.technician.cookie, world.job.id, { bytes, clientId: raced }),
      upload(world.technician.cookie, world.job.id, { bytes, clientId: raced }),
    ]);
    expect(both.map((response) => response.status).sort()).toEqual([200, 201]);
    const [a, b] = await Promise.all(both.map(async (response) => (await response.json()).data as MessageView));
    expect(a).toEqual(b);
    expect(await getDb().message.count({ where: { jobId: world.job.id, clientId: raced } })).toBe(1);
    expect(storedFiles()).toHaveLength(filesBefore + 2);
    // Someone else's clientId is not theirs to repeat.
    expect((await errorOf(await upload(world.dispatcher.cookie, world.job.id, { bytes, clientId }))).status).toBe(409);
  });

  it("refuse a technician who no longer holds the job with the same 404 as any job they can't see", async () => {
    const customer = await createCustomer(getDb(), { companyId: world.company.id, name: "Alex Later" });
    const job = await createJob(getDb(), {
      companyId: world.company.id,
      customerId: customer.id,
      technicianId: world.technician.id,
    });
    expect((await upload(world.technician.cookie, job.id, { bytes: await phonePhoto() })).status).toBe(201);
    await getDb().job.update({ where: { id: job.id }, data: { technicianId: world.otherTechnician.id } });
    const messagesBefore = await photoMessages();
    const filesBefore = storedFiles().length;
    const lost = await errorOf(await upload(world.technician.cookie, job.id, { bytes: await phonePhoto() }));
    const never = await errorOf(await upload(world.technician.cookie, randomUUID(), { bytes: await phonePhoto() }));
    expect(lost).toMatchObject({ status: 404, code: "not_found" });
    expect(lost).toEqual(never);
    expect(await photoMessages()).toBe(messagesBefore);
    expect(storedFiles()).toHaveLength(filesBefore);
  });

  it("ask about access again on every view: a browser's copy is confirmed bodiless while allowed, and refused once not", async () => {
    const customer = await createCustomer(getDb(), { companyId: world.company.id, name: "Sam Cached" });
    const job = await createJob(getDb(), {
      companyId: world.company.id,
      customerId: customer.id,
      technicianId: world.technician.id,
    });
    const sent = await upload(world.technician.cookie, job.id, { bytes: await phonePhoto() });
    const { photo } = (await sent.json()).data as MessageView;
    const id = (photo as NonNullable<MessageView["photo"]>).id;
    const first = await fetchPhoto(world.technician.cookie, id, "thumb");
    const etag = first.headers.get("etag") as string;
    expect(etag).toBeTruthy();
    expect(first.headers.get("cache-control")).toBe("private, no-cache");

    const again = await fetchPhoto(world.technician.cookie, id, "thumb", etag);
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    // A browser may send it weak, in a list, or as "*".
    for (const header of [`W/${etag}`, `"other", ${etag}`, "*"]) {
      expect((await fetchPhoto(world.technician.cookie, id, "thumb", header)).status, header).toBe(304);
    }
    // The full size is another entity: the thumbnail's tag doesn't stand for it.
    expect((await fetchPhoto(world.technician.cookie, id, undefined, etag)).status).toBe(200);

    await getDb().job.update({ where: { id: job.id }, data: { technicianId: world.otherTechnician.id } });
    const refused = await fetchPhoto(world.technician.cookie, id, "thumb", etag);
    expect(refused.status).toBe(404);
    expect(refused.headers.get("etag")).toBeNull();
  });

  it("count against the sender's send budget, like messages: refused with the wait, nothing stored", async () => {
    process.env.LIMIT_SENDS_PER_MINUTE = "3";
    await resetLimits();
    const responses = [];
    for (let i = 0; i < 3; i++)
      responses.push(await upload(world.dispatcher.cookie, world.job.id, { bytes: await phonePhoto() }));
    const limited = responses.filter((response) => response.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0]?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const created = responses.filter((response) => response.status === 201).length;
    expect(await getDb().attachment.count({ where: { jobId: world.job.id } })).toBe(
      await getDb().message.count({ where: { jobId: world.job.id, kind: "PHOTO" } }),
    );
    expect(created + limited.length).toBe(3);
  });
});
