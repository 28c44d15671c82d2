// The hourly sweep of photo files nothing refers to, with a real file store in
// a directory of this file's own and real Attachment rows (photos posted the
// one way there is).
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { filePhotoStore, photoKeys, storageKeyFor } from "../../lib/attachments/photo-store.ts";
import { postPhoto } from "../../lib/attachments/post-photo.ts";
import { sweepPhotoFiles } from "../../lib/attachments/sweep-photo-files.ts";
import type { Db } from "../../lib/db.ts";
import { getDb } from "../../lib/db.ts";
import { createJob } from "../../prisma/seed/factories.ts";
import { startCleanUp } from "../../server/workers/clean-up-expired.ts";
import { buildWorld, type World } from "../support/world.ts";

const HOUR = 60 * 60 * 1000;

let world: World;
let jpeg: Buffer;
beforeAll(async () => {
  world = await buildWorld();
  jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#a33" } })
    .jpeg()
    .toBuffer();
});

/** A store in a fresh directory. */
function newStore() {
  const root = mkdtempSync(path.join(tmpdir(), "trio-sweep-"));
  return { root, store: filePhotoStore(root) };
}

/** Every file under `root`, by its path relative to it. */
function filesIn(root: string): string[] {
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((name) => statSync(path.join(root, name)).isFile())
    .sort();
}

/** Sets a file's times to `hours` before now, as if written then. */
function age(root: string, key: string, hours: number) {
  const then = new Date(Date.now() - hours * HOUR);
  utimesSync(path.join(root, key), then, then);
}

/** A file written straight to the disk (as a crashed write or someone else would leave it). */
function writeRaw(root: string, name: string, hours: number): string {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), "x");
  age(root, name, hours);
  return name;
}

/** A photo posted by the technician on `jobId`: its row and its two files; returns the file keys. */
async function postedPhoto(store: ReturnType<typeof filePhotoStore>, jobId: string) {
  const result = await postPhoto(
    getDb(),
    world.technician.actor,
    {
      jobId,
      clientId: randomUUID(),
      visibility: "EVERYONE",
      caption: "",
      file: new File([new Uint8Array(jpeg)], "photo.jpg", { type: "image/jpeg" }),
    },
    store,
  );
  const id = result.message.photo?.id as string;
  return photoKeys(storageKeyFor(id));
}

describe("the photo files sweep", () => {
  it("removes old files no row refers to and old unfinished writes; keeps the rest; a second sweep removes nothing", async () => {
    const { root, store } = newStore();
    // A posted photo, written long ago: its row exists, so it stays.
    const kept = await postedPhoto(store, world.job.id);
    age(root, kept.full, 30 * 24);
    age(root, kept.thumb, 30 * 24);
    // A photo of a job deleted since (its rows went with it): its files remain until the sweep.
    const goneJob = await createJob(getDb(), {
      companyId: world.company.id,
      customerId: world.customer.id,
      technicianId: world.technician.id,
    });
    const ofGoneJob = await postedPhoto(store, goneJob.id);
    await getDb().job.delete({ where: { id: goneJob.id } });
    age(root, ofGoneJob.full, 2);
    age(root, ofGoneJob.thumb, 2);
    // Stored, then the post never happened (a crash between the two): old, so removed.
    const stray = photoKeys(storageKeyFor(randomUUID()));
    await store.put(stray.full, jpeg);
    await store.put(stray.thumb, jpeg);
    age(root, stray.full, 1.5);
    age(root, stray.thumb, 1.5);
    // Stored a moment ago, its post maybe still in flight: kept.
    const inFlight = photoKeys(storageKeyFor(randomUUID()));
    await store.put(inFlight.full, jpeg);
    await store.put(inFlight.thumb, jpeg);
    age(root, inFlight.full, 0.5);
    // What crashed writes left: an old one goes, a fresh one (a write under way) stays.
    const oldTemporary = writeRaw(root, `${stray.full}.0123456789ab.tmp`, 3);
    const freshTemporary = writeRaw(root, `${inFlight.full}.ba9876543210.tmp`, 0);
    // Not the store's: left alone, however old.
    const notOurs = [
      writeRaw(root, "notes.txt", 48),
      writeRaw(root, `${kept.full.slice(0, 3)}notes.txt`, 48),
      writeRaw(root, "old.tmp", 48),
    ];

    const swept = await sweepPhotoFiles(getDb(), store);

    expect(swept).toEqual({ photoFiles: 4, unfinishedFiles: 1 });
    expect(filesIn(root)).toEqual(
      [kept.full, kept.thumb, inFlight.full, inFlight.thumb, freshTemporary, ...notOurs].sort(),
    );
    for (const key of [stray.full, stray.thumb, ofGoneJob.full, ofGoneJob.thumb, oldTemporary]) {
      expect(filesIn(root)).not.toContain(key);
    }
    expect(await store.get(kept.full)).not.toBeNull();
    expect(await store.get(kept.thumb)).not.toBeNull();

    const before = filesIn(root);
    expect(await sweepPhotoFiles(getDb(), store)).toEqual({ photoFiles: 0, unfinishedFiles: 0 });
    expect(filesIn(root)).toEqual(before);
  });

  it("judges a file's age against the time it is given", async () => {
    const { root, store } = newStore();
    const stray = photoKeys(storageKeyFor(randomUUID()));
    await store.put(stray.full, jpeg);
    age(root, stray.full, 2);
    const temporary = writeRaw(root, `${stray.full}.0123456789ab.tmp`, 2);
    const threeHoursAgo = new Date(Date.now() - 3 * HOUR);
    expect(await sweepPhotoFiles(getDb(), store, threeHoursAgo)).toEqual({ photoFiles: 0, unfinishedFiles: 0 });
    expect(filesIn(root)).toEqual([stray.full, temporary].sort());
  });

  it("asks about the rows in batches, not once per file", async () => {
    const { root, store } = newStore();
    const kept = await postedPhoto(store, world.job.id);
    const strays = Array.from({ length: 1200 }, () => photoKeys(storageKeyFor(randomUUID())).full);
    for (const key of [...strays, kept.full, kept.thumb]) writeRaw(root, key, 2);
    let queries = 0;
    const db = getDb();
    const counting = {
      attachment: {
        findMany: (args: Parameters<typeof db.attachment.findMany>[0]) => {
          queries += 1;
          return db.attachment.findMany(args);
        },
      },
    } as unknown as Db;

    expect(await sweepPhotoFiles(counting, store)).toEqual({ photoFiles: 1200, unfinishedFiles: 0 });
    expect(queries).toBeLessThanOrEqual(3);
    expect(filesIn(root)).toEqual([kept.full, kept.thumb].sort());
  });

  it("runs in the hourly clean-up, which says what it removed and is quiet when nothing was", async () => {
    const { root, store } = newStore();
    const stray = photoKeys(storageKeyFor(randomUUID()));
    writeRaw(root, stray.full, 2);
    writeRaw(root, stray.thumb, 2);
    writeRaw(root, `${stray.full}.0123456789ab.tmp`, 2);
    const lines: string[] = [];
    await startCleanUp(
      getDb,
      (line) => lines.push(line),
      () => store,
    )();
    expect(lines).toEqual(["Clean-up: removed 2 photo files no message refers to and 1 left by unfinished writes."]);
    expect(filesIn(root)).toEqual([]);

    await startCleanUp(
      getDb,
      (line) => lines.push(line),
      () => store,
    )();
    expect(lines).toHaveLength(1);
  });
});
