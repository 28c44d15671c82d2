// Twilio's error codes for a text that did not arrive, whether its API refused
// it (send-text.ts) or a delivery report said so (record-delivery-status.ts),
// in words staff can read on the job (Notification.lastError). The rest:
// "carrier error <code>".
// https://www.twilio.com/docs/api/errors

/** The recipient texted STOP: the carrier refuses texts to them. */
export const OPTED_OUT_ERROR = "21610";

const DESCRIPTIONS: Record<string, string> = {
  "30003": "number unreachable (phone off or out of coverage)",
  "30004": "the number blocks our texts",
  "30005": "unknown number (it may no longer exist)",
  "30006": "landline or unreachable carrier",
  "30007": "blocked as spam by the carrier",
  "30008": "the carrier could not deliver it",
  "30034": "our sending number is not registered with carriers (A2P 10DLC)",
  "21211": "not a valid phone number",
  "21214": "not a mobile number",
  "21408": "texts to that country are off",
  "21610": "the number opted out (STOP)",
  "21612": "that number can't receive texts from ours",
  "21614": "not a mobile number",
};

/** Codes Twilio answers a send with that mean this number will never take it: not tried again. */
export const PERMANENT_SMS_ERRORS = new Set(["21211", "21214", "21408", "21610", "21612", "21614"]);

export function describeSmsError(code: string | undefined): string {
  if (!code) return "the carrier could not deliver it";
  return DESCRIPTIONS[code] ?? `carrier error ${code}`;
}
