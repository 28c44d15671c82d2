"use client";

import { useEffect } from "react";

/**
 * Keeps the tab's title as given while the component is shown. Next writes
 * the page's metadata title into the head after the page has rendered
 * (metadata streams in), which would overwrite a title set once: so the head
 * is watched and the title put back whenever something else changes it.
 */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    const apply = () => {
      if (document.title !== title) document.title = title;
    };
    apply();
    const watcher = new MutationObserver(apply);
    watcher.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => watcher.disconnect();
  }, [title]);
}
