"use client";

import { useEffect, useState } from "react";
import { getSocket, isRateLimited } from "./socket.ts";

/**
 * `connecting`: the first connection of this page, not yet made (nothing is
 * lost yet, so nothing to announce); `reconnecting`: the line was live and
 * dropped; `ended`: the server refused this tab's session; it will not come
 * back without a new one.
 */
export type Connection = "connecting" | "live" | "reconnecting" | "ended";

export function useConnection(): Connection {
  const [state, setState] = useState<Connection>("connecting");

  useEffect(() => {
    const socket = getSocket();
    const onConnect = () => setState("live");
    const onDisconnect = () => setState("reconnecting");
    // A refused handshake is final: the client does not retry it by itself.
    // Too many sockets for this session is not: getSocket tries again later.
    const onConnectError = (error: Error) => {
      if (!socket.active && !isRateLimited(error)) setState("ended");
    };
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onConnectError);
    if (socket.connected) setState("live");
    return () => {
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onConnectError);
    };
  }, []);

  return state;
}
