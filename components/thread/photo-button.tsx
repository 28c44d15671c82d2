"use client";

import { type CSSProperties, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { MAX_PHOTO_BYTES, MAX_PHOTO_MEGABYTES, UPLOAD_LONG_SIDE } from "@/lib/attachments/photo-limits.ts";
import type { VisibilityName } from "@/lib/messages/schemas.ts";
import { ACTION, SECONDARY } from "../ui/action-styles.ts";

type Props = {
  /** Staff may keep a photo from the homeowner ("staff only"). */
  canMarkStaffOnly: boolean;
  /** Writing an internal note: a photo picked now starts as staff only too. */
  noteMode: boolean;
  /** Hands the photo to the thread's outbox: it waits there like a message and goes up in turn. */
  onSend: (photo: { blob: Blob; caption: string; visibility: VisibilityName }) => void;
};

/** The photo picked and shrunk, waiting for its caption. */
type Upload = {
  blob: Blob;
  preview: string;
  caption: string;
  staffOnly: boolean;
  problem?: string;
};

/**
 * The picture as the browser can draw it, at most UPLOAD_LONG_SIDE on its long
 * side, as JPEG: a phone's 5 MB photo goes up as a few hundred KB, and its
 * EXIF (the GPS position) never leaves the phone. A browser that can't decode
 * it (HEIC on most) sends the original, and the server's answer says why.
 */
async function shrink(file: File): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    const scale = Math.min(1, UPLOAD_LONG_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext("2d");
    if (!context) return file;
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
    return blob ?? file;
  } catch {
    return file;
  }
}

