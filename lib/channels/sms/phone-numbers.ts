// Stored numbers keep what people typed (lib/customers/schemas.ts
// normalizePhone): digits, with a + when a country code was written. A text
// needs E.164, and an inbound text's sender (always E.164) must find the
// customer however their number was stored.

/** The E.164 address of a stored number: as is with a +, else with the configured country code. */
export function toE164(stored: string, countryCode: string): string {
  const digits = stored.replace(/\D/g, "");
  if (stored.trim().startsWith("+")) return `+${digits}`;
  // North America: "1 555 010 2233" is written with its country code but no +.
  if (countryCode === "1" && digits.length === 11 && digits.startsWith("1")) return `+${digits}`;
  return `+${countryCode}${digits.replace(/^0+/, "")}`;
}

/**
 * Every way a sender's E.164 number may have been stored: itself, and, for a
 * number in the configured country, its national digits (with a trunk 0 too).
 */
export function storedFormsOf(e164: string, countryCode: string): string[] {
  const forms = [e164];
  const prefix = `+${countryCode}`;
  if (e164.startsWith(prefix)) {
    const national = e164.slice(prefix.length);
    forms.push(national, `0${national}`, `${countryCode}${national}`);
  }
  return forms;
}
