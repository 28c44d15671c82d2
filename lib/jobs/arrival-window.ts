// An arrival window typed as a day and two clock times in the company's time
// zone, turned into instants and held to the same rules as any scheduled
// window (lib/scheduling/schemas.ts windowSchema).
import { AppError } from "../errors.ts";
import { zonedInstant } from "../format/zoned-time.ts";
import { windowSchema } from "../scheduling/schemas.ts";
import type { WindowInput } from "./schemas.ts";

const windowProblem = (message: string) => new AppError("bad_request", message, { fields: { window: message } });

/** A real calendar day (no 31 February). */
function isCalendarDay(date: string): boolean {
  const [year = 0, month = 0, day = 0] = date.split("-").map(Number);
  const at = new Date(Date.UTC(year, month - 1, day));
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
}

const isClockTime = (time: string) => {
  const [hour = 99, minute = 99] = time.split(":").map(Number);
  return hour <= 23 && minute <= 59;
};

/** The window's start and end; it must end after it starts, not be over, and fit the scheduling rules. */
export function arrivalWindow(input: WindowInput, timeZone: string): { start: Date; end: Date } {
  if (!isCalendarDay(input.date) || !isClockTime(input.start) || !isClockTime(input.end))
    throw windowProblem("That day or time doesn't exist. Check the window.");
  const start = zonedInstant(input.date, input.start, timeZone);
  const end = zonedInstant(input.date, input.end, timeZone);
  const checked = windowSchema.safeParse({ windowStart: start.toISOString(), windowEnd: end.toISOString() });
  if (!checked.success) throw windowProblem(checked.error.issues[0]?.message ?? "Check the window.");
  return { start, end };
}
