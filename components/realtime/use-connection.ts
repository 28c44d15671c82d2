"use client";

import { useEffect, useState } from "react";
import { getSocket, isRateLimited } from "./socket.ts";

/**
 * `connecting`: the first connection of this page, not yet made (nothing is
 * lost yet, so nothing to announce); `reconnecting`: the line was live and
 * dropped; `ended`: the server refused this tab's session; it will not come
 * back without a new one; `offline`: the device itself has no network (the
 * browser says so at once), and the socket is reconnecting.
 */
export type Connection = "connecting" | "live" | "reconnecting" | "offline" | "ended";

export function useConnection(): Connection {
  const [state, setState] = useState<Connection>("connecting");

  useEffect(() => {
    const socket = getSocket();
    const onConnect = () => setState("live");
    const onDisconnect = () => setState(navigator.onLine ? "reconnecting" : "offline");
    // A refused handshake is final: the client does not retry it by itself.
    // Too many sockets for this session is not: getSocket tries again later.
    const onConnectError = (error: Error) => {
      if (!socket.active && !isRateLimited(error)) setState("ended");
    };
    const onOffline = () => setState((current) => (current === "ended" ? current : "offline"));
    const onOnline = () => setState((current) => (current === "offline" ? "reconnecting" : current));
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onConnectError);
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    if (socket.connected) setState("live");
    if (!navigator.onLine) onOffline();
    return () => {
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onConnectError);
    };
  }, []);

  return state;
}
