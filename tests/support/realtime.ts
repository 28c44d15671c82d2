// A real Socket.IO server on a free port, and real socket.io-client clients.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { getDb } from "../../lib/db.ts";
import { setRealtime } from "../../lib/realtime/broadcast.ts";
import type { ClientToServerEvents, RealtimeServer, ServerToClientEvents } from "../../lib/realtime/events.ts";
import { createRealtimeServer } from "../../server/realtime/create-realtime-server.ts";

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export async function startRealtime() {
  const http: HttpServer = createServer();
  const io: RealtimeServer = createRealtimeServer(http, { db: getDb, appUrl: "http://trio.test" });
  setRealtime(io);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const clients: Client[] = [];

  /** Connects with a cookie (and optionally an Origin); rejects on connect_error. */
  const client = (cookie: string | null, headers: Record<string, string> = {}) =>
    new Promise<Client>((resolve, reject) => {
      const socket: Client = connect(url, {
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
        extraHeaders: { ...(cookie ? { cookie } : {}), ...headers },
      });
      clients.push(socket);
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", (error) => reject(error));
    });

  const stop = async () => {
    for (const socket of clients) socket.disconnect();
    setRealtime(undefined);
    await new Promise<void>((resolve) => io.close(() => resolve()));
  };
  return { io, url, client, stop };
}

/** The sockets of a job's three people (homeowner, technician, dispatcher), connected, not yet joined. */
export async function connectThreeWay(
  realtime: { client: (cookie: string | null) => Promise<Client> },
  people: Record<"homeowner" | "technician" | "dispatcher", { cookie: string }>,
) {
  const [homeowner, technician, dispatcher] = await Promise.all([
    realtime.client(people.homeowner.cookie),
    realtime.client(people.technician.cookie),
    realtime.client(people.dispatcher.cookie),
  ]);
  return { homeowner, technician, dispatcher };
}

type AckResponse = { data?: unknown; error?: { code: string; message: string } };

/** Emits and waits for the acknowledgement. */
export function request(socket: Client, event: string, payload: unknown): Promise<AckResponse> {
  return (socket as unknown as Socket).timeout(5000).emitWithAck(event, payload) as Promise<AckResponse>;
}

/** Records every payload of an event, to assert on later (including that nothing came). */
export function record<T = unknown>(socket: Client, event: keyof ServerToClientEvents): T[] {
  const seen: T[] = [];
  (socket as unknown as Socket).on(event, (payload: T) => seen.push(payload));
  return seen;
}

export async function until(check: () => boolean, what = "condition", timeoutMs = 5000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lets in-flight broadcasts land before asserting that something did NOT arrive. */
export const settle = (ms = 200) => new Promise((resolve) => setTimeout(resolve, ms));
