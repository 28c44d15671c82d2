// Turns uploaded bytes into the two pictures Trio keeps, or refuses them in
// words the sender can act on. The type is read from the bytes, never from the
// file's name or the type the browser claimed; the pixel count from the header
// before anything is decoded; and the picture is re-encoded, so nothing of the
// original file but its pixels survives: no EXIF, no XMP, no GPS position of
// the homeowner's house.
import sharp from "sharp";
import { AppError } from "../errors.ts";
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTO_MEGABYTES,
  MAX_PHOTO_PIXELS,
  PHOTOS_AT_ONCE,
  STORED_LONG_SIDE,
  THUMB_LONG_SIDE,
} from "./photo-limits.ts";

export type PreparedImage = { bytes: Buffer; width: number; height: number };
export type PreparedPhoto = { contentType: "image/jpeg"; full: PreparedImage; thumb: PreparedImage };

export const PHOTO_PROBLEMS = {
  notImage: "That file isn't a photo we can read. Send a JPEG, PNG or WebP picture.",
  heic: "This photo is in Apple's HEIC format, which we can't read yet. Send it as JPEG (Settings › Camera › Formats › Most Compatible) or send a screenshot.",
  tooLarge: `That photo is larger than ${MAX_PHOTO_MEGABYTES} MB. Send a smaller one.`,
  tooManyPixels: `That picture is too large to open (more than ${MAX_PHOTO_PIXELS / 1_000_000} megapixels). Send a smaller photo or a screenshot.`,
  damaged: "That photo looks damaged and can't be opened. Take it again or pick another one.",
  empty: "That photo is empty. Take it again or pick another one.",
} as const;

/** sharp's names for what it found, and whether we take it. HEIF holds HEIC (Apple) and AVIF. */
const ACCEPTED = new Set(["jpeg", "png", "webp", "heif"]);

/** The brands of an ISO media file ("ftyp" box) that mean HEVC-coded HEIC, as iPhones write it. */
const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs"]);

/** The file is HEIC by its bytes: an "ftyp" box whose major brand is one of HEIC's. */
export function isHeic(bytes: Buffer): boolean {
  return (
    bytes.length >= 12 && bytes.toString("latin1", 4, 8) === "ftyp" && HEIC_BRANDS.has(bytes.toString("latin1", 8, 12))
  );
}

/** Whether this node's sharp (its libvips and libheif) can decode HEIC; the prebuilt one reads AVIF only. */
export const canReadHeic = (): boolean => sharp.format.heif?.input.fileSuffix?.includes(".heic") ?? false;

const options = { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "truncated", sequentialRead: true } as const;

function refusal(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return new AppError("payload_too_large", PHOTO_PROBLEMS.tooManyPixels);
  if (/unsupported image format/i.test(message)) return new AppError("unsupported_media_type", PHOTO_PROBLEMS.notImage);
  return new AppError("bad_request", PHOTO_PROBLEMS.damaged);
}

/** Checks and re-encodes one upload: the stored picture (long side ≤ STORED_LONG_SIDE) and its thumbnail. */
export async function preparePhoto(bytes: Buffer): Promise<PreparedPhoto> {
  if (bytes.length === 0) throw new AppError("bad_request", PHOTO_PROBLEMS.empty);
  if (bytes.length > MAX_PHOTO_BYTES) throw new AppError("payload_too_large", PHOTO_PROBLEMS.tooLarge);
  if (isHeic(bytes) && !canReadHeic()) throw new AppError("unsupported_media_type", PHOTO_PROBLEMS.heic);
  // The header only: throws at once for a picture over the pixel limit.
  const metadata = await sharp(bytes, options)
    .metadata()
    .catch((error) => {
      throw refusal(error);
    });
  if (!ACCEPTED.has(metadata.format)) throw new AppError("unsupported_media_type", PHOTO_PROBLEMS.notImage);
  if (!metadata.width || !metadata.height || metadata.width * metadata.height > MAX_PHOTO_PIXELS)
    throw new AppError("payload_too_large", PHOTO_PROBLEMS.tooManyPixels);
  return withPhotoSlot(() => encode(bytes));
}

async function encode(bytes: Buffer): Promise<PreparedPhoto> {
  try {
    // Turned upright by its EXIF orientation first (the tag itself goes with
    // the rest), flattened onto white (JPEG has no transparency), and written
    // without any of the original's metadata: sharp keeps none unless asked.
    const full = await sharp(bytes, options)
      .autoOrient()
      .resize({ width: STORED_LONG_SIDE, height: STORED_LONG_SIDE, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(full.data)
      .resize({ width: THUMB_LONG_SIDE, height: THUMB_LONG_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 75 })
      .toBuffer({ resolveWithObject: true });
    return {
      contentType: "image/jpeg",
      full: { bytes: full.data, width: full.info.width, height: full.info.height },
      thumb: { bytes: thumb.data, width: thumb.info.width, height: thumb.info.height },
    };
  } catch (error) {
    throw refusal(error);
  }
}

// On globalThis: Next bundles each route apart, and they share one thread pool.
const hub = globalThis as typeof globalThis & { __trioPhotoSlots?: { busy: number; waiting: (() => void)[] } };

/** Runs `work` when one of PHOTOS_AT_ONCE slots is free; the rest wait their turn (bounded by the send limits). */
async function withPhotoSlot<T>(work: () => Promise<T>): Promise<T> {
  hub.__trioPhotoSlots ??= { busy: 0, waiting: [] };
  const slots = hub.__trioPhotoSlots;
  if (slots.busy >= PHOTOS_AT_ONCE) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.busy += 1;
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.busy -= 1;
  }
}