/** Where the panel sits: above the button, inside the window (the composer spans a phone's width). */
function usePanelPlace(anchor: React.RefObject<HTMLElement | null>, open: boolean): CSSProperties | undefined {
  const [place, setPlace] = useState<CSSProperties>();
  useLayoutEffect(() => {
    if (!open) return;
    const measure = () => {
      const box = anchor.current?.getBoundingClientRect();
      if (!box) return;
      const width = Math.min(352, window.innerWidth - 24);
      const left = Math.min(Math.max(12, box.right - width), window.innerWidth - width - 12);
      setPlace({ position: "fixed", left, width, bottom: window.innerHeight - box.top + 8 });
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [anchor, open]);
  return place;
}

/**
 * "Photo": take one with the camera or pick one, see it, add a caption (and,
 * for staff, keep it from the homeowner), send it. It then waits in the thread
 * like a message (offline too, through reloads), shows its progress, and a
 * refused one stays there with "Try again" and "Discard". This never moves the
 * keyboard's focus by itself.
 */
export function PhotoButton({ canMarkStaffOnly, noteMode, onSend }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const anchorRef = useRef<HTMLDivElement>(null);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [said, setSaid] = useState("");
  const panelId = useId();
  const captionId = useId();
  const place = usePanelPlace(anchorRef, upload !== null);

  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  // Focus moves only when it was in the panel and the panel changes under it:
  // someone typing in the message box meanwhile keeps their place.
  const [focusButton, setFocusButton] = useState(false);
  const focusInPanel = () => panelRef.current?.contains(document.activeElement) ?? false;
  useEffect(() => {
    if (focusButton && !upload) {
      buttonRef.current?.focus();
      setFocusButton(false);
    }
  }, [focusButton, upload]);
  const close = () => {
    if (focusInPanel()) setFocusButton(true);
    setUpload(null);
  };
  // A preview's blob: URL holds the picture in memory until it is let go.
  const preview = upload?.preview;
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setPreparing(true);
    setSaid("Getting the photo ready…");
    const blob = await shrink(file);
    setPreparing(false);
    const ready: Upload = {
      blob,
      preview: URL.createObjectURL(blob),
      caption: "",
      staffOnly: canMarkStaffOnly && noteMode,
    };
    if (blob.size > MAX_PHOTO_BYTES) {
      ready.problem = `That photo is larger than ${MAX_PHOTO_MEGABYTES} MB. Send a smaller one.`;
    }
    setUpload(ready);
    setSaid(ready.problem ?? "Photo ready: add a caption if you like, then send it.");
  };

  const start = () => {
    if (!upload || upload.problem) return;
    onSend({ blob: upload.blob, caption: upload.caption, visibility: upload.staffOnly ? "STAFF" : "EVERYONE" });
    close();
    setSaid("Photo added to the conversation: it goes out by itself.");
  };

  const busy = preparing;
  return (
    <div ref={anchorRef} className="relative shrink-0">
      <input
        ref={inputRef}
        type="file"
        accept="image/*"
        // Staff go straight to the camera; a homeowner is offered their photos too ("this is the leak" from earlier).
        capture={canMarkStaffOnly ? "environment" : undefined}
        className="hidden"
        aria-label="Take or choose a photo"
        tabIndex={-1}
        onChange={(event) => {
          void choose(event.target.files?.[0]);
          event.target.value = "";
        }}
      />
      <button
        ref={buttonRef}
        type="button"
        onClick={() => inputRef.current?.click()}
        disabled={busy || upload !== null}
        aria-expanded={upload !== null}
        aria-controls={upload ? panelId : undefined}
        className="flex min-h-12 min-w-12 items-center justify-center gap-1.5 rounded-xl border border-slate-400 bg-white px-3 text-base font-semibold text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        <CameraIcon />
        {/* An icon on a phone, so the message box keeps its width; the name stays for screen readers. */}
        <span className="max-sm:sr-only">Photo</span>
      </button>
      <p className="sr-only" role="status">
        {said}
      </p>
      {upload && (
        <section
          ref={panelRef}
          tabIndex={-1}
          id={panelId}
          aria-label="Photo to send"
          style={place}
          onKeyDown={(event) => {
            if (event.key === "Escape") close();
          }}
          className={`z-20 rounded-2xl border bg-white p-3 focus:outline-none text-slate-900 shadow-lg ${
            place ? "" : "absolute right-0 bottom-full mb-2 w-72"
          } ${upload.staffOnly ? "border-amber-500" : "border-slate-300"}`}
        >
          <div className="flex gap-3">
            {/* biome-ignore lint/performance/noImgElement: a local preview (blob: URL) of the photo before it is sent */}
            <img
              src={upload.preview}
              alt="Preview of what you chose to send"
              className="h-20 w-20 shrink-0 rounded-lg bg-slate-200 object-cover"
            />
            <div className="min-w-0 flex-1">
              <label htmlFor={captionId} className="text-sm font-medium text-slate-800">
                Caption (optional)
              </label>
              <input
                id={captionId}
                type="text"
                value={upload.caption}
                onChange={(event) => setUpload({ ...upload, caption: event.target.value })}
                onKeyDown={(event) => {
                  if (event.key === "Enter" && !event.nativeEvent.isComposing) {
                    event.preventDefault();
                    start();
                  }
                }}
                maxLength={4000}
                placeholder="This is the leak"
                className="mt-1 min-h-11 w-full rounded-lg border border-slate-400 px-2 text-base"
              />
            </div>
          </div>
          {canMarkStaffOnly && (
            <label className="mt-2 flex w-fit cursor-pointer items-center gap-2 text-sm font-medium text-slate-800">
              <input
                type="checkbox"
                checked={upload.staffOnly}
                onChange={(event) => setUpload({ ...upload, staffOnly: event.target.checked })}
                className="h-5 w-5 accent-amber-600"
              />
              Staff only (the homeowner never sees it)
            </label>
          )}
          {upload.problem && <p className="mt-2 text-sm text-red-800">{upload.problem}</p>}
          <div className="mt-3 flex flex-wrap justify-end gap-2">
            <button type="button" onClick={close} className={SECONDARY}>
              Cancel
            </button>
            {!upload.problem && (
              <button type="button" onClick={start} className={ACTION}>
                Send photo
              </button>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

function CameraIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M4 8h3l2-3h6l2 3h3v11H4z" strokeLinejoin="round" />
      <circle cx="12" cy="13" r="3.5" />
    </svg>
  );
}
