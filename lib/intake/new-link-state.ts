/** What a "Send me a new link" form posted without script came back saying (the page's `newLink` query). */
export type NewLinkState = "sent" | "limited" | "invalid" | null;

export const newLinkState = (value: string | undefined): NewLinkState =>
  value === "sent" || value === "limited" || value === "invalid" ? value : null;
