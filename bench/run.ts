// `npm run bench`: Trio against a bare Socket.IO relay under the same load.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseOptions, USAGE } from "./options.ts";
import { render } from "./report/render.ts";
import { writeResults } from "./report/write-results.ts";
import { runBench } from "./run-bench.ts";

const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");

let options: ReturnType<typeof parseOptions>;
try {
  options = parseOptions(process.argv.slice(2), process.env, RESULTS_DIR);
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\nUsage: ${USAGE}`);
  process.exit(2);
}

try {
  const report = await runBench(options, (line) => console.log(line));
  console.log(render(report, "text"));
  if (options.resultsDir) {
    const files = writeResults(report, options.resultsDir);
    console.log(`\nResults: ${path.relative(process.cwd(), files.markdown)} and .json`);
  }
} catch (error) {
  console.error(`The bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
