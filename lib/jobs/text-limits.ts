// Lengths the job forms and the doors agree on. No zod here: the browser
// bundle imports these, and stays free of zod's eval probe (a strict CSP reports it).

/** What the technician did, written into the thread with "Job complete". */
export const MAX_WORK_SUMMARY_LENGTH = 1000;
/** Why a dispatcher took a status step back. */
export const MAX_STEP_BACK_REASON_LENGTH = 300;
/** A search of closed jobs. */
export const MAX_JOB_SEARCH_LENGTH = 100;
