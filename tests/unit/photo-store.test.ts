import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filePhotoStore, photoKeys, storageKeyFor } from "../../lib/attachments/photo-store.ts";
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
