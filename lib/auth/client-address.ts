// Whose sign-in attempt is this: the address sign-in limits are counted by.
// The socket's remote address, stamped on each request by server/index.ts (a
// route handler cannot see the socket), and X-Forwarded-For only when the
// operator says how many proxies in front of Trio append to it (TRUST_PROXY):
// otherwise anyone could name a fresh address with each attempt.
import type { IncomingMessage } from "node:http";
import { isIPv4, isIPv6 } from "node:net";

/** Set by the server from the socket; any value a client sends is overwritten. */
export const REMOTE_ADDRESS_HEADER = "x-trio-remote-address";
const UNKNOWN = "unknown";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** Replaces whatever the client sent under our header with the socket's address. */
export function stampRemoteAddress(request: IncomingMessage): void {
  const address = request.socket.remoteAddress;
  if (address) request.headers[REMOTE_ADDRESS_HEADER] = address;
  else delete request.headers[REMOTE_ADDRESS_HEADER];
}

/**
 * The client's address as a limit key. With `trustedProxies` = n, the n-th
 * X-Forwarded-For entry from the right: each trusted proxy appends the address
 * it saw, so entries further left are the client's own say.
 */
export function clientAddress(headers: HeaderSource, trustedProxies: number): string {
  let address = header(headers, REMOTE_ADDRESS_HEADER);
  if (trustedProxies > 0) {
    const forwarded = (header(headers, "x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    if (forwarded.length > 0) address = forwarded[Math.max(0, forwarded.length - trustedProxies)];
  }
  return address ? addressKey(address) : UNKNOWN;
}

/**
 * IPv4 as it is; IPv6 by its /64 network, because one subscriber usually holds
 * a whole /64 and could otherwise take a new address for every attempt.
 */
export function addressKey(raw: string): string {
  // Some balancers write a port: "1.2.3.4:5678", "[2001:db8::1]:443".
  const unported = raw
    .trim()
    .replace(/^\[([^\]]+)\](?::\d+)?$/, "$1")
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  const address = unported.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  if (isIPv4(address)) return address;
  const bare = address.split("%")[0] ?? "";
  if (!isIPv6(bare)) return UNKNOWN;
  return `${expandIPv6(bare).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const groups = (part: string) =>
    part === ""
      ? []
      : part.split(":").flatMap((group) => {
          if (!isIPv4(group)) return [group.toLowerCase().padStart(4, "0")];
          const [a, b, c, d] = group.split(".").map(Number) as [number, number, number, number];
          return [((a << 8) | b).toString(16).padStart(4, "0"), ((c << 8) | d).toString(16).padStart(4, "0")];
        });
  const [head = "", tail] = address.split("::");
  if (tail === undefined) return groups(head);
  const [left, right] = [groups(head), groups(tail)];
  return [...left, ...Array<string>(8 - left.length - right.length).fill("0000"), ...right];
}
