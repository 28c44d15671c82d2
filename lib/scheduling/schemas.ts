import { z } from "zod";
import { idSchema } from "../ids.ts";

const HOUR_MS = 60 * 60 * 1000;
/** Longest arrival window: a working day. */
export const MAX_WINDOW_HOURS = 12;
/** Furthest ahead a visit can be booked. */
export const MAX_DAYS_AHEAD = 366;

const instant = z.iso.datetime({ offset: true, message: "must be an ISO date-time" });
const windowShape = { windowStart: instant, windowEnd: instant };

/** An arrival window someone can be held to: it ends after it starts, hasn't ended, and isn't a whole day. */
function checkWindow({ windowStart, windowEnd }: { windowStart: string; windowEnd: string }, ctx: z.RefinementCtx) {
  const start = Date.parse(windowStart);
  const end = Date.parse(windowEnd);
  const problem =
    end <= start
      ? "The window must end after it starts."
      : end <= Date.now()
        ? "That window is already over. Pick a later one."
        : end - start > MAX_WINDOW_HOURS * HOUR_MS
          ? `A window can be at most ${MAX_WINDOW_HOURS} hours long.`
          : start > Date.now() + MAX_DAYS_AHEAD * 24 * HOUR_MS
            ? "That is more than a year ahead."
            : null;
  // No path: the sentence is for the person picking, not about one field.
  if (problem) ctx.addIssue({ code: "custom", message: problem, path: [] });
}

export const windowSchema = z.strictObject(windowShape).superRefine(checkWindow);
export type WindowInput = z.infer<typeof windowSchema>;

export const scheduleInputSchema = z.strictObject({ jobId: idSchema, ...windowShape }).superRefine(checkWindow);
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;
