import { z } from "zod";

const limitSchema = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000_000).default(fallback);

const optionalText = z.preprocess((value) => (value === "" ? undefined : value), z.string().min(1).optional());

// Every setting Trio reads, parsed in one place. server/index.ts fills in the
// embedded-mode defaults (DATABASE_URL, NEXTAUTH_SECRET, NEXTAUTH_URL) before
// anything else reads them.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The address to listen on: this machine only unless set (a proxy in front, or 0.0.0.0 in a container). */
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().min(1).optional(),
  /**
   * PostgreSQL connections this node keeps. A send holds one for a single
   * round trip; more requests than connections queue for one, never fail.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /** Boards hear of a busy job at most once per this many ms (and never later). */
  BOARD_UPDATE_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Where embedded PostgreSQL keeps its data, Trio its generated secret, and photos (DATA_DIR/photos). */
  DATA_DIR: z.string().default(".data"),
  /** The public address people use, e.g. https://trio.example.com. */
  APP_URL: z.url().optional(),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  /**
   * Seed demo data (published passwords) into an empty database. Unset: only
   * into the embedded default, never into a DATABASE_URL (server/demo-data.ts).
   */
  SEED_DEMO: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true" || value === "1")),
  /** How often this node looks for what Trio says by itself: visits running late, technicians to announce. */
  JOURNEY_CHECK_INTERVAL_MS: z.coerce.number().int().min(200).max(3_600_000).default(15_000),
  /** Seconds a technician choice must stand before the homeowner is told who is coming. */
  ASSIGNMENT_SETTLE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Minutes past an ETA or a window's end before Trio says the visit runs late. */
  LATE_GRACE_MINUTES: z.coerce.number().int().min(0).max(240).default(5),
  /** Days a homeowner link stays valid. */
  LINK_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * Redis shared by several Trio nodes (redis:// or rediss://). Unset: nothing
   * connects to Redis; limits are kept in this process's memory.
   */
  REDIS_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.url({ protocol: /^rediss?$/, error: "REDIS_URL must be a redis:// or rediss:// address" }).optional(),
  ),
  /**
   * Outgoing mail: smtp://user:pass@host:587 (or smtps://). Unset: in
   * development, mail goes to the /dev/outbox page; in production, none is sent.
   */
  SMTP_URL: optionalText,
  /** The From of every email, e.g. "Brightside Plumbing <jobs@example.com>". */
  MAIL_FROM: z.string().min(3).default("Trio <trio@localhost>"),
  /**
   * The domain of the reply-to addresses homeowners answer emails at
   * (reply+<signed id>@<domain>): mail to it must reach the listener below.
   * Unset: MAIL_FROM's domain.
   */
  REPLY_DOMAIN: optionalText,
  /** Port of the SMTP listener that takes homeowners' email replies. Unset: no listener. */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Twilio (or a Twilio-compatible provider): all three set, texts are sent; else to /dev/outbox in development. */
  SMS_ACCOUNT_SID: optionalText,
  SMS_AUTH_TOKEN: optionalText,
  /** The number texts come from and replies go to, in E.164 (+15550100000). */
  SMS_FROM: optionalText,
  /** The provider's API address: Twilio's by default. */
  SMS_API_URL: z.url().default("https://api.twilio.com"),
  /** The country code for stored numbers written without one ("555 010 2233" → +1 555 010 2233). */
  SMS_COUNTRY_CODE: z
    .string()
    .regex(/^\d{1,3}$/, "SMS_COUNTRY_CODE is digits, like 1 or 44")
    .default("1"),
  /**
   * The country codes texts may go to, comma-separated ("1", "1,44"). Unset:
   * SMS_COUNTRY_CODE's only. A number elsewhere gets no text, so a public form
   * can't be used to run up texts to premium numbers abroad.
   */
  SMS_COUNTRIES: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^\d{1,3}(,\d{1,3})*$/, "SMS_COUNTRIES is country codes separated by commas, like 1,44")
      .optional(),
  ),
  /** Shows /dev/outbox in production too (it is on in development when a channel has no provider). */
  DEV_OUTBOX: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((value) => value === "true" || value === "1"),
  /** How often this node looks for notifications to send, in ms. */
  NOTIFY_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Tries before a notification is given up as failed (shown on the job). */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** The first retry's delay in ms; each next one doubles, with jitter. */
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /**
   * Seconds of quiet after staff's newest message before a homeowner who is
   * away hears of the unread ones: one notification, never one per message.
   */
  MESSAGE_NOTIFY_DELAY_SECONDS: z.coerce.number().int().min(0).max(86_400).default(120),
  /**
   * Web Push (VAPID) keys, base64url, as `web-push generate-vapid-keys` makes
   * them. Unset: generated once and kept in DATA_DIR/vapid-keys.json.
   */
  VAPID_PUBLIC_KEY: optionalText,
  VAPID_PRIVATE_KEY: optionalText,
  /** How push services reach the operator: a mailto: or https: address. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/, "VAPID_SUBJECT is a mailto: or https:// address")
    .default("mailto:trio@localhost"),
  /**
   * Push service hosts a browser's subscription may point at, comma-separated
   * (`*.example.com` for subdomains, `host:port` for one port). Unset: the
   * services of Chrome, Firefox, Safari and Edge (lib/push/push-endpoints.ts).
   */
  PUSH_ENDPOINT_HOSTS: optionalText,
  /** Accept plain-http push endpoints (a local stand-in for a push service in tests). */
  PUSH_ALLOW_HTTP: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((value) => value === "true" || value === "1"),
  /**
   * Seconds of quiet after a homeowner's newest message before their
   * technician's phone is pushed: one push for a burst, not one per message.
   */
  PUSH_MESSAGE_DELAY_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  /** Messages one person may post in one job's thread per minute (a burst of about a third at once). */
  LIMIT_SENDS_PER_MINUTE: limitSchema(30),
  /** Events (of any kind) one socket may send per second, with a burst of as many again. */
  LIMIT_EVENTS_PER_SECOND: limitSchema(20),
  /** `thread:join`s one socket may send per minute. */
  LIMIT_JOINS_PER_MINUTE: limitSchema(60),
  /** Open sockets one staff or homeowner session may hold on one node. */
  LIMIT_SOCKETS_PER_SESSION: limitSchema(20),
  /**
   * Sign-in attempts one client address may make per 15 minutes (every account
   * together). Offices behind one address share it.
   */
  LIMIT_SIGN_INS_PER_ADDRESS: limitSchema(100),
  /** Service requests (the public `/r/<company>` form) one client address may send per hour. */
  LIMIT_REQUESTS_PER_ADDRESS: limitSchema(20),
  /** "Send me a new link" asks one client address may make per hour. */
  LIMIT_NEW_LINKS_PER_ADDRESS: limitSchema(10),
  /** "Send me a new link" asks per hour for one phone number or email: each may send a text or an email. */
  LIMIT_NEW_LINKS_PER_CONTACT: limitSchema(3),
  /** Service requests per hour for one phone number or email, to one company. */
  LIMIT_REQUESTS_PER_CONTACT: limitSchema(5),
  /**
   * How many proxies in front of Trio append to X-Forwarded-For ("true" = 1).
   * 0 (default): the client address is the socket's, and X-Forwarded-For is ignored,
   * so nobody can pick their own address to dodge the sign-in limits.
   */
  TRUST_PROXY: z.preprocess(
    (value) => (value === "true" ? 1 : value === "false" || value === "" ? 0 : value),
    z.coerce.number().int().min(0).max(10).default(0),
  ),
});

export type Env = z.infer<typeof envSchema>;

export function env(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/**
 * DATABASE_URL alone: getDb() asks on every request and socket event, and
 * parsing every setting each time showed in CPU profiles of the hot path.
 */
export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL || undefined;
  if (!url) throw new Error("DATABASE_URL is not set: start Trio through server/index.ts, which provides one.");
  return url;
}

export function requireAuthSecret(): string {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: start Trio through server/index.ts, which provides one.");
  return secret;
}
