import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, REMOTE_ADDRESS_HEADER } from "../../lib/auth/client-address.ts";

const from = (remote: string | undefined, forwarded?: string) => ({
  ...(remote ? { [REMOTE_ADDRESS_HEADER]: remote } : {}),
  ...(forwarded ? { "x-forwarded-for": forwarded } : {}),
});

describe("client address for sign-in limits", () => {
  it("is the socket's address, whatever X-Forwarded-For claims, unless proxies are trusted", () => {
    expect(clientAddress(from("203.0.113.9", "192.0.2.1"), 0)).toBe("203.0.113.9");
    expect(clientAddress(from(undefined, "192.0.2.1"), 0)).toBe("unknown");
  });

  it("takes the entry the outermost trusted proxy appended, not what the client wrote before it", () => {
    expect(clientAddress(from("10.0.0.2", "6.6.6.6, 192.0.2.1"), 1)).toBe("192.0.2.1");
    expect(clientAddress(from("10.0.0.2", "6.6.6.6, 192.0.2.1, 10.0.0.1"), 2)).toBe("192.0.2.1");
    expect(clientAddress(from("10.0.0.2", "192.0.2.1"), 3)).toBe("192.0.2.1");
    expect(clientAddress(from("10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(clientAddress(new Headers(from("10.0.0.2", "192.0.2.7")), 1)).toBe("192.0.2.7");
  });

  it("counts an IPv6 client by its /64, and IPv4-mapped addresses as IPv4", () => {
    expect(addressKey("::ffff:192.0.2.5")).toBe("192.0.2.5");
    // A port, as some load balancers write it, is not part of the address.
    expect(addressKey("192.0.2.5:5678")).toBe("192.0.2.5");
    expect(addressKey("[2001:db8:1:2::1]:443")).toBe("2001:0db8:0001:0002::/64");
    expect(addressKey("[2001:db8:1:2::1]")).toBe("2001:0db8:0001:0002::/64");
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:0db8:0001:0002::/64");
    expect(addressKey("2001:DB8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:0db8:0001:0002::/64");
    expect(addressKey("::1")).toBe("0000:0000:0000:0000::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0000:0000:0000::/64");
    expect(addressKey("not an address")).toBe("unknown");
  });
});
