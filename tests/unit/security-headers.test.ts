import { describe, expect, it } from "vitest";
import { securityHeaders } from "../../lib/http/security-headers.ts";

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
