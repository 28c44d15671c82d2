// Proof that a webhook comes from Twilio: X-Twilio-Signature is an HMAC, keyed
// with the account's auth token, of the URL Twilio was configured with and the
// posted fields. Checked with the twilio package's own validateRequest.
import { validateRequest } from "twilio/lib/webhooks/webhooks.js";
import { env } from "../../env.ts";
import { AppError } from "../../errors.ts";
import { readForm } from "../../http/route.ts";

/**
 * Twilio's webhook bodies are a few kilobytes: a text of up to 1,600
 * characters (percent-encoded, up to 12 bytes each) and a few dozen fields.
 */
export const MAX_WEBHOOK_BYTES = 32 * 1024;

export type WebhookParams = Record<string, string | string[]>;

/**
 * The fields of a webhook Twilio signed for this very address, or `forbidden`
 * (with one log line saying why) before anything is read from them.
 *
 * The URL checked is the public one Twilio was configured with (APP_URL, else
 * NEXTAUTH_URL, with the request's path and query), never one built from the
 * Host header: whoever sends the request chooses that header.
 */
export async function readSignedWebhook(request: Request, name: string): Promise<WebhookParams> {
  const form = await readForm(request, MAX_WEBHOOK_BYTES, "Twilio's webhook");
  const params = paramsOf(form);
  const { pathname, search } = new URL(request.url);
  const authToken = env().SMS_AUTH_TOKEN;
  if (!authToken) refuse(name, "SMS_AUTH_TOKEN is not set, so no signature can be checked");
  const base = env().APP_URL ?? env().NEXTAUTH_URL;
  if (!base) refuse(name, "neither APP_URL nor NEXTAUTH_URL is set, so the signed address is unknown");
  const url = `${new URL(base).origin}${pathname}${search}`;
  const signature = request.headers.get("x-twilio-signature");
  if (!signature) refuse(name, "no X-Twilio-Signature header");
  if (!validateRequest(authToken, signature, url, params)) {
    refuse(
      name,
      `the signature does not match ${url} (a wrong auth token, or Twilio is configured with another address)`,
    );
  }
  return params;
}

function refuse(name: string, why: string): never {
  console.warn(`[trio] ${name} refused: ${why}`);
  throw new AppError("forbidden", "This webhook must be signed by the SMS provider.");
}

/** A field sent more than once keeps every value, as the signature covers them all. */
function paramsOf(form: URLSearchParams): WebhookParams {
  const params: WebhookParams = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    params[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return params;
}
