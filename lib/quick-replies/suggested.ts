/**
 * Replies a company can start from with one tap (the office's empty list
 * offers them; the demo company has them). The company's own words come later.
 * Worded unlike the thread's own buttons ("I'm on my way", "Job complete"):
 * a chip is a button too, and two buttons saying the same thing confuse a
 * screen-reader user (and a test looking for one of them).
 */
export const SUGGESTED_QUICK_REPLIES = [
  "Hi {first name}, heading over now — see you around {eta}.",
  "Running about 15 minutes late, sorry {first name}.",
  "I'm outside.",
  "Wrapping up — {technician} here. Anything else before I go?",
] as const;
