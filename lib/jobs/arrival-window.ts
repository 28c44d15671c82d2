// An arrival window typed as a day and two clock times in the company's time
// zone, turned into instants. Pure (tests/unit/arrival-window.test.ts).
import { AppError } from "../errors.ts";
import type { WindowInput } from "./schemas.ts";

/** How far UTC is behind the zone's wall clock at `at`, in ms. */
function zoneOffset(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `timeZone` names, or null when that time
 * does not exist there (the hour skipped when clocks go forward). In the hour
 * that repeats when clocks go back, the first of the two.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date | null {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day) return null; // 31 February
  const earlier = wall - zoneOffset(wall - 12 * 3600_000, timeZone);
  const later = wall - zoneOffset(wall + 12 * 3600_000, timeZone);
  for (const candidate of earlier <= later ? [earlier, later] : [later, earlier]) {
    if (candidate + zoneOffset(candidate, timeZone) === wall) return new Date(candidate);
  }
  return null;
}

const windowProblem = (message: string) => new AppError("bad_request", message, { fields: { window: message } });

/** The window's start and end; it must end after it starts and not lie in the past. */
export function arrivalWindow(input: WindowInput, timeZone: string, now = Date.now()): { start: Date; end: Date } {
  const start = zonedInstant(input.date, input.start, timeZone);
  const end = zonedInstant(input.date, input.end, timeZone);
  if (!start || !end) throw windowProblem("That day or time doesn't exist. Check the window.");
  if (end <= start) throw windowProblem("The window must end after it starts.");
  if (end.getTime() <= now) throw windowProblem("That window is already over. Choose a later one.");
  return { start, end };
}
