// `npm run bench` must not rot: a tiny run, relay and Trio each, proving the
// bench completes and counts deliveries right. Counts only, never speed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { scenarioOptions } from "../../bench/options.ts";
import { render } from "../../bench/report/render.ts";
import { runBench } from "../../bench/run-bench.ts";

const logDir = mkdtempSync(path.join(tmpdir(), "trio-bench-test-"));
afterAll(() => rmSync(logDir, { recursive: true, force: true }));

it("runs the relay and Trio under a tiny load and counts every message delivered once", {
  timeout: 180_000,
}, async () => {
  // DATABASE_URL is this file's database: the Trio node makes its own throwaway one on that server.
  const options = scenarioOptions("ci", { logDir, databaseServer: process.env.DATABASE_URL ?? null });
  const report = await runBench(options);

  for (const target of ["relay", "trio"] as const) {
    const connect = report.connect[target];
    expect(connect, target).toMatchObject({ connectErrors: {}, joinErrors: {}, unanswered: 0 });
    expect(connect.connected, target).toBe(connect.planned);
    expect(connect.joined, target).toBe(connect.threadSockets);
    expect(connect.threadSockets, target).toBe(options.jobs * 3);
  }
  expect(report.windows.map((window) => window.target)).toEqual(["relay", "trio"]);
  for (const window of report.windows) {
    const scheduled = Math.round(options.rate * options.seconds);
    expect(window, window.target).toMatchObject({
      sent: scheduled,
      acked: scheduled,
      errors: {},
      unanswered: 0,
      expected: scheduled * 2,
      delivered: scheduled * 2,
      duplicates: 0,
      misrouted: 0,
      stragglers: 0,
    });
  }
  // Every acked message is stored (Trio: in PostgreSQL), and nothing else.
  expect(report.stored.trio).toEqual({ acked: report.stored.trio.acked, stored: report.stored.trio.acked });
  expect(report.stored.relay.stored).toBe(report.stored.relay.acked);
  expect(render(report, "markdown")).toContain("## Targets");
});
