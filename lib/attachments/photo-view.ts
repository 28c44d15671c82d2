// A photo on the wire: what a PHOTO message carries besides its caption. The
// addresses are derived from the id (random, so nobody can guess another's).

export type PhotoView = { id: string; width: number; height: number; thumbWidth: number; thumbHeight: number };

/** Where the browser fetches a photo: the stored picture, or its thumbnail. */
export const photoUrl = (id: string, size: "full" | "thumb" = "full") =>
  size === "thumb" ? `/api/photos/${id}?size=thumb` : `/api/photos/${id}`;

type PhotoColumns = PhotoView & Record<string, unknown>;

/** Field by field: rows may carry more than the wire may show. */
export const toPhotoView = (row: PhotoColumns): PhotoView => ({
  id: row.id,
  width: row.width,
  height: row.height,
  thumbWidth: row.thumbWidth,
  thumbHeight: row.thumbHeight,
});

export const photoSelect = { id: true, width: true, height: true, thumbWidth: true, thumbHeight: true } as const;
