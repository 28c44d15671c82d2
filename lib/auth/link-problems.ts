/** Why a homeowner link could not be opened, as /link-problem?reason= names it. */
export type LinkProblem = "expired" | "turned_off" | "invalid" | "error";

/** The one wording of each link problem, for errors and for the page that shows them. */
export function describeLinkProblem(problem: LinkProblem, company = "your service company"): string {
  switch (problem) {
    case "expired":
      return `This link has expired. Ask ${company} for a new one.`;
    case "turned_off":
      return `This link was turned off. Ask ${company} for a new one.`;
    case "invalid":
      return "This link is not valid. Check that it was copied completely.";
    default:
      return "We couldn't open this link just now. Please try again in a moment.";
  }
}
