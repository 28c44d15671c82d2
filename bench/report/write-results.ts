// bench/results/<timestamp>.json and .md (git-ignored).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchReport } from "../run-bench.ts";
import { render } from "./render.ts";
import { checkTargets } from "./targets.ts";

export function writeResults(report: BenchReport, dir: string) {
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, report.run.id);
  writeFileSync(`${base}.json`, `${JSON.stringify({ ...report, targets: checkTargets(report) }, null, 2)}\n`);
  writeFileSync(`${base}.md`, `${render(report, "markdown")}\n`);
  return { json: `${base}.json`, markdown: `${base}.md` };
}
