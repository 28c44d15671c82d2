// The server POSTs to whatever endpoint a browser hands it, so an endpoint
// is accepted only on a known push service's host (no address inside the
// network Trio runs in): https, default port, no credentials.

/** Chrome/Edge (FCM), Firefox (Mozilla autopush), Safari (Apple), Windows (WNS). */
export const DEFAULT_PUSH_HOSTS = [
  "fcm.googleapis.com",
  "*.push.services.mozilla.com",
  "web.push.apple.com",
  "*.push.apple.com",
  "*.notify.windows.com",
];

export type EndpointRule = {
  /** Host names; `*.example.com` for any subdomain; `host:port` for exactly that port. */
  hosts: string[];
  /** Plain http as well as https: a local stand-in for a push service in tests. */
  allowHttp: boolean;
};

export function isAllowedEndpoint(endpoint: string, rule: EndpointRule): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" && !(rule.allowHttp && url.protocol === "http:")) return false;
  if (url.username || url.password) return false;
  const hostname = url.hostname.toLowerCase();
  return rule.hosts.some((entry) => {
    const pattern = entry.trim().toLowerCase();
    if (!pattern) return false;
    if (pattern.includes(":")) return url.host.toLowerCase() === pattern;
    if (url.port !== "") return false;
    if (pattern.startsWith("*.")) return hostname.endsWith(pattern.slice(1)) && hostname.length > pattern.length - 1;
    return hostname === pattern;
  });
}
