// The targets, each met, missed, or not measured by this run.
import type { KneeResult } from "../knee.ts";
import { KNEE_DELIVERED, KNEE_P99_MS } from "../options.ts";
import type { BenchReport } from "../run-bench.ts";
import type { WindowSummary } from "../summarize.ts";

export type TargetCheck = { target: string; status: "met" | "missed" | "not measured"; measured: string };

const verdict = (ok: boolean) => (ok ? "met" : "missed");
const times = (value: number | null) => (value === null ? "n/a" : `${value}×`);
const delivered = (window: WindowSummary) =>
  `${window.deliveredPct} % (${window.delivered.toLocaleString("en-US")} of ${window.expected.toLocaleString("en-US")})`;

export function checkTargets(report: BenchReport): TargetCheck[] {
  const { options, pooled, ratios, connect, knee, stored } = report;
  const load = `${options.jobs} jobs at ${options.rate} msg/s`;
  const checks: TargetCheck[] = [];
  const add = (
    target: string,
    applies: boolean,
    ok: () => boolean,
    measured: () => string,
    why = `this run: ${load}`,
  ) =>
    checks.push(
      applies
        ? { target, status: verdict(ok()), measured: measured() }
        : { target, status: "not measured", measured: why },
    );

  const isDefault = options.jobs === 300 && options.rate === 300;
  add(
    "300 jobs × 3 sockets at 300 msg/s: 100 % delivered",
    isDefault,
    () => pooled.trio.delivered === pooled.trio.expected,
    () => `Trio ${delivered(pooled.trio)}; relay ${pooled.relay.deliveredPct} %`,
  );
  add(
    "300 jobs × 3 at 300 msg/s: deliver p99 ≤ 3× relay",
    isDefault,
    () => ratios.deliverP99 !== null && ratios.deliverP99 <= 3,
    () =>
      `Trio ${pooled.trio.deliverMs.p99 ?? "–"} ms / relay ${pooled.relay.deliverMs.p99 ?? "–"} ms = ${times(ratios.deliverP99)}`,
  );
  add(
    "300 jobs × 3 at 300 msg/s: server + database CPU per message ≤ 4× relay",
    isDefault,
    () => ratios.cpuPerMessage !== null && ratios.cpuPerMessage <= 4,
    () =>
      `Trio ${pooled.trio.cpuPer1000S ?? "–"} / relay ${pooled.relay.cpuPer1000S ?? "–"} CPU-s per 1,000 = ${times(ratios.cpuPerMessage)}`,
  );

  const trioKnee = knee?.find((result) => result.target === "trio");
  const relayKnee = knee?.find((result) => result.target === "relay");
  add(
    `Knee ≥ 2,000 msg/s (p99 ≤ ${KNEE_P99_MS} ms, ≥ ${KNEE_DELIVERED * 100} % delivered), every acked message stored`,
    trioKnee !== undefined,
    () => (trioKnee?.knee ?? 0) >= 2000 && stored.trio.stored >= stored.trio.acked,
    () =>
      `Trio ${kneeText(trioKnee)}, relay ${kneeText(relayKnee)}; ` +
      `Trio stored ${stored.trio.stored.toLocaleString("en-US")} of ${stored.trio.acked.toLocaleString("en-US")} acked`,
    "the knee was not run (--knee)",
  );

  const isBig = options.jobs >= 2000;
  add(
    "6,000 sockets (2,000 jobs) join at 200/s",
    isBig && options.connectRate === 200,
    () => connect.trio.connected === connect.trio.planned && connect.trio.joined === connect.trio.threadSockets,
    () =>
      `Trio ${connect.trio.joined.toLocaleString("en-US")} of ${connect.trio.threadSockets.toLocaleString("en-US")} joined, all ready in ${connect.trio.allReadyS.toFixed(1)} s; ` +
      `relay ${connect.relay.joined.toLocaleString("en-US")} in ${connect.relay.allReadyS.toFixed(1)} s`,
    "run with --scenario=big",
  );
  add(
    "… then 1,000 msg/s: 100 % delivered, p99 ≤ 3× relay",
    isBig && options.rate === 1000,
    () => pooled.trio.delivered === pooled.trio.expected && ratios.deliverP99 !== null && ratios.deliverP99 <= 3,
    () =>
      `Trio ${delivered(pooled.trio)}, p99 ${pooled.trio.deliverMs.p99 ?? "–"} ms = ${times(ratios.deliverP99)} relay`,
  );
  add(
    "Heap per socket ≤ 1.5× relay",
    true,
    () => ratios.heapPerSocket !== null && ratios.heapPerSocket <= 1.5,
    () =>
      `Trio ${connect.trio.heapPerSocketKiB ?? "–"} KiB / relay ${connect.relay.heapPerSocketKiB ?? "–"} KiB = ${times(ratios.heapPerSocket)}`,
  );
  return checks;
}

export function kneeText(result: KneeResult | undefined): string {
  if (!result) return "not run";
  if (result.knee === null) return `< ${result.steps[0]?.rate ?? "?"} msg/s`;
  // Every rate tried passed: the knee lies higher still.
  return `${result.missedAt === null ? "≥ " : ""}${result.knee.toLocaleString("en-US")} msg/s`;
}
