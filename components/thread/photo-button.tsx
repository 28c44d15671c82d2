"use client";

import { type CSSProperties, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { MAX_PHOTO_BYTES, MAX_PHOTO_MEGABYTES, UPLOAD_LONG_SIDE } from "@/lib/attachments/photo-limits.ts";
import { ACTION, SECONDARY } from "../ui/action-styles.ts";

type Props = {
  jobId: string;
  /** Staff may keep a photo from the homeowner ("staff only"). */
  canMarkStaffOnly: boolean;
};

/** One photo on its way: picked, shrunk, then sent with a clientId that stays the same on every try. */
type Upload = {
  clientId: string;
  blob: Blob;
  preview: string;
  caption: string;
  staffOnly: boolean;
  state: "ready" | "sending" | "failed";
  progress: number;
  problem?: string;
};

const NO_CONNECTION = "No connection right now. Try again in a moment.";

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

/** Sends one photo with XMLHttpRequest (fetch can't report upload progress). */
function send(
  jobId: string,
  upload: Upload,
  onProgress: (percent: number) => void,
): Promise<{ ok: true } | { ok: false; problem: string }> {
  return new Promise((resolve) => {
    const form = new FormData();
    const name = upload.blob instanceof File ? upload.blob.name : "photo.jpg";
    form.append("file", upload.blob, name);
    form.append("clientId", upload.clientId);
    form.append("visibility", upload.staffOnly ? "STAFF" : "EVERYONE");
    if (upload.caption.trim()) form.append("caption", upload.caption);
    const request = new XMLHttpRequest();
    request.open("POST", `/api/jobs/${jobId}/photos`);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body = request.response as { data?: unknown; error?: { message?: string } } | null;
      if (request.status >= 200 && request.status < 300 && body?.data) return resolve({ ok: true });
      resolve({ ok: false, problem: body?.error?.message ?? "That didn't work. Try again." });
    };
    request.onerror = () => resolve({ ok: false, problem: NO_CONNECTION });
    request.ontimeout = request.onerror;
    request.send(form);
  });
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
 * for staff, keep it from the homeowner), send it with progress. A failed
 * upload stays with "Try again" (the same clientId, so it lands once) and
 * "Discard". The new message arrives in the thread like any other; this never
 * moves the keyboard's focus by itself.
 */
export function PhotoButton({ jobId, canMarkStaffOnly }: Props) {
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
      clientId: crypto.randomUUID(),
      blob,
      preview: URL.createObjectURL(blob),
      caption: "",
      staffOnly: false,
      state: "ready",
      progress: 0,
    };
    if (blob.size > MAX_PHOTO_BYTES) {
      ready.state = "failed";
      ready.problem = `That photo is larger than ${MAX_PHOTO_MEGABYTES} MB. Send a smaller one.`;
    }
    setUpload(ready);
    setSaid(ready.problem ?? "Photo ready: add a caption if you like, then send it.");
  };

  const start = async () => {
    if (!upload || upload.state === "sending") return;
    const sending = { ...upload, state: "sending" as const, progress: 0, problem: undefined };
    // Its buttons give way to the progress bar: focus on them stays in the panel.
    if (focusInPanel()) panelRef.current?.focus();
    setUpload(sending);
    setSaid("Sending the photo…");
    const result = await send(jobId, sending, (progress) =>
      setUpload((current) => (current?.clientId === sending.clientId ? { ...current, progress } : current)),
    );
    if (result.ok) {
      if (focusInPanel()) setFocusButton(true);
      setUpload((current) => (current?.clientId === sending.clientId ? null : current));
      setSaid("Photo sent.");
      return;
    }
    setUpload((current) =>
      current?.clientId === sending.clientId ? { ...current, state: "failed", problem: result.problem } : current,
    );
    setSaid(`Photo not sent. ${result.problem}`);
  };

  const busy = preparing || upload?.state === "sending";
  return (
    <div ref={anchorRef} className="relative shrink-0">
      <input
        ref={inputRef}
        type="file"
        accept="image/*"
        capture="environment"
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
        <span>{upload?.state === "sending" ? `${upload.progress}%` : "Photo"}</span>
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
            if (event.key === "Escape" && upload.state !== "sending") close();
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
                disabled={upload.state === "sending"}
                onChange={(event) => setUpload({ ...upload, caption: event.target.value })}
                onKeyDown={(event) => {
                  if (event.key === "Enter" && !event.nativeEvent.isComposing) {
                    event.preventDefault();
                    void start();
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
                disabled={upload.state === "sending"}
                onChange={(event) => setUpload({ ...upload, staffOnly: event.target.checked })}
                className="h-5 w-5 accent-amber-600"
              />
              Staff only (the homeowner never sees it)
            </label>
          )}
          {upload.state === "sending" && (
            <div className="mt-3">
              <progress
                max={100}
                value={upload.progress}
                aria-label="Sending the photo"
                className="h-2 w-full overflow-hidden rounded accent-blue-700"
              />
              <p className="mt-1 text-sm text-slate-700">Sending… {upload.progress}%</p>
            </div>
          )}
          {upload.state === "failed" && <p className="mt-2 text-sm text-red-800">Not sent. {upload.problem}</p>}
          {upload.state !== "sending" && (
            <div className="mt-3 flex flex-wrap justify-end gap-2">
              <button type="button" onClick={close} className={SECONDARY}>
                {upload.state === "failed" ? "Discard" : "Cancel"}
              </button>
              <button type="button" onClick={() => void start()} className={ACTION}>
                {upload.state === "failed" ? "Try again" : "Send photo"}
              </button>
            </div>
          )}
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
