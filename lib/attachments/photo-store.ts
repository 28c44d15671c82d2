// Where photo bytes live. One small interface so another store (an
// S3-compatible bucket) can stand in by configuration later; the default keeps
// files under the data directory: <DATA_DIR>/photos/<key>.
import { randomBytes } from "node:crypto";
import type { Dirent } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "../env.ts";

export type PhotoStore = {
  /** Stores the bytes under `key`, whole or not at all (a reader never sees half a file). */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes `key` if present. */
  remove(key: string): Promise<void>;
  /** Every photo stored, with when it was written; anything whose key isn't one of ours is passed over. */
  list(): AsyncIterable<StoredPhoto>;
  /**
   * Removes what writes that never finished left behind, written before
   * `before` (a crashed put's temporary file; in a bucket, an abandoned
   * multipart upload), and says how many went.
   */
  removeUnfinished(before: Date): Promise<number>;
};

export type StoredPhoto = { key: string; modifiedAt: Date };

/** Keys are ours (random ids), never a person's words; anything else is a bug, refused before touching the disk. */
const KEY = /^[a-f0-9]{2}\/[a-f0-9-]{36}(\.thumb)?\.jpg$/;

/** What a put leaves while it writes (or after a crash mid-write): the key, a random suffix, `.tmp`. */
export const UNFINISHED = /^[a-f0-9]{2}\/[a-f0-9-]{36}(\.thumb)?\.jpg\.[a-f0-9]{12}\.tmp$/;

/** The name a put writes to before it renames it into place; the sweep knows it by UNFINISHED. */
export const unfinishedName = (key: string) => `${key}.${randomBytes(6).toString("hex")}.tmp`;

function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a photo key: ${key}`);
  return key;
}

/** A store in a directory: written to a temporary name, then renamed into place (atomic on one file system). */
export function filePhotoStore(root: string): PhotoStore {
  const fileOf = (key: string) => path.join(root, checkedKey(key));
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = path.join(root, unfinishedName(checkedKey(key)));
      try {
        await writeFile(temporary, bytes, { flag: "wx", mode: 0o600 });
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(key) {
      await rm(fileOf(key), { force: true });
    },
    list() {
      return filesUnder(root, KEY);
    },
    async removeUnfinished(before) {
      let removed = 0;
      for await (const file of filesUnder(root, UNFINISHED)) {
        if (file.modifiedAt >= before) continue;
        await rm(path.join(root, file.key), { force: true });
        removed += 1;
      }
      return removed;
    },
  };
}

/**
 * The files one folder down (<folder>/<name>) whose key matches `pattern`,
 * with their modification times. Links and folders are never ours; a file gone
 * while walking is passed over.
 */
async function* filesUnder(root: string, pattern: RegExp): AsyncGenerator<StoredPhoto> {
  for (const folder of await entriesOf(root)) {
    // Only our own folders are read: another (a volume's lost+found) may not be ours to open.
    if (!folder.isDirectory() || !/^[a-f0-9]{2}$/.test(folder.name)) continue;
    for (const entry of await entriesOf(path.join(root, folder.name))) {
      const key = `${folder.name}/${entry.name}`;
      if (!entry.isFile() || !pattern.test(key)) continue;
      const modifiedAt = await modifiedAtOf(path.join(root, key));
      if (modifiedAt) yield { key, modifiedAt };
    }
  }
}

async function entriesOf(folder: string): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

async function modifiedAtOf(file: string): Promise<Date | null> {
  try {
    return (await stat(file)).mtime;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** The store this node uses: files under DATA_DIR/photos. */
export function photoStore(): PhotoStore {
  return filePhotoStore(path.resolve(env().DATA_DIR, "photos"));
}

/** The two files of one photo, by the storageKey kept on its Attachment row. */
export const photoKeys = (storageKey: string) => ({ full: `${storageKey}.jpg`, thumb: `${storageKey}.thumb.jpg` });

/** The storageKey a photo's file belongs to: photoKeys backwards. */
export const storageKeyOf = (key: string) => checkedKey(key).replace(/(\.thumb)?\.jpg$/, "");

/** A new photo's storageKey: its id, in one of 256 folders so none grows huge. */
export const storageKeyFor = (id: string) => `${id.slice(0, 2)}/${id}`;
