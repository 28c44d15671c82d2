// Texts through Twilio's REST API, or any provider that speaks its shape
// (SMS_API_URL). Plain fetch: one POST, so the base address is ours to set
// and tests point it at a local server playing Twilio.
import { DeliveryError, type Outgoing, SEND_TIMEOUT_MS, type Send, type Sent } from "../outgoing.ts";
import { describeSmsError, PERMANENT_SMS_ERRORS } from "./sms-errors.ts";

export type TwilioAccount = { accountSid: string; authToken: string; from: string; apiUrl: string };

export function textSender(
  account: TwilioAccount,
  statusCallbackUrl: string | null,
  { timeoutMs = SEND_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Send {
  const url = new URL(
    `2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/Messages.json`,
    withSlash(account.apiUrl),
  );
  const authorization = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64")}`;
  return async (message: Outgoing): Promise<Sent> => {
    const form = new URLSearchParams({ To: message.to, From: account.from, Body: message.text });
    if (statusCallbackUrl) form.set("StatusCallback", statusCallbackUrl);
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
        body: form,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError";
      throw new DeliveryError(timedOut ? "text provider didn't answer" : "text provider unreachable", false);
    }
    const body = (await response.json().catch(() => ({}))) as { sid?: unknown; code?: unknown; message?: unknown };
    if (response.ok && typeof body.sid === "string") return { providerId: body.sid };
    throw toDeliveryError(response.status, typeof body.code === "number" ? body.code : null);
  };
}

function toDeliveryError(status: number, code: number | null): DeliveryError {
  if (code !== null && PERMANENT_SMS_ERRORS.has(String(code)))
    return new DeliveryError(describeSmsError(String(code)), true);
  if (status === 401 || status === 403) return new DeliveryError("text provider refused our credentials", false);
  if (status >= 400 && status < 500 && status !== 429) {
    return new DeliveryError(`text provider refused it${code ? ` (error ${code})` : ""}`, true);
  }
  return new DeliveryError(`text provider failed (${status})`, false);
}

const withSlash = (base: string) => (base.endsWith("/") ? base : `${base}/`);
