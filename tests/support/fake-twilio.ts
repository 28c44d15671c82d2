// A local HTTP server playing Twilio's Messages API: it records each text as
// Twilio would receive it (form fields, Basic auth) and answers as told.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type TwilioCall = { path: string; authorization: string; form: Record<string, string> };
/** How to answer one call: a status and a body, or never (a provider that hangs). */
export type TwilioAnswer = { status: number; body: Record<string, unknown> } | "hang";

/** `record`: told of every call as it comes (the e2e setup writes them where tests can read them). */
export async function startFakeTwilio(
  record?: (call: TwilioCall) => void,
  /** Numbers answered as Twilio answers a number that can't take texts (400, code 21211). */
  invalidNumbers: string[] = [],
) {
  const calls: TwilioCall[] = [];
  const script: TwilioAnswer[] = [];
  let fallback: TwilioAnswer | null = null;
  let count = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
      const call = { path: request.url ?? "", authorization: request.headers.authorization ?? "", form };
      calls.push(call);
      record?.(call);
      const invalid: TwilioAnswer = { status: 400, body: { code: 21211, message: "Invalid 'To' Phone Number" } };
      const answer = invalidNumbers.includes(form.To ?? "") ? invalid : (script.shift() ?? fallback);
      if (answer === "hang") return;
      count += 1;
      const { status, body } = answer ?? {
        status: 201,
        body: { sid: `SM${String(count).padStart(32, "0")}`, status: "queued", to: form.To },
      };
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    /** The next calls are answered like this, in order; then as `always` says (default: accepted). */
    answerNext: (...answers: TwilioAnswer[]) => script.push(...answers),
    always: (answer: TwilioAnswer | null) => {
      fallback = answer;
    },
    reset: () => {
      calls.length = 0;
      script.length = 0;
      fallback = null;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeTwilio = Awaited<ReturnType<typeof startFakeTwilio>>;
