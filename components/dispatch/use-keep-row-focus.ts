import { useCallback, useLayoutEffect, useRef } from "react";

/**
 * Keeps the keyboard focus on a job whose row moves to the board's other list
 * ("Needs reply" ⇄ "Other jobs"). React mounts a new button there and the old one
 * leaves the document with the focus, which falls to <body>: a keyboard or
 * screen-reader dispatcher would lose their place.
 *
 * Give each row the returned ref and a `data-job-id`.
 */
export function useKeepRowFocus() {
  const rows = useRef(new Map<string, HTMLElement>());
  const leftFocused = useRef<string | null>(null);

  const rowRef = useCallback((row: HTMLElement | null) => {
    // React passes null only to a ref that returned no cleanup.
    if (!row) return;
    const id = row.dataset.jobId ?? "";
    rows.current.set(id, row);
    // A ref's cleanup runs while the old row is still in the document: the last
    // moment it can tell whether it had the focus.
    return () => {
      if (document.activeElement === row) leftFocused.current = id;
      if (rows.current.get(id) === row) rows.current.delete(id);
    };
  }, []);

  // Runs after every commit, once the new rows' refs are set (children's refs
  // are attached before their parent's layout effects run).
  useLayoutEffect(() => {
    const id = leftFocused.current;
    leftFocused.current = null;
    if (!id) return;
    // Only where the focus fell with the old row: never take it from somewhere else.
    const focus = document.activeElement;
    if (focus && focus !== document.body) return;
    rows.current.get(id)?.focus();
  });

  return rowRef;
}
