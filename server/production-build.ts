// The production build (.next) and the sources it was made from. `npm start`
// rebuilds only when the sources differ from those of the last complete build,
// so a restart takes seconds; `npm run build` always builds.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** What Next compiles: these folders, and the files at the top of the checkout (configs, package-lock.json). */
const SOURCE_DIRS = ["app", "components", "lib", "public"];
/** Top-level files that `next build` writes itself, or that never reach the build. */
const IGNORED_TOP_FILES = new Set(["next-env.d.ts", "README.md"]);

/**
 * Beside the build: the fingerprint of the sources it was made from and its
 * BUILD_ID. Written only after `next build` succeeded, so an interrupted build
 * (which may already have written BUILD_ID) never counts as current.
 */
const STAMP_FILE = "trio-sources.json";

type Stamp = { sources: string; buildId: string };

export type BuildStatus = { current: true } | { current: false; reason: string };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() ? [full] : [];
  });
}

function sourceFiles(root: string): string[] {
  const top = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith(".") && !IGNORED_TOP_FILES.has(entry.name))
    .filter((entry) => !entry.name.endsWith(".tsbuildinfo"))
    .map((entry) => path.join(root, entry.name));
  const nested = SOURCE_DIRS.map((dir) => path.join(root, dir))
    .filter((dir) => existsSync(dir))
    .flatMap(filesUnder);
  return [...top, ...nested].map((file) => path.relative(root, file)).sort();
}

/** A hash of every source file's path and content: the same checkout gives the same value, whatever the file times. */
export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const file of sourceFiles(root)) {
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(path.join(root, file)))
      .update("\0");
  }
  return hash.digest("hex");
}

function readBuildId(root: string): string | null {
  const file = path.join(root, ".next", "BUILD_ID");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

function readStamp(root: string): Stamp | null {
  try {
    return JSON.parse(readFileSync(path.join(root, ".next", STAMP_FILE), "utf8")) as Stamp;
  } catch {
    return null;
  }
}

export function buildStatus(root: string): BuildStatus {
  const buildId = readBuildId(root);
  const stamp = readStamp(root);
  if (!buildId || !stamp || stamp.buildId !== buildId)
    return { current: false, reason: "no complete production build" };
  if (stamp.sources !== sourceFingerprint(root))
    return { current: false, reason: "the sources changed since the last build" };
  return { current: true };
}

/**
 * Runs `next build` as a child process and, when it succeeds, stamps the build
 * with the fingerprint taken before it began (a file edited during the build
 * makes the next start build again). SIGTERM/SIGINT meanwhile stop the build.
 * Resolves with the exit code.
 */
export async function buildProduction(root: string): Promise<number> {
  const sources = sourceFingerprint(root);
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGTERM", forward).on("SIGINT", forward);
  const code = await new Promise<number>((resolve) => {
    child.once("exit", (exitCode) => resolve(exitCode ?? 1));
  });
  process.off("SIGTERM", forward).off("SIGINT", forward);
  const buildId = readBuildId(root);
  if (code !== 0 || !buildId) return code || 1;
  writeFileSync(path.join(root, ".next", STAMP_FILE), JSON.stringify({ sources, buildId } satisfies Stamp));
  return 0;
}
