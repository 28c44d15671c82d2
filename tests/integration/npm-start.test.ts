// `npm start` as an operator runs it: a real npm, a real server and its embedded
// PostgreSQL, stopped with SIGTERM to the npm process.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../server/embedded-postgres.ts";
import { commandLine, descendants, processesMatching, stillRunning } from "../support/processes.ts";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = mkdtempSync(path.join(tmpdir(), "trio-start-"));
chmodSync(dataDir, 0o755);
// The first start builds when the checkout has no current build (`npm test` builds before this runs).
const FIRST_START_TIMEOUT_MS = 600_000;
const START_TIMEOUT_MS = 120_000;

type Started = { npm: ChildProcess; output: string[]; url: string; link: string };

async function npmStart(port: number): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  // The README's path: embedded database, generated secret, default address.
  for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "APP_URL", "SEED_DEMO", "HOST", "NODE_ENV"]) {
    delete env[name];
  }
  const npm = spawn("npm", ["start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  npm.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  npm.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const link = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const found = output.join("").match(/Demo homeowner link: (\S+)/)?.[1];
      if (found) resolve(found);
    };
    npm.stdout?.on("data", check);
    npm.once("exit", (code) =>
      reject(new Error(`npm start exited (${code}) before it was ready:\n${output.join("")}`)),
    );
  });
  return { npm, output, url: `http://localhost:${port}`, link };
}

/** A signal to the npm process only, as a process manager sends it; resolves with npm's exit. */
async function stopWith(npm: ChildProcess, signal: "SIGTERM" | "SIGINT" = "SIGTERM") {
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.once("exit", (code, signal) => resolve({ code, signal })),
  );
  npm.kill(signal);
  return exited;
}

async function answers(url: string) {
  return fetch(`${url}/api/health`).then(
    (response) => response.ok,
    () => false,
  );
}

const buildIdFile = path.join(root, ".next", "BUILD_ID");
const started: ChildProcess[] = [];
let firstLink = "";

afterAll(() => {
  for (const npm of started) if (npm.exitCode === null) npm.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it(
    "serves Trio, and SIGTERM to npm stops the server and its PostgreSQL and exits 0",
    async () => {
      const port = await freePort();
      const first = await npmStart(port);
      started.push(first.npm);
      firstLink = first.link;
      expect(await answers(first.url)).toBe(true);
      expect(first.output.join("")).toContain("Demo sign-ins");

      const processes = new Map<number, string>();
      for (const pid of descendants(first.npm.pid ?? 0)) {
        const command = commandLine(pid);
        if (command) processes.set(pid, command);
      }
      const postgres = [...processes.values()].filter((command) => command.includes(path.join(dataDir, "pg")));
      expect(postgres).toHaveLength(1);

      const exit = await stopWith(first.npm);
      expect(first.output.join("")).toContain("Stopped.");
      expect(exit).toEqual({ code: 0, signal: null });
      expect(await answers(first.url)).toBe(false);
      expect(stillRunning(processes)).toEqual([]);
      expect(processesMatching(path.join(dataDir, "pg"))).toEqual([]);
    },
    FIRST_START_TIMEOUT_MS,
  );

  // Two moments of start-up: while the server's modules load, and while the database starts.
  it.each(["The production build is up to date", "Starting embedded PostgreSQL"])(
    "SIGTERM while it is still starting (after %j) exits 0 and leaves nothing running",
    async (marker) => {
      const port = await freePort();
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
      for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "APP_URL", "NODE_ENV"]) delete env[name];
      const npm = spawn("npm", ["start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
      started.push(npm);
      const output: string[] = [];
      npm.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
      const processes = new Map<number, string>();
      await new Promise<void>((resolve) => {
        npm.stdout?.on("data", (chunk: Buffer) => {
          output.push(chunk.toString());
          if (!output.join("").includes(marker)) return;
          for (const pid of descendants(npm.pid ?? 0)) {
            const command = commandLine(pid);
            if (command) processes.set(pid, command);
          }
          resolve();
        });
      });
      const exit = await stopWith(npm);
      expect(exit, output.join("")).toEqual({ code: 0, signal: null });
      expect(await answers(`http://localhost:${port}`)).toBe(false);
      expect(stillRunning(processes)).toEqual([]);
      // PostgreSQL runs in a session of its own: look for it anywhere, by its data directory.
      expect(processesMatching(path.join(dataDir, "pg"))).toEqual([]);
    },
    START_TIMEOUT_MS,
  );

  it(
    "a second start on an unchanged checkout does not build again, prints the same demo link, and stops on SIGINT",
    async () => {
      const buildId = readFileSync(buildIdFile, "utf8");
      const builtAt = statSync(buildIdFile).mtimeMs;
      const port = await freePort();
      const second = await npmStart(port);
      started.push(second.npm);
      expect(await answers(second.url)).toBe(true);
      const output = second.output.join("");
      expect(output).toContain("The production build is up to date; not rebuilding.");
      expect(output).not.toContain("Building for production");
      expect(readFileSync(buildIdFile, "utf8")).toBe(buildId);
      expect(statSync(buildIdFile).mtimeMs).toBe(builtAt);
      expect(new URL(second.link).pathname).toBe(new URL(firstLink).pathname);
      // Ctrl-C in a terminal: SIGINT does the same.
      expect(await stopWith(second.npm, "SIGINT")).toEqual({ code: 0, signal: null });
      expect(second.output.join("")).toContain("Stopped.");
      expect(await answers(second.url)).toBe(false);
      expect(processesMatching(path.join(dataDir, "pg"))).toEqual([]);
    },
    START_TIMEOUT_MS,
  );
});
