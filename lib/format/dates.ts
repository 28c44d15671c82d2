// Times are shown in the company's time zone, with a relative hint.

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = timeZone + JSON.stringify(options);
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", { timeZone, ...options });
    cache.set(key, found);
  }
  return found;
}

export function formatClock(iso: string, timeZone: string): string {
  return formatter(timeZone, { hour: "numeric", minute: "2-digit" }).format(new Date(iso)).toLowerCase();
}

export function formatDayTime(iso: string, timeZone: string): string {
  return formatter(timeZone, { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" })
    .format(new Date(iso))
    .replace(/ (AM|PM)$/, (m) => m.toLowerCase());
}

/** As short as a timeline cell allows: "6:59 pm" today, "Wed 6:59 pm" within a week, else "Nov 18". */
export function formatShortWhen(iso: string, timeZone: string, now = Date.now()): string {
  const day = (at: number) => formatter(timeZone, { year: "numeric", month: "numeric", day: "numeric" }).format(at);
  const at = Date.parse(iso);
  if (day(at) === day(now)) return formatClock(iso, timeZone);
  if (Math.abs(now - at) < 6 * 24 * 60 * 60 * 1000) {
    return `${formatter(timeZone, { weekday: "short" }).format(at)} ${formatClock(iso, timeZone)}`;
  }
  return formatter(timeZone, { month: "short", day: "numeric" }).format(at);
}

/** "Tue 9–11 am", "Tue 11 am–1 pm". */
export function formatWindow(startIso: string, endIso: string, timeZone: string): string {
  const day = formatter(timeZone, { weekday: "short", month: "short", day: "numeric" }).format(new Date(startIso));
  const hour = (iso: string) => {
    const parts = formatter(timeZone, { hour: "numeric", minute: "2-digit" }).formatToParts(new Date(iso));
    const h = parts.find((p) => p.type === "hour")?.value ?? "";
    const m = parts.find((p) => p.type === "minute")?.value ?? "00";
    const period = (parts.find((p) => p.type === "dayPeriod")?.value ?? "").toLowerCase();
    return { text: m === "00" ? h : `${h}:${m}`, period };
  };
  const start = hour(startIso);
  const end = hour(endIso);
  const from = start.period === end.period ? start.text : `${start.text} ${start.period}`;
  return `${day}, ${from}–${end.text} ${end.period}`;
}

export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? "yesterday" : `${days} days ago`;
}

export function formatWaiting(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - new Date(iso).getTime()) / 60000));
  if (minutes < 1) return "under a minute";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}
