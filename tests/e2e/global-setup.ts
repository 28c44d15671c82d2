// Starts the real Trio server (production build, embedded PostgreSQL, demo data)
// on a free port with its own data directory, and reads the demo homeowner link
// it prints. Teardown sends SIGTERM so the database stops cleanly.
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../server/embedded-postgres.ts";
import { startFakeTwilio } from "../support/fake-twilio.ts";
import { startMailCatcher } from "../support/mail-catcher.ts";
import { E2E_SMS, mailboxFile, textsFile } from "./providers.ts";

const START_TIMEOUT_MS = 120_000;

function waitForLink(server: ChildProcess, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Trio did not start in time:\n${output.join("")}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const link = output.join("").match(/Demo homeowner link: (\S+)/)?.[1];
      if (link) {
        clearTimeout(timer);
        resolve(link);
      }
    };
    server.stdout?.on("data", onData);
    server.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    server.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Trio exited (${code}) before it was ready:\n${output.join("")}`));
    });
  });
}

export default async function globalSetup() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "trio-e2e-"));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  // The providers, played locally: every email and text Trio sends lands in a file tests read.
  const mailbox = mailboxFile(dataDir);
  const texts = textsFile(dataDir);
  const mail = await startMailCatcher((caught) =>
    appendFileSync(
      mailbox,
      `${JSON.stringify({ to: caught.envelopeTo, subject: caught.parsed.subject, text: caught.parsed.text, replyTo: caught.parsed.replyTo?.text })}\n`,
    ),
  );
  const twilio = await startFakeTwilio(
    (call) => appendFileSync(texts, `${JSON.stringify(call.form)}\n`),
    [E2E_SMS.invalidNumber],
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    DATA_DIR: dataDir,
    APP_URL: `http://localhost:${port}`,
    NEXTAUTH_URL: `http://localhost:${port}`,
    // What Trio says by itself, without minutes of waiting (tests/e2e/journey.spec.ts).
    JOURNEY_CHECK_INTERVAL_MS: "500",
    // Far longer than two taps on the technician menu take, even on a busy machine:
    // the journey spec counts on a quick reshuffle reaching the homeowner as one statement.
    ASSIGNMENT_SETTLE_SECONDS: "6",
    LATE_GRACE_MINUTES: "0",
    SMTP_URL: mail.url,
    MAIL_FROM: "Brightside Home Services <jobs@brightside.test>",
    SMS_ACCOUNT_SID: E2E_SMS.accountSid,
    SMS_AUTH_TOKEN: E2E_SMS.authToken,
    SMS_FROM: E2E_SMS.from,
    SMS_API_URL: twilio.url,
    INBOUND_SMTP_PORT: String(await freePort()),
    NOTIFY_POLL_MS: "300",
    MESSAGE_NOTIFY_DELAY_SECONDS: "2",
  };
  // Always the embedded database: the README path must not depend on another server.
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_SECRET;
  const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const link = await waitForLink(server, output);
  process.env.TRIO_E2E_URL = `http://localhost:${port}`;
  process.env.TRIO_E2E_HOMEOWNER_LINK = link;
  process.env.TRIO_E2E_DATA_DIR = dataDir;

  return async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await Promise.all([mail.stop(), twilio.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
