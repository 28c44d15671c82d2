// Job summaries for boards (company:<id>) and technicians' lists (user:<id>),
// coalesced per job. A busy thread would otherwise cost one write per board
// socket per message; here a job's summary goes out at once when the job has
// been quiet for an interval, otherwise at the end of it, carrying the newest
// state. So boards are never more than one interval behind.
import { type JobRow, toJobSummary } from "../jobs/job-view.ts";
import type { MessageView } from "../messages/message-view.ts";
import { type RealtimeServer, rooms } from "./events.ts";

type Entry = {
  job: JobRow;
  lastMessage: MessageView | null;
  sentAt: number;
  /** A send is scheduled; offers until then only update what it will carry. */
  scheduled: boolean;
  timer?: NodeJS.Timeout;
};

export type BoardFeed = {
  /** A job changed (a message, a status, an assignment): tell its boards within the interval. */
  offer(job: JobRow, lastMessage?: MessageView): void;
  /** Stops the timers; pending summaries are dropped (boards reload on reconnect). */
  close(): void;
};

export function createBoardFeed(io: RealtimeServer, intervalMs: number): BoardFeed {
  const entries = new Map<string, Entry>();

  const emit = (entry: Entry) => {
    entry.scheduled = false;
    entry.sentAt = Date.now();
    const { job, lastMessage } = entry;
    const staff = io.to(rooms.company(job.companyId));
    (job.technicianId ? staff.to(rooms.user(job.technicianId)) : staff).emit("job:updated", {
      ...toJobSummary(job),
      ...(lastMessage ? { lastMessage } : {}),
    });
    // Quiet for a whole interval: forgotten, so the map holds only busy jobs.
    entry.timer = setTimeout(() => {
      if (!entry.scheduled) entries.delete(job.id);
    }, intervalMs).unref();
  };

  return {
    offer(job, lastMessage) {
      let entry = entries.get(job.id);
      if (!entry) {
        entry = { job, lastMessage: lastMessage ?? null, sentAt: 0, scheduled: false };
        entries.set(job.id, entry);
      }
      // Commits may be published out of order: keep the newest of each.
      if (job.lastSeq >= entry.job.lastSeq) entry.job = job;
      if (lastMessage && lastMessage.seq >= (entry.lastMessage?.seq ?? 0)) entry.lastMessage = lastMessage;
      if (entry.scheduled) return;
      clearTimeout(entry.timer);
      const wait = entry.sentAt + intervalMs - Date.now();
      if (wait <= 0) return emit(entry);
      entry.scheduled = true;
      const scheduled = entry;
      entry.timer = setTimeout(() => emit(scheduled), wait).unref();
    },
    close() {
      for (const entry of entries.values()) clearTimeout(entry.timer);
      entries.clear();
    },
  };
}
