import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startPolling } from "../../server/workers/poll.ts";

describe("startPolling", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs one pass at a time: a tick during a slow pass starts no second one", async () => {
    let passes = 0;
    let finish = () => {};
    const pass = () => {
      passes += 1;
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    };
    const stop = startPolling("Test", 100, pass, () => {});
    await vi.advanceTimersByTimeAsync(100);
    expect(passes).toBe(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(passes).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(passes).toBe(2);
    finish();
    await stop();
  });

  it("logs a failed pass and tries again at the next tick", async () => {
    const lines: string[] = [];
    let calls = 0;
    const stop = startPolling(
      "Test pass",
      100,
      async () => {
        calls += 1;
        if (calls === 1) throw new Error("database away");
      },
      (line) => lines.push(line),
    );
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toBe(2);
    expect(lines).toEqual(["Test pass failed (tried again later): database away"]);
    await stop();
  });

  it("runs at start when asked, and its stop waits for the pass under way, then starts no more", async () => {
    let passes = 0;
    let finished = false;
    let finish = () => {};
    const stop = startPolling(
      "Test",
      100,
      () => {
        passes += 1;
        return new Promise<void>((resolve) => {
          finish = () => {
            finished = true;
            resolve();
          };
        });
      },
      () => {},
      { atStart: true },
    );
    expect(passes).toBe(1);
    const stopped = stop();
    let done = false;
    void stopped.then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    finish();
    await stopped;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(passes).toBe(1);
  });
});
