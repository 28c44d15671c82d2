"use client";

import type { ErrorBody } from "@/lib/errors.ts";
import type { MessageView } from "@/lib/messages/message-view.ts";
import type { PendingPhoto } from "./outbox-store.ts";

/** The server's answer, or null when none came (no connection, stalled): the photo waits and goes again. */
export type PhotoAnswer = { data: MessageView } | ErrorBody | null;

/** An upload that moves nothing for this long is dropped and sent again later (a stalled line never answers). */
const STALLED_AFTER_MS = 30_000;

/**
 * Sends one photo of the outbox with XMLHttpRequest (fetch can't report upload
 * progress), with its clientId: sent again, it is stored once. `abort` drops
 * it (the line went down): it answers null, and the photo waits.
 */
export function sendPhoto(
  jobId: string,
  photo: PendingPhoto,
  onProgress: (percent: number) => void,
): { answer: Promise<PhotoAnswer>; abort: () => void } {
  const request = new XMLHttpRequest();
  const answer = new Promise<PhotoAnswer>((resolve) => {
    const form = new FormData();
    form.append("file", photo.blob, photo.blob instanceof File ? photo.blob.name : "photo.jpg");
    form.append("clientId", photo.clientId);
    form.append("visibility", photo.visibility);
    if (photo.caption.trim()) form.append("caption", photo.caption);
    request.open("POST", `/api/jobs/${jobId}/photos`);
    request.responseType = "json";
    let stalled: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(stalled);
      stalled = setTimeout(() => request.abort(), STALLED_AFTER_MS);
    };
    request.upload.onprogress = (event) => {
      watch();
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body = request.response as { data?: MessageView; error?: ErrorBody["error"] } | null;
      if (request.status >= 200 && request.status < 300 && body?.data) return resolve({ data: body.data });
      if (body?.error) return resolve({ error: body.error });
      // A proxy's page or a server that fell over: no answer we can read, so it goes again later.
      if (request.status >= 500) return resolve(null);
      resolve({ error: { code: "bad_request", message: "That photo couldn't be sent." } });
    };
    request.onloadend = () => clearTimeout(stalled);
    request.onerror = () => resolve(null);
    request.onabort = () => resolve(null);
    request.send(form);
    watch();
  });
  return { answer, abort: () => request.abort() };
}
