// `npm run bench -- --flag=value …`: a scenario's defaults, each overridable.
import { parseArgs } from "node:util";
import { z } from "zod";

export type BenchOptions = {
  scenario: string;
  jobs: number;
  companies: number;
  /** Board sockets per company (dispatchers' boards: company room only). */
  boards: number;
  /** Messages per second in the measured windows. */
  rate: number;
  seconds: number;
  /** Sockets opened per second. */
  connectRate: number;
  /** Measured windows per target, alternating relay, Trio, relay, Trio … */
  windows: number;
  knee: boolean;
  kneeRates: number[];
  kneeSeconds: number;
  /** Longest wait after a window for its acks and deliveries. */
  drainSeconds: number;
  /** DATABASE_POOL_SIZE of the Trio node (Trio's default when unset). */
  poolSize: number | null;
  /** fsync and synchronous_commit on, as in production (embedded PostgreSQL only). */
  durable: boolean;
  /** A PostgreSQL server to make the throwaway database on; embedded when null. */
  databaseServer: string | null;
  /** Where JSON + markdown results go; null writes none. */
  resultsDir: string | null;
  /** Where the children's logs go. */
  logDir: string;
};

export const KNEE_P99_MS = 200;
export const KNEE_DELIVERED = 0.999;

const KNEE_RATES = [50, 100, 200, 400, 800, 1200, 1600, 2000, 3000, 4000];

type Scenario = Omit<BenchOptions, "scenario" | "poolSize" | "durable" | "databaseServer" | "resultsDir" | "logDir">;

export const SCENARIOS: Record<string, Scenario> = {
  // The first target: 300 jobs × 3 sockets at 300 msg/s, then the knee.
  default: {
    jobs: 300,
    companies: 10,
    boards: 2,
    rate: 300,
    seconds: 10,
    connectRate: 200,
    windows: 2,
    knee: true,
    kneeRates: KNEE_RATES,
    kneeSeconds: 5,
    drainSeconds: 20,
  },
  // 6,000 sockets joining at 200/s, then 1,000 msg/s.
  big: {
    jobs: 2000,
    companies: 100,
    boards: 2,
    rate: 1000,
    seconds: 10,
    connectRate: 200,
    windows: 2,
    knee: false,
    kneeRates: KNEE_RATES,
    kneeSeconds: 5,
    drainSeconds: 30,
  },
  // A few seconds of tiny load: proves the bench still runs and counts right.
  ci: {
    jobs: 4,
    companies: 1,
    boards: 1,
    rate: 20,
    seconds: 2,
    connectRate: 100,
    windows: 1,
    knee: false,
    kneeRates: KNEE_RATES,
    kneeSeconds: 2,
    drainSeconds: 60,
  },
};

const count = z.coerce.number().int().min(1);
const flagsSchema = z.object({
  scenario: z.enum(Object.keys(SCENARIOS) as [string, ...string[]]).default("default"),
  jobs: count.optional(),
  companies: count.optional(),
  boards: z.coerce.number().int().min(0).optional(),
  rate: z.coerce.number().positive().optional(),
  seconds: z.coerce.number().positive().optional(),
  "connect-rate": z.coerce.number().positive().optional(),
  windows: count.optional(),
  knee: z.boolean().optional(),
  "no-knee": z.boolean().optional(),
  "knee-rates": z
    .string()
    .regex(/^\d+(,\d+)*$/, "a comma-separated list of rates")
    .transform((list) => list.split(",").map(Number))
    .optional(),
  "knee-seconds": z.coerce.number().positive().optional(),
  "drain-seconds": z.coerce.number().positive().optional(),
  "pool-size": count.optional(),
  "fast-db": z.boolean().optional(),
  "results-dir": z.string().optional(),
});

export const USAGE = `npm run bench -- [--scenario=default|big|ci] [--jobs=N] [--companies=N] [--boards=N]
  [--rate=MSG_PER_S] [--seconds=S] [--connect-rate=SOCKETS_PER_S] [--windows=N]
  [--knee | --no-knee] [--knee-rates=50,100,…] [--knee-seconds=S] [--drain-seconds=S]
  [--pool-size=N] [--fast-db] [--results-dir=DIR]`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, defaultResultsDir: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      scenario: { type: "string" },
      jobs: { type: "string" },
      companies: { type: "string" },
      boards: { type: "string" },
      rate: { type: "string" },
      seconds: { type: "string" },
      "connect-rate": { type: "string" },
      windows: { type: "string" },
      knee: { type: "boolean" },
      "no-knee": { type: "boolean" },
      "knee-rates": { type: "string" },
      "knee-seconds": { type: "string" },
      "drain-seconds": { type: "string" },
      "pool-size": { type: "string" },
      "fast-db": { type: "boolean" },
      "results-dir": { type: "string" },
    },
  });
  const flags = flagsSchema.parse(values);
  const base = SCENARIOS[flags.scenario]!;
  const resultsDir = flags["results-dir"] ?? defaultResultsDir;
  return {
    scenario: flags.scenario,
    jobs: flags.jobs ?? base.jobs,
    companies: Math.min(flags.companies ?? base.companies, flags.jobs ?? base.jobs),
    boards: flags.boards ?? base.boards,
    rate: flags.rate ?? base.rate,
    seconds: flags.seconds ?? base.seconds,
    connectRate: flags["connect-rate"] ?? base.connectRate,
    windows: flags.windows ?? base.windows,
    knee: flags["no-knee"] ? false : (flags.knee ?? base.knee),
    kneeRates: flags["knee-rates"] ?? base.kneeRates,
    kneeSeconds: flags["knee-seconds"] ?? base.kneeSeconds,
    drainSeconds: flags["drain-seconds"] ?? base.drainSeconds,
    poolSize: flags["pool-size"] ?? null,
    durable: !flags["fast-db"],
    databaseServer: env.DATABASE_URL ?? null,
    resultsDir,
    logDir: resultsDir,
  };
}

/** A scenario's options as a test or script asks for them, without flags. */
export function scenarioOptions(
  name: string,
  overrides: Partial<BenchOptions> & Pick<BenchOptions, "logDir">,
): BenchOptions {
  const base = SCENARIOS[name];
  if (!base) throw new Error(`unknown scenario ${name}`);
  return {
    scenario: name,
    ...base,
    poolSize: null,
    durable: true,
    databaseServer: null,
    resultsDir: null,
    ...overrides,
  };
}
