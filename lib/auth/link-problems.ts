/**
 * Why a homeowner link could not be opened, as /link-problem?reason= names it;
 * `signed_out`: a page was opened with a homeowner cookie whose session ended.
 */
export type LinkProblem = "expired" | "turned_off" | "invalid" | "signed_out" | "error";

/**
 * A homeowner's session can end while their link still works (the link was
 * opened on many other devices), or because the link ended; opening the link
 * again either lets them back in or says which.
 */
export const SIGNED_OUT = "This page was signed out. Open the link you were sent again to continue.";

/** The one wording of each link problem, for errors and for the page that shows them. */
export function describeLinkProblem(problem: LinkProblem, company = "your service company"): string {
  switch (problem) {
    case "expired":
      return `This link has expired. Ask ${company} for a new one.`;
    case "turned_off":
      return `This link was turned off. Ask ${company} for a new one.`;
    case "signed_out":
      return SIGNED_OUT;
    case "invalid":
      return "This link is not valid. Check that it was copied completely.";
    default:
      return "We couldn't open this link just now. Please try again in a moment.";
  }
}
