import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { domainOf, readReplyAddress, replyAddressFor } from "../../lib/channels/email/reply-address.ts";

const id = "3f2b8c1e-6a4d-4e8f-9b7a-1c2d3e4f5a6b";

afterEach(() => {
  delete process.env.REPLY_DOMAIN;
  delete process.env.MAIL_FROM;
});

describe("reply addresses", () => {
  it("are short, lowercase and name the participant back", () => {
    process.env.REPLY_DOMAIN = "Replies.Example.com";
    const address = replyAddressFor(id);
    expect(address).toMatch(/^reply\+[a-z2-7]{42}@replies\.example\.com$/);
    // SMTP's limit for the part before the @.
    expect(address.split("@")[0]?.length).toBeLessThanOrEqual(64);
    expect(readReplyAddress(address)).toEqual({ participantId: id });
    expect(replyAddressFor(id.toUpperCase())).toBe(address);
  });

  it("take MAIL_FROM's domain when REPLY_DOMAIN is not set, in either form", () => {
    process.env.MAIL_FROM = "Brightside Plumbing <jobs@brightside.example>";
    expect(replyAddressFor(id)).toMatch(/@brightside\.example$/);
    expect(domainOf("jobs@brightside.example")).toBe("brightside.example");
    expect(domainOf('"Acme, Inc" <a@acme.example>')).toBe("acme.example");
    expect(domainOf("no domain here")).toBeNull();
  });

  it("are read back whatever the case, inside 'Name <…>', and from any domain", () => {
    const address = replyAddressFor(id);
    const [local] = address.split("@");
    for (const written of [
      address.toUpperCase(),
      `Acme Heating <${address}>`,
      `"Acme" <${address.toUpperCase()}>  `,
      `${local}@old-domain.example`,
    ]) {
      expect(readReplyAddress(written)).toEqual({ participantId: id });
    }
  });

  it("refuse anything Trio did not sign: altered, made up, another id's signature, another secret's", () => {
    const address = replyAddressFor(id);
    const token = address.slice("reply+".length, address.indexOf("@"));
    const flipped = (position: number) => {
      const chars = [...token];
      chars[position] = chars[position] === "a" ? "b" : "a";
      return `reply+${chars.join("")}@x.example`;
    };
    expect(readReplyAddress(flipped(0))).toBeNull(); // the id part
    expect(readReplyAddress(flipped(30))).toBeNull(); // the signature part
    expect(readReplyAddress(flipped(41))).toBeNull(); // the last character's spare bits
    const other = replyAddressFor(randomUUID());
    const mixed = `reply+${token.slice(0, 26)}${other.slice("reply+".length + 26)}`;
    expect(readReplyAddress(mixed)).toBeNull();
    for (const junk of ["", "reply@x.example", "reply+@x.example", `reply+${id}@x.example`, "jobs@x.example"]) {
      expect(readReplyAddress(junk)).toBeNull();
    }
    const secret = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = "another-secret-that-is-long-enough-for-next-auth";
    try {
      expect(readReplyAddress(address)).toBeNull();
    } finally {
      process.env.NEXTAUTH_SECRET = secret;
    }
  });

  it("are made only for participant ids", () => {
    expect(() => replyAddressFor("not-a-uuid")).toThrow();
  });
});
