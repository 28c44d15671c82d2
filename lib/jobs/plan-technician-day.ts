// A technician's jobs as their day reads: what is on today (in order), then
// tomorrow, later, and what has no visit time yet.
import type { JobSummary } from "./job-view.ts";

export type DayPart = "today" | "tomorrow" | "later" | "unscheduled";
export type DayGroup<J> = { part: DayPart; title: string; jobs: J[] };

const TITLE: Record<DayPart, string> = {
  today: "Today",
  tomorrow: "Tomorrow",
  later: "Later",
  unscheduled: "No visit time yet",
};

type Plannable = Pick<JobSummary, "status" | "windowStart" | "createdAt" | "awaitingReplySince">;

const calendarDays = new Map<string, Intl.DateTimeFormat>();
/** The company's calendar date at an instant, as YYYY-MM-DD (sorts as it reads). */
function calendarDay(at: number, timeZone: string): string {
  let format = calendarDays.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    calendarDays.set(timeZone, format);
  }
  return format.format(at);
}

/** The date after a YYYY-MM-DD date (calendar arithmetic: no DST hour can skip a day). */
function nextDay(day: string): string {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

function partOf(job: Plannable, today: string, tomorrow: string, timeZone: string): DayPart {
  // Under way, or a homeowner waiting for an answer: today's business whatever the window said.
  if (job.status === "EN_ROUTE" || job.status === "ON_SITE" || job.awaitingReplySince) return "today";
  if (!job.windowStart) return "unscheduled";
  const day = calendarDay(Date.parse(job.windowStart), timeZone);
  // A visit from an earlier day still open is still on today's plate.
  if (day <= today) return "today";
  return day === tomorrow ? "tomorrow" : "later";
}

/** Under way first (on site, then on the way), then by visit time, then oldest request first. */
function byOrderOfTheDay(a: Plannable, b: Plannable): number {
  const rank = (job: Plannable) => (job.status === "ON_SITE" ? 0 : job.status === "EN_ROUTE" ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    (a.windowStart ?? "\uffff").localeCompare(b.windowStart ?? "\uffff") ||
    a.createdAt.localeCompare(b.createdAt)
  );
}

/** The non-empty parts of the day, in reading order, each in the order the work is done. */
export function planTechnicianDay<J extends Plannable>(jobs: J[], timeZone: string, now = Date.now()): DayGroup<J>[] {
  const today = calendarDay(now, timeZone);
  const tomorrow = nextDay(today);
  const parts: DayPart[] = ["today", "tomorrow", "later", "unscheduled"];
  return parts
    .map((part) => ({
      part,
      title: TITLE[part],
      jobs: jobs.filter((job) => partOf(job, today, tomorrow, timeZone) === part).sort(byOrderOfTheDay),
    }))
    .filter((group) => group.jobs.length > 0);
}
