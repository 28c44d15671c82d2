// A real SMTP server (smtp-server) that keeps every mail it receives, parsed
// (mailparser), as a mailbox would show it.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CaughtMail = { envelopeTo: string[]; parsed: ParsedMail; raw: Buffer };

/** `record`: told of every mail as it comes (the e2e setup writes them where tests can read them). */
export async function startMailCatcher(record?: (mail: CaughtMail) => void) {
  const mails: CaughtMail[] = [];
  let refuseNext = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refuseNext > 0) {
        refuseNext -= 1;
        const error = Object.assign(new Error("Mailbox busy, try later"), { responseCode: 451 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks);
        const mail = {
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          parsed: await simpleParser(raw),
          raw,
        };
        mails.push(mail);
        record?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** The next `count` recipients are refused with a temporary error (451). */
    refuse: (count: number) => {
      refuseNext = count;
    },
    reset: () => {
      mails.length = 0;
      refuseNext = 0;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>;
