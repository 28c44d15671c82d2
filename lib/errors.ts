import { ZodError } from "zod";

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  link_expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
/**
 * `retryAfter`: whole seconds (≥ 1) to wait before trying again, with `rate_limited`.
 * `fields`: for a form's `bad_request`, what is wrong with each field, by the field's name.
 */
export type ErrorBody = {
  error: { code: ErrorCode; message: string; retryAfter?: number; fields?: Record<string, string> };
};

/** An error meant for the user: its message is shown as it is. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfter?: number;
  readonly fields?: Record<string, string>;
  constructor(
    code: ErrorCode,
    message: string,
    options: { retryAfter?: number; fields?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    if (options.retryAfter !== undefined) this.retryAfter = Math.max(1, Math.ceil(options.retryAfter));
    if (options.fields) this.fields = options.fields;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const jobNotFound = () => new AppError("not_found", "We couldn't find that job.");

/**
 * A form's input refused field by field: each field's first problem, in the
 * schema's own words (written for the person filling the form), by its path
 * (`name`, `customer.phone`).
 */
export function invalidFields(error: ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    fields[field] ??= issue.message;
  }
  const first = error.issues[0]?.message ?? "Check the form and try again.";
  return new AppError("bad_request", first, { fields });
}

function describeZodError(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request is not valid.";
  const field = issue.path.join(".");
  return field ? `${field}: ${issue.message}` : issue.message;
}

/**
 * Prisma's known request errors, matched by shape: server/ and Next's bundle
 * may each load their own copy of the class.
 */
export function isPrismaError(error: unknown, code?: string): error is Error & { code: string } {
  if (!(error instanceof Error) || error.name !== "PrismaClientKnownRequestError") return false;
  const actual = (error as unknown as { code?: unknown }).code;
  return typeof actual === "string" && (code === undefined || actual === code);
}

/** The one place that turns any thrown value into `{ error: { code, message, retryAfter? } }`. */
export function toErrorBody(error: unknown, context = "request"): ErrorBody {
  if (error instanceof AppError) {
    const { code, message, retryAfter, fields } = error;
    return {
      error: {
        code,
        message,
        ...(retryAfter === undefined ? {} : { retryAfter }),
        ...(fields === undefined ? {} : { fields }),
      },
    };
  }
  if (error instanceof ZodError) return { error: { code: "bad_request", message: describeZodError(error) } };
  if (isPrismaError(error)) {
    if (error.code === "P2002") {
      return { error: { code: "conflict", message: "That was changed by someone else at the same time. Try again." } };
    }
    if (error.code === "P2025") return { error: { code: "not_found", message: "Not found." } };
  }
  console.error(`[trio] unexpected error in ${context}:`, error);
  return { error: { code: "internal", message: "Something went wrong on our side. Please try again." } };
}

export function statusOf(body: ErrorBody): number {
  return ERROR_STATUS[body.error.code];
}
