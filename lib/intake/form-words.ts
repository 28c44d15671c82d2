// What the request page says about a field sent back by the plain form post
// (no script): the URL names only the fields, every word here is ours.
import { MAX_PREFERRED_TIMES_LENGTH, MAX_PROBLEM_LENGTH } from "./schemas.ts";

export const FIELD_WORDS: Record<string, string> = {
  name: "Tell us your name.",
  phone: "Check the phone number, or give an email instead.",
  email: "Check the email address.",
  address: "Tell us where the work is.",
  problem: `Tell us what's wrong, in at most ${MAX_PROBLEM_LENGTH} characters.`,
  preferredTimes: `Keep preferred times to ${MAX_PREFERRED_TIMES_LENGTH} characters.`,
  channel: "Choose how we should keep you posted.",
};

export function formErrorWords(error: string | undefined, fields: string | undefined) {
  const byField: Record<string, string> = {};
  for (const name of (fields ?? "").split(",")) {
    const words = FIELD_WORDS[name];
    if (words) byField[name] = words;
  }
  let summary: string | null = null;
  if (error === "rate_limited") summary = "We've had several requests from you just now. Try again later, or call us.";
  else if (error === "bad_request") summary = "Some details need a second look. You'll need to fill the form in again.";
  else if (error) summary = "That didn't go through. Please try again.";
  return { byField, summary };
}
