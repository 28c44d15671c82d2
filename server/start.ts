// `npm start`: build when the sources changed since the last build, then run
// the server in this same process, so SIGTERM/SIGINT sent to `npm start` (npm
// passes them on) reach the server itself, which stops the database and exits.
import { buildProduction, buildStatus } from "./production-build.ts";
import { handleSignals, shutDown, signalled, whileStarting } from "./shutdown.ts";

// First, before the server's modules load: a signal from here on stops cleanly.
handleSignals();

const log = (line: string) => console.log(`[trio] ${line}`);
const root = process.cwd();
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

let ready = true;
const status = buildStatus(root);
if (status.current) {
  log("The production build is up to date; not rebuilding.");
} else {
  log(`Building for production (${status.reason}) …`);
  // A signal meanwhile reaches the build too (buildProduction passes it on); then nothing starts.
  const build = buildProduction(root).then((code) => {
    if (code !== 0 && !signalled()) throw new Error(`the build failed (exit code ${code})`);
  });
  ready = await whileStarting(build);
}

if (!ready) shutDown(1);
else if (!signalled()) {
  // Set before Next and React are loaded: they pick their production code from it.
  Object.assign(process.env, { NODE_ENV: "production" });
  await import("./index.ts");
}
