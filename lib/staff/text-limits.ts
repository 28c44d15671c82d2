// No zod here: the bio editor in the browser reads it too.
/** A line or two on the technician's card. */
export const MAX_BIO_LENGTH = 280;
