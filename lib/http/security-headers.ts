// The browser protections every response carries, set by server/index.ts
// before Next sees the request. Scripts run only with this request's nonce:
// Next reads it from the request's Content-Security-Policy header and puts it
// on its own scripts (node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md),
// so an injected <script> or inline handler does not run.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

type Options = {
  /** Development: React's debugging needs eval, and the dev server reloads over its own socket. */
  dev: boolean;
  /** The public address is https: browsers are told to stay on https. */
  https: boolean;
};

export function contentSecurityPolicy(nonce: string, { dev, https }: Options): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Features Trio's pages never use, switched off so an injected frame or script can't ask for them either. */
const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "hid=()",
  "midi=()",
  "browsing-topics=()",
].join(", ");

export function securityHeaders(nonce: string, options: Options): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(nonce, options),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    // Thread pages sit at unguessable addresses: other sites learn nothing of them.
    "referrer-policy": "same-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    ...(options.https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * Puts the policy on the request, where Next looks for the nonce (a policy the
 * client sent is replaced, never trusted), and the headers on the response
 * when it is written, each unless the route set its own (the homeowner link's
 * `Referrer-Policy: no-referrer`, a framed email's own policy). They go on
 * late because Next copies a route handler's header only when the response
 * has none of that name yet (next/dist/server/send-response.js).
 */
export function applySecurityHeaders(request: IncomingMessage, response: ServerResponse, options: Options): void {
  const nonce = randomBytes(16).toString("base64");
  const headers = securityHeaders(nonce, options);
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((...args: unknown[]) => {
    for (const [name, value] of Object.entries(headers)) if (!response.hasHeader(name)) response.setHeader(name, value);
    return writeHead(...args);
  }) as ServerResponse["writeHead"];
  request.headers["content-security-policy"] = headers["content-security-policy"];
  delete request.headers["content-security-policy-report-only"];
}
