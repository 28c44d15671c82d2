// Twilio's error codes for a text that did not arrive, in words staff can
// read on the job (Notification.lastError). The rest: "carrier error <code>".
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
  "21211": "invalid number",
  "21408": "texts to that country are not enabled",
  "21610": "the number opted out (STOP)",
  "21612": "that number can't be texted from ours",
  "21614": "not a mobile number",
};

export function describeSmsError(code: string | undefined): string {
  if (!code) return "the carrier could not deliver it";
  return DESCRIPTIONS[code] ?? `carrier error ${code}`;
}
