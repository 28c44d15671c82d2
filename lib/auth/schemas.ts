import { z } from "zod";
import { linkTokenSchema } from "./tokens.ts";

/** Staff sign-in, from the scripted form (next-auth) and the plain form post alike. */
export const signInSchema = z.object({
  email: z.email("Enter a valid email address.").max(254).toLowerCase(),
  password: z.string().min(1, "Enter your password.").max(200),
});

export type SignInInput = z.infer<typeof signInSchema>;

// NIST SP 800-63B: at least 8 characters, no composition rules.
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

/** Setting a new password through a reset link. */
export const passwordResetSchema = z
  .object({
    token: linkTokenSchema,
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(MAX_PASSWORD_LENGTH, `A password can be at most ${MAX_PASSWORD_LENGTH} characters.`),
    confirm: z.string(),
  })
  .refine((input) => input.password === input.confirm, {
    message: "The two passwords don't match.",
    path: ["confirm"],
  });

export type PasswordResetInput = z.infer<typeof passwordResetSchema>;
