// Wall-clock times in a company's time zone, turned into instants, without a
// time-zone library: Intl knows every zone's offset at any instant.

const partsFormat = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall-clock reading at `at`, as if it were UTC. */
function wallClock(at: number, timeZone: string): number {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsFormat.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(
    part.year ?? 0,
    (part.month ?? 1) - 1,
    part.day ?? 1,
    part.hour ?? 0,
    part.minute ?? 0,
    part.second ?? 0,
  );
}

/** The instant at which the zone's clock reads `date` (YYYY-MM-DD) `time` (HH:MM). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  // Guess with the offset at the wanted reading, then correct once for a DST change in between.
  let at = wanted - (wallClock(wanted, timeZone) - wanted);
  at += wanted - wallClock(at, timeZone);
  return new Date(at);
}

/** Today's date (YYYY-MM-DD) on the zone's calendar. */
export function zonedToday(timeZone: string, now = Date.now()): string {
  return new Date(wallClock(now, timeZone)).toISOString().slice(0, 10);
}

/** The hour (0–23) the zone's clock shows at `now`. */
export function zonedHour(timeZone: string, now = Date.now()): number {
  return new Date(wallClock(now, timeZone)).getUTCHours();
}

/** How far back a typed time still means "today, already passed" rather than "tomorrow" (23:50 → 00:20). */
const PASSED_WINDOW_MS = 12 * 60 * 60 * 1000;

/**
 * The next time the zone's clock reads `time` (HH:MM): today (up to `slackMs`
 * ago counts as now), or tomorrow when today's was long ago; null when today's
 * passed only recently, which is a mistake to point out, not tomorrow.
 */
export function nextZonedTime(time: string, timeZone: string, now = Date.now(), slackMs = 0): Date | null {
  const today = zonedToday(timeZone, now);
  const at = zonedInstant(today, time, timeZone);
  if (at.getTime() >= now - slackMs) return at;
  if (now - at.getTime() < PASSED_WINDOW_MS) return null;
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return zonedInstant(tomorrow, time, timeZone);
}
