/**
 * Replies a company can start from with one tap (the office's empty list
 * offers them; the demo company has them). The company's own words come later.
 */
export const SUGGESTED_QUICK_REPLIES = [
  "Hi {first name}, I'm on my way — see you around {eta}.",
  "Running about 15 minutes late, sorry {first name}.",
  "I'm outside.",
  "Finished up — {technician} here, anything else before I go?",
] as const;
