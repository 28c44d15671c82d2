// The report as readable text (stdout) or markdown (bench/results/*.md).
import type { KneeResult } from "../knee.ts";
import type { BenchReport } from "../run-bench.ts";
import type { ConnectSummary, WindowSummary } from "../summarize.ts";
import { type Cell, table } from "./table.ts";
import { checkTargets, kneeText } from "./targets.ts";

type Style = "text" | "markdown";

const errorsText = (errors: Record<string, number>) =>
  Object.entries(errors)
    .map(([code, count]) => `${code} ${count}`)
    .join(", ") || "0";

const WINDOW_HEADERS = [
  "window",
  "target",
  "msg/s",
  "sent",
  "acked",
  "error acks",
  "no ack",
  "delivered",
  "dup",
  "ack p50",
  "ack p99",
  "deliver p50",
  "p90",
  "p99",
  "max",
  "CPU-s/1k",
  "job:updated",
  "gen lag",
  "gen CPU",
];

function windowRow(window: WindowSummary): Cell[] {
  return [
    window.label,
    window.target,
    window.rate,
    window.sent,
    window.acked,
    errorsText(window.errors),
    window.unanswered,
    `${window.deliveredPct} %`,
    window.duplicates + window.misrouted,
    window.ackMs.p50,
    window.ackMs.p99,
    window.deliverMs.p50,
    window.deliverMs.p90,
    window.deliverMs.p99,
    window.deliverMs.max,
    window.cpuPer1000S,
    window.summaries,
    window.maxLagMs,
    `${Math.round((100 * window.loadCpuS) / window.elapsedS)} %`,
  ];
}

function connectRow(summary: ConnectSummary): Cell[] {
  const failed = { ...summary.connectErrors, ...summary.joinErrors };
  return [
    summary.target,
    summary.planned,
    summary.connected,
    `${summary.joined}/${summary.threadSockets}`,
    errorsText(failed),
    summary.unanswered,
    summary.allReadyS.toFixed(1),
    summary.readyMs.p50,
    summary.readyMs.p99,
    summary.cpuMsPerSocket,
    summary.heapPerSocketKiB,
    summary.rssPerSocketKiB,
  ];
}

function kneeRows(knee: KneeResult[]): Cell[][] {
  return knee.flatMap((result) =>
    result.steps.map((step) => [
      result.target,
      step.rate,
      `${step.deliveredPct} %`,
      step.deliverMs.p99,
      step.ackMs.p99,
      step.cpuPer1000S,
      `${step.pass ? "pass" : "miss"}${step.retry ? " (again)" : ""}`,
    ]),
  );
}

export function render(report: BenchReport, style: Style): string {
  const { options, run } = report;
  const heading = (text: string) => (style === "markdown" ? `\n## ${text}\n` : `\n${text}\n${"=".repeat(text.length)}`);
  const x = (value: number | null) => (value === null ? "–" : `${value}×`);
  const out: string[] = [];
  out.push(
    style === "markdown" ? `# Trio bench ${run.id}` : `Trio bench ${run.id}`,
    "",
    `Commit ${run.commit ?? "unknown"}${run.uncommitted.length ? ` plus uncommitted changes to ${run.uncommitted.join(", ")}` : ""}; ` +
      `${run.machine.cpus} × ${run.machine.model}, ${run.machine.memoryGiB} GiB, Node ${run.machine.node}.`,
    `Scenario ${options.scenario}: ${options.jobs} jobs in ${options.companies} companies, ` +
      `${report.sockets.thread} thread sockets + ${report.sockets.board} board sockets per target, opened at ${options.connectRate}/s; ` +
      `${options.windows} window(s) per target of ${options.rate} msg/s for ${options.seconds} s. Trio: ${report.database}.`,
  );

  out.push(heading("Connect and join"));
  out.push(
    table(
      [
        "target",
        "sockets",
        "connected",
        "joined",
        "failed",
        "no answer",
        "all ready s",
        "ready p50 ms",
        "ready p99 ms",
        "CPU ms/socket",
        "heap KiB/socket",
        "RSS KiB/socket",
      ],
      [connectRow(report.connect.relay), connectRow(report.connect.trio)],
      style,
    ),
  );

  out.push(heading(`Windows at ${options.rate} msg/s (latencies in ms from the intended send time)`));
  out.push(
    table(
      WINDOW_HEADERS,
      [...report.windows.map(windowRow), windowRow(report.pooled.relay), windowRow(report.pooled.trio)],
      style,
    ),
  );
  out.push(
    "",
    `Trio / relay: deliver p99 ${x(report.ratios.deliverP99)}, ack p99 ${x(report.ratios.ackP99)}, ` +
      `CPU per message (server + database) ${x(report.ratios.cpuPerMessage)}, heap per socket ${x(report.ratios.heapPerSocket)}, ` +
      `RSS per socket ${x(report.ratios.rssPerSocket)}, CPU per socket opened ${x(report.ratios.cpuPerSocket)}.`,
    `Stored after the run: Trio ${report.stored.trio.stored} of ${report.stored.trio.acked} acked; relay ${report.stored.relay.stored} of ${report.stored.relay.acked}.`,
  );

  if (report.knee) {
    out.push(heading("Knee (highest rate with deliver p99 ≤ 200 ms and ≥ 99.9 % delivered)"));
    out.push(
      table(
        ["target", "msg/s", "delivered", "deliver p99", "ack p99", "CPU-s/1k", "result"],
        kneeRows(report.knee),
        style,
      ),
    );
    out.push("", report.knee.map((result) => `${result.target}: ${kneeText(result)}`).join("; "));
  }

  out.push(heading("Targets"));
  out.push(
    table(
      ["target", "status", "measured"],
      checkTargets(report).map((check) => [check.target, check.status, check.measured]),
      style,
    ),
  );
  return out.join("\n");
}
