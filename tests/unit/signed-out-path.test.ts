import { describe, expect, it } from "vitest";
import { parseCookieHeader } from "../../lib/auth/cookies.ts";
import { signedOutPath } from "../../lib/auth/signed-out-path.ts";

const pathFor = (cookie: string) => signedOutPath(parseCookieHeader(cookie));

describe("where a page sends a browser without a live session", () => {
  it("a homeowner whose cookie no longer works: a page in homeowner words", () => {
    expect(pathFor("trio.homeowner=ended-session-token")).toBe("/link-problem?reason=signed_out");
  });

  it("staff, and anyone with no cookie at all: the staff sign-in", () => {
    expect(pathFor("")).toBe("/signin");
    expect(pathFor("next-auth.session-token=stale")).toBe("/signin");
    expect(pathFor("__Secure-next-auth.session-token=stale; trio.homeowner=old")).toBe("/signin");
    expect(pathFor("trio.homeowner=")).toBe("/signin");
  });
});
