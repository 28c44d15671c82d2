// The bare relay as its own process, started by the bench orchestrator.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { announce, serve } from "./ipc.ts";
import { memoryNow, type RelayReady, type ServerApi } from "./nodes/api.ts";
import { createRelayServer } from "./relay/create-relay-server.ts";

const http = createServer();
const relay = createRelayServer(http);
await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));

let stopping: Promise<void> | undefined;
const stop = () => {
  stopping ??= relay.close();
  return stopping;
};
// The orchestrator disconnects to stop us; Ctrl-C reaches the whole process group.
for (const event of ["disconnect", "SIGINT", "SIGTERM"] as const) {
  process.once(event, () => void stop().then(() => process.exit(0)));
}

serve<ServerApi>({
  memory: async () => memoryNow(),
  stored: async () => relay.stored(),
});
announce({ port: (http.address() as AddressInfo).port } satisfies RelayReady);
