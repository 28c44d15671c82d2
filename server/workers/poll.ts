/**
 * Runs `pass` every `intervalMs`, one at a time: a pass still under way when
 * the timer fires is not doubled. A pass that throws is logged and tried again
 * at the next tick. The timer never keeps the process alive. Returns the stop,
 * which waits for a pass under way.
 */
export function startPolling(
  what: string,
  intervalMs: number,
  pass: () => Promise<void>,
  log: (line: string) => void,
  { atStart = false } = {},
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        await pass();
      } catch (error) {
        log(`${what} failed (tried again later): ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = null;
      }
    })();
  };
  if (atStart) run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}

/** True at most once every `ms`: for the slower questions a fast loop asks now and then. */
export function every(ms: number): () => boolean {
  let last = 0;
  return () => {
    if (Date.now() - last < ms) return false;
    last = Date.now();
    return true;
  };
}
