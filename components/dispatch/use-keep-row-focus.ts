import { useLayoutEffect } from "react";

/**
 * Keeps the keyboard focus on a job whose row a live update moves over to the
 * board's other list ("Needs reply" ⇄ "Other jobs"): React mounts a new button
 * there, the old one leaves the page with the focus, and the browser drops it
 * to <body>; a keyboard or screen-reader dispatcher would lose their place.
 * (A row re-sorted within its list keeps its button, and the focus.)
 *
 * Call it in the component that renders the rows; give each row `data-job-id`.
 */
export function useKeepRowFocus() {
  // Read as the render begins, while the page is still as it was: the job whose row has the focus.
  const focused =
    typeof document === "undefined" ? undefined : (document.activeElement as HTMLElement | null)?.dataset.jobId;
  useLayoutEffect(() => {
    // Only where the focus fell with the row: never take it from somewhere the person went.
    if (!focused || (document.activeElement && document.activeElement !== document.body)) return;
    document.querySelector<HTMLElement>(`[data-job-id="${focused}"]`)?.focus();
  });
}
