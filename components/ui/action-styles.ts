// The big-target buttons and fields of the status steps and their pickers
// (thumb-sized on a phone), in one place so they stay alike.

/** The step to take: "Complete the job", a preset window, "15 min". */
export const ACTION =
  "min-h-12 rounded-xl bg-emerald-700 px-4 text-base font-semibold text-white hover:bg-emerald-800 disabled:opacity-60";
/** A second way to answer: "Set time", "Set window". */
export const ACTION_OUTLINE =
  "min-h-12 rounded-xl border border-emerald-700 px-4 text-base font-semibold text-emerald-900 hover:bg-emerald-50 disabled:opacity-60";
/** Back, cancel, change: "Step back", "Not sure yet". */
export const SECONDARY =
  "min-h-12 rounded-xl border border-slate-400 px-4 text-base text-slate-800 hover:bg-slate-100 disabled:opacity-60";
/** A date or time field beside those buttons. */
export const PICKER_FIELD = "min-h-12 rounded-lg border border-slate-400 bg-white px-2 text-base";
