// Requests between the bench's processes over Node's IPC channel: the
// orchestrator calls, a child (Trio node, relay, load generator) answers.
import type { ChildProcess } from "node:child_process";

/** method → its parameters and its result. */
export type Api = Record<string, { params: unknown; result: unknown }>;

type Request = { rpc: number; method: string; params: unknown };
type Reply = { rpc: number; result?: unknown; error?: string };

export type Handlers<A extends Api> = { [K in keyof A]: (params: A[K]["params"]) => Promise<A[K]["result"]> };

const isRequest = (message: unknown): message is Request =>
  typeof message === "object" && message !== null && "rpc" in message && "method" in message;
const isReply = (message: unknown): message is Reply =>
  typeof message === "object" && message !== null && "rpc" in message && !("method" in message);

function send(message: unknown) {
  if (!process.send) throw new Error("This script is a child of the bench: start it with `npm run bench`.");
  process.send(message);
}

/** In a child: tell the orchestrator it is ready, with what it needs to know. */
export function announce(ready: unknown) {
  send({ ready });
}

/** In a child: answer the orchestrator's requests. */
export function serve<A extends Api>(handlers: Handlers<A>) {
  process.on("message", (message: unknown) => {
    if (!isRequest(message)) return;
    const handler = handlers[message.method as keyof A];
    const answer = handler
      ? handler(message.params as A[keyof A]["params"])
      : Promise.reject(new Error(`unknown method ${message.method}`));
    answer.then(
      (result) => send({ rpc: message.rpc, result }),
      (error: unknown) => send({ rpc: message.rpc, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

/** In the orchestrator: a typed way to call a child. */
export function client<A extends Api>(child: ChildProcess) {
  let next = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on("message", (message: unknown) => {
    if (!isReply(message)) return;
    const waiting = pending.get(message.rpc);
    pending.delete(message.rpc);
    if (message.error !== undefined) waiting?.reject(new Error(message.error));
    else waiting?.resolve(message.result);
  });
  child.once("exit", (code, signal) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`child exited (${signal ?? code})`));
    pending.clear();
  });
  return <K extends keyof A & string>(method: K, params: A[K]["params"]): Promise<A[K]["result"]> =>
    new Promise((resolve, reject) => {
      const rpc = next++;
      pending.set(rpc, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ rpc, method, params } satisfies Request);
    });
}

/** The `{ ready }` message a child sends once it can take requests. */
export function readyOf(message: unknown): unknown {
  return typeof message === "object" && message !== null && "ready" in message ? message.ready : undefined;
}
