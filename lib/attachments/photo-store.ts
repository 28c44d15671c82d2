// Where photo bytes live. One small interface so another store (an
// S3-compatible bucket) can stand in by configuration later; the default keeps
// files under the data directory: <DATA_DIR>/photos/<key>.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "../env.ts";

export type PhotoStore = {
  /** Stores the bytes under `key`, whole or not at all (a reader never sees half a file). */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes `key` if present. */
  remove(key: string): Promise<void>;
};

/** Keys are ours (random ids), never a person's words; anything else is a bug, refused before touching the disk. */
const KEY = /^[a-f0-9]{2}\/[a-f0-9-]{36}(\.thumb)?\.jpg$/;

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
      const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
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
  };
}

/** The store this node uses: files under DATA_DIR/photos. */
export function photoStore(): PhotoStore {
  return filePhotoStore(path.resolve(env().DATA_DIR, "photos"));
}

/** The two files of one photo, by the storageKey kept on its Attachment row. */
export const photoKeys = (storageKey: string) => ({ full: `${storageKey}.jpg`, thumb: `${storageKey}.thumb.jpg` });

/** A new photo's storageKey: its id, in one of 256 folders so none grows huge. */
export const storageKeyFor = (id: string) => `${id.slice(0, 2)}/${id}`;
