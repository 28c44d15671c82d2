import { z } from "zod";

/** A push service's address for one browser: long in practice (FCM's ~190 chars), bounded here. */
export const MAX_ENDPOINT_LENGTH = 2048;

const base64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, "must be base64url");

/**
 * What the browser's PushSubscription.toJSON() gives: the endpoint and the keys
 * that encrypt the payload (a P-256 public key, 65 bytes; an auth secret, 16 bytes).
 */
export const pushSubscriptionSchema = z.object({
  endpoint: z.url().max(MAX_ENDPOINT_LENGTH),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: base64url(86, 90), auth: base64url(21, 26) }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

export const pushUnsubscribeSchema = z.object({ endpoint: z.url().max(MAX_ENDPOINT_LENGTH) });
export type PushUnsubscribeInput = z.infer<typeof pushUnsubscribeSchema>;

/** What the service worker shows (public/sw.js reads it): never an internal note. */
export type PushPayload = { title: string; body: string; url: string; tag: string };
