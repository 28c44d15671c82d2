// How Trio stops: SIGTERM or SIGINT undo what was started, newest first (web
// server, database client, database), and exit 0. Installed first thing (by
// server/start.ts before the server's modules load, or by server/index.ts), so
// a signal at any moment is handled: without a listener Node dies of it at once.

type Cleanup = () => Promise<unknown>;

/** A signal during start-up waits this long at most for it to settle. */
const STARTUP_WAIT_MS = 30_000;
/** Cleanups that take longer than this end in exit code 1. */
const STOP_TIMEOUT_MS = 10_000;

const cleanups: Cleanup[] = [];
let starting: Promise<boolean> = Promise.resolve(true);
let stopping = false;
let signalCount = 0;
let installed = false;

const log = (line: string) => console.log(`[trio] ${line}`);

/** Something to undo at exit; undone in the reverse order of adding. */
export function addCleanup(cleanup: Cleanup) {
  cleanups.push(cleanup);
}

/**
 * A signal while this runs waits for it to settle (up to a bound), so nothing
 * it was starting, such as the embedded database, is left running. Resolves
 * whether it succeeded.
 */
export function whileStarting(work: Promise<unknown>): Promise<boolean> {
  starting = work.then(
    () => true,
    (error: unknown) => {
      console.error(`[trio] Could not start: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    },
  );
  return starting;
}

/** Whether SIGTERM or SIGINT has arrived: whatever is starting should not go on. */
export const signalled = () => signalCount > 0;

async function stop(code: number) {
  setTimeout(() => process.exit(1), STOP_TIMEOUT_MS).unref();
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error("[trio]", error));
  if (code === 0) log("Stopped.");
  process.exit(code);
}

export function shutDown(code: number) {
  if (stopping) return;
  stopping = true;
  void stop(code);
}

/** Start-up has settled: the work that was starting, and any that began meanwhile. */
async function startupSettled(): Promise<boolean> {
  let current: Promise<boolean>;
  let ok: boolean;
  do {
    current = starting;
    ok = await current;
  } while (current !== starting);
  return ok;
}

export function handleSignals() {
  if (installed) return;
  installed = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      signalCount += 1;
      if (stopping || signalCount > 1) return;
      log(`${signal}: shutting down …`);
      const waited = new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STARTUP_WAIT_MS).unref());
      void Promise.race([startupSettled(), waited]).then((ok) => shutDown(ok ? 0 : 1));
    });
  }
}
