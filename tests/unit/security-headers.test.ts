import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { applySecurityHeaders, securityHeaders } from "../../lib/http/security-headers.ts";

describe("security headers", () => {
  it("allow scripts only with the request's nonce, and no framing", () => {
    const headers = securityHeaders("abc123", { dev: false, https: false });
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic';");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    // Plain http (a LAN install, localhost): no HSTS, no upgrade that would break it.
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("keep browsers on https when the public address is https", () => {
    const headers = securityHeaders("n", { dev: false, https: true });
    expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{8,}/);
    expect(headers["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  it("let React's development build eval, and only it", () => {
    expect(securityHeaders("n", { dev: true, https: false })["content-security-policy"]).toContain("'unsafe-eval'");
  });
});

describe("security headers on a real response", () => {
  it("are defaults: a handler's own value replaces ours instead of being appended to it", async () => {
    const server = createServer((request, response) => {
      applySecurityHeaders(request, response, { dev: false, https: false });
      // As Next copies a route handler's headers: only those the response doesn't have yet.
      if (response.getHeader("referrer-policy") === undefined) response.appendHeader("referrer-policy", "no-referrer");
      response.appendHeader("x-custom", "a");
      response.appendHeader("x-custom", "b");
      response.end(request.headers["content-security-policy"]);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { "content-security-policy": "script-src 'nonce-chosen-by-the-client'" },
      });
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      expect(response.headers.get("x-custom")).toBe("a, b");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      // Next reads the nonce from the request's policy: ours, never one the client sent.
      const seenByNext = await response.text();
      expect(seenByNext).toBe(response.headers.get("content-security-policy"));
      expect(seenByNext).not.toContain("chosen-by-the-client");
    } finally {
      server.close();
    }
  });
});
