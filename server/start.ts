// `npm start`: build when the sources changed since the last build, then run
// the server in this same process, so SIGTERM/SIGINT sent to `npm start` (npm
// passes them on) reach the server itself, which stops the database and exits.
import { buildProduction, buildStatus } from "./production-build.ts";

const log = (line: string) => console.log(`[trio] ${line}`);
const root = process.cwd();

process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const status = buildStatus(root);
if (status.current) {
  log("The production build is up to date; not rebuilding.");
} else {
  log(`Building for production (${status.reason}) …`);
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  process.once("SIGTERM", stop).once("SIGINT", stop);
  const code = await buildProduction(root);
  process.off("SIGTERM", stop).off("SIGINT", stop);
  if (stopped) {
    log("Stopped during the build.");
    process.exit(0);
  }
  if (code !== 0) {
    console.error(`[trio] The build failed (exit code ${code}); not starting.`);
    process.exit(code);
  }
}

// Set before Next and React are loaded: they pick their production code from it.
Object.assign(process.env, { NODE_ENV: "production" });
await import("./index.ts");
