import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  filePhotoStore,
  type PhotoStore,
  photoKeys,
  type StoredPhoto,
  storageKeyFor,
  storageKeyOf,
  UNFINISHED,
  unfinishedName,
} from "../../lib/attachments/photo-store.ts";
import { isHeic } from "../../lib/attachments/prepare-photo.ts";

describe("the file photo store", () => {
  it("keeps whole files under their keys, leaves no temporary file, and forgets on remove", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "trio-store-"));
    const store = filePhotoStore(root);
    const keys = photoKeys(storageKeyFor(randomUUID()));
    expect(await store.get(keys.full)).toBeNull();
    await store.put(keys.full, Buffer.from("full"));
    await store.put(keys.thumb, Buffer.from("thumb"));
    expect((await store.get(keys.full))?.toString()).toBe("full");
    expect((await store.get(keys.thumb))?.toString()).toBe("thumb");
    const files = readdirSync(root, { recursive: true }).map(String);
    expect(files.filter((file) => file.endsWith(".tmp"))).toEqual([]);
    await store.remove(keys.full);
    expect(await store.get(keys.full)).toBeNull();
    await store.remove(keys.full);
  });

  it("refuses any key that isn't one of its own, before touching the disk", async () => {
    const store = filePhotoStore(mkdtempSync(path.join(tmpdir(), "trio-store-")));
    for (const key of ["../../etc/passwd", "ab/../../x.jpg", "/etc/passwd", "ab/photo.jpg.exe", ""]) {
      await expect(store.get(key)).rejects.toThrow(/not a photo key/);
      await expect(store.put(key, Buffer.from("x"))).rejects.toThrow(/not a photo key/);
    }
  });
});

describe("what the file photo store holds", () => {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000);
  /** A file written straight to the disk, last modified `hours` ago. */
  function fileAt(root: string, relative: string, hours = 0): string {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, "x");
    utimesSync(file, hoursAgo(hours), hoursAgo(hours));
    return relative;
  }

  /** Node 20 has no Array.fromAsync. */
  async function listOf(store: PhotoStore): Promise<StoredPhoto[]> {
    const listed: StoredPhoto[] = [];
    for await (const photo of store.list()) listed.push(photo);
    return listed;
  }

  it("lists its photos with when they were written, and nothing that isn't one", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "trio-store-"));
    const store = filePhotoStore(root);
    expect(await listOf(store)).toEqual([]);
    const keys = photoKeys(storageKeyFor(randomUUID()));
    await store.put(keys.full, Buffer.from("full"));
    await store.put(keys.thumb, Buffer.from("thumb"));
    const old = fileAt(root, photoKeys(storageKeyFor(randomUUID())).full, 5);
    fileAt(root, "notes.txt");
    fileAt(root, `${keys.full.slice(0, 3)}notes.txt`);
    fileAt(root, `${keys.full}.0123456789ab.tmp`);
    fileAt(root, "zz/00000000-0000-0000-0000-000000000000.jpg");
    // Shaped like photos, but a folder and a link: not files this store wrote.
    mkdirSync(path.join(root, photoKeys(storageKeyFor(randomUUID())).full), { recursive: true });
    symlinkSync("/etc/passwd", path.join(root, `${keys.full.slice(0, 3)}${randomUUID()}.jpg`));

    const listed = await listOf(store);
    expect(listed.map(({ key }) => key).sort()).toEqual([keys.full, keys.thumb, old].sort());
    const oldOne = listed.find(({ key }) => key === old);
    expect(oldOne?.modifiedAt.getTime()).toBeLessThan(hoursAgo(4).getTime());
    for (const { modifiedAt } of listed.filter(({ key }) => key !== old)) {
      expect(modifiedAt.getTime()).toBeGreaterThan(hoursAgo(1).getTime());
    }
  });

  it("removes what unfinished writes left before the given time, and nothing else", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "trio-store-"));
    const store = filePhotoStore(root);
    const keys = photoKeys(storageKeyFor(randomUUID()));
    const oldTemporary = fileAt(root, `${keys.full}.0123456789ab.tmp`, 2);
    const oldThumbTemporary = fileAt(root, `${keys.thumb}.ba9876543210.tmp`, 2);
    const freshTemporary = fileAt(root, `${keys.full}.aaaaaaaaaaaa.tmp`);
    const oldPhoto = fileAt(root, keys.full, 2);
    const notOurs = [fileAt(root, "x.tmp", 2), fileAt(root, `${keys.full.slice(0, 3)}x.tmp`, 2)];

    expect(await store.removeUnfinished(hoursAgo(1))).toBe(2);
    const left = readdirSync(root, { recursive: true }).map(String);
    expect(left).not.toContain(oldTemporary);
    expect(left).not.toContain(oldThumbTemporary);
    expect(left).toEqual(expect.arrayContaining([freshTemporary, oldPhoto, ...notOurs]));
    expect(await store.removeUnfinished(hoursAgo(1))).toBe(0);
  });

  it("knows a photo's storageKey from either of its files, and refuses what isn't a photo key", () => {
    const storageKey = storageKeyFor(randomUUID());
    const keys = photoKeys(storageKey);
    expect(storageKeyOf(keys.full)).toBe(storageKey);
    expect(storageKeyOf(keys.thumb)).toBe(storageKey);
    expect(() => storageKeyOf("notes.txt")).toThrow(/not a photo key/);
  });

  it("knows the temporary name a put writes to as unfinished, so the sweep finds what a crash left", () => {
    const keys = photoKeys(storageKeyFor(randomUUID()));
    for (const key of [keys.full, keys.thumb]) expect(unfinishedName(key)).toMatch(UNFINISHED);
    expect(UNFINISHED.test(keys.full)).toBe(false);
  });
});

describe("HEIC by its bytes", () => {
  const box = (brand: string) =>
    Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from(`ftyp${brand}`, "latin1"), Buffer.alloc(12)]);
  it("knows an iPhone's HEIC from AVIF, JPEG and text, whatever the file is called", () => {
    expect(isHeic(box("heic"))).toBe(true);
    expect(isHeic(box("heix"))).toBe(true);
    expect(isHeic(box("avif"))).toBe(false);
    expect(isHeic(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]))).toBe(false);
    expect(isHeic(Buffer.from("ftypheic"))).toBe(false);
  });
});
