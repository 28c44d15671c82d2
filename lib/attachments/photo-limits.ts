// What a photo may be, as named numbers. Plain constants, no zod: the browser's
// photo button reads them too (components/thread/photo-button.tsx).

/** Largest file a person may upload. Phones' own photos are 2–8 MB; the browser shrinks before sending. */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
/** The whole multipart body: the file plus the small fields and boundaries around it. */
export const MAX_PHOTO_REQUEST_BYTES = MAX_PHOTO_BYTES + 64 * 1024;
/**
 * Most pixels a photo may have, checked from its header before anything is
 * decoded: a 48-megapixel phone camera fits, a "decompression bomb" (a small
 * file that would unpack to gigabytes) does not.
 */
export const MAX_PHOTO_PIXELS = 50_000_000;
/** The stored picture's long side: enough to read a model plate, small enough for a slow phone line. */
export const STORED_LONG_SIDE = 2560;
/** The thumbnail shown in the thread. */
export const THUMB_LONG_SIDE = 480;
/** What the browser shrinks to before uploading. */
export const UPLOAD_LONG_SIDE = 2048;
/** Photos decoded at once on this node: sharp works on libuv's threads, which file reads share. */
export const PHOTOS_AT_ONCE = 2;

export const MAX_PHOTO_MEGABYTES = MAX_PHOTO_BYTES / (1024 * 1024);
