import { z } from "zod";

/** Staff sign-in, from the scripted form (next-auth) and the plain form post alike. */
export const signInSchema = z.object({
  email: z.email("Enter a valid email address.").max(254).toLowerCase(),
  password: z.string().min(1, "Enter your password.").max(200),
});

export type SignInInput = z.infer<typeof signInSchema>;
