import { zonedHour, zonedInstant, zonedToday } from "../format/zoned-time.ts";

export type QuietHours = { timeZone: string; startHour: number; endHour: number };

/**
 * When the company's quiet hours end, if `now` falls inside them (null: not
 * quiet). Hours wrap past midnight (21 → 8); equal hours mean none.
 */
export function quietUntil({ timeZone, startHour, endHour }: QuietHours, now = new Date()): Date | null {
  if (startHour === endHour) return null;
  const hour = zonedHour(timeZone, now.getTime());
  const wraps = startHour > endHour;
  const quiet = wraps ? hour >= startHour || hour < endHour : hour >= startHour && hour < endHour;
  if (!quiet) return null;
  const today = zonedToday(timeZone, now.getTime());
  const endsTomorrow = wraps && hour >= startHour;
  const day = endsTomorrow ? new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : today;
  return zonedInstant(day, `${String(endHour).padStart(2, "0")}:00`, timeZone);
}
