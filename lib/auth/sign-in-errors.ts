/** What the sign-in form learns (as next-auth's `error`) when an email is locked for now. */
export const TOO_MANY_SIGN_INS = "TooManySignIns";
