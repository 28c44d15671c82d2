// The load generator as its own process: it holds every client socket of both
// targets and runs the windows the orchestrator asks for.
import { announce, serve } from "./ipc.ts";
import type { LoadApi, TargetName } from "./load/api.ts";
import { connectSockets } from "./load/connect-sockets.ts";
import type { LiveTarget } from "./load/live-target.ts";
import { sendWindow } from "./load/send-window.ts";

const targets = new Map<TargetName, LiveTarget>();

function targetOf(name: TargetName): LiveTarget {
  const target = targets.get(name);
  if (!target) throw new Error(`no sockets open to ${name}`);
  return target;
}

serve<LoadApi>({
  connect: async (plan) => {
    const { target, result } = await connectSockets(plan);
    targets.set(plan.target, target);
    return result;
  },
  window: (plan) => sendWindow(targetOf(plan.target), plan),
  disconnect: async ({ target }) => {
    for (const live of targets.get(target)?.sockets ?? []) live.socket.disconnect();
    targets.delete(target);
    return null;
  },
});
process.on("disconnect", () => process.exit(0));
announce({ pid: process.pid });
