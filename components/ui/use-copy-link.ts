"use client";

import { useRef, useState } from "react";

/**
 * Copying a link from its read-only field: to the clipboard when the browser
 * allows it, else the field's text is selected, ready to copy by hand (no
 * clipboard on plain http away from localhost). `copied` says which happened.
 */
export function useCopyLink(url: string) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = async () => {
    field.current?.select();
    if (!navigator.clipboard) return setCopied("no");
    await navigator.clipboard.writeText(url).then(
      () => setCopied("yes"),
      () => setCopied("no"),
    );
  };
  return { field, copied, copy };
}
