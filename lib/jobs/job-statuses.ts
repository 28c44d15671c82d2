// No zod here: browser code needs the list too.
export const JOB_STATUSES = ["REQUESTED", "SCHEDULED", "EN_ROUTE", "ON_SITE", "COMPLETED", "CANCELED"] as const;
