// The carrier keywords every text number must honour. A keyword is the whole
// message (trimmed, any case): "Stop by at 3?" is a message, not an opt-out.

export type SmsKeyword = "stop" | "start" | "help";

const KEYWORDS: Record<string, SmsKeyword> = {
  STOP: "stop",
  STOPALL: "stop",
  UNSUBSCRIBE: "stop",
  CANCEL: "stop",
  END: "stop",
  QUIT: "stop",
  START: "start",
  YES: "start",
  UNSTOP: "start",
  HELP: "help",
  INFO: "help",
};

/**
 * The keyword a text is, or null. Twilio's Advanced Opt-Out names the type it
 * matched (`OptOutType`: STOP, START, HELP), which also covers keywords an
 * operator added in Twilio's console.
 */
export function keywordOf(body: string, optOutType?: string): SmsKeyword | null {
  const named = optOutType ? KEYWORDS[optOutType.trim().toUpperCase()] : undefined;
  if (named) return named;
  return KEYWORDS[body.trim().toUpperCase()] ?? null;
}
