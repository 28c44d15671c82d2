import { describe, expect, it } from "vitest";
import { normalizePhone } from "../../lib/customers/schemas.ts";
import { requestInputSchema } from "../../lib/intake/schemas.ts";
import { MAX_TITLE_LENGTH, titleOf } from "../../lib/jobs/create-job.ts";

describe("request input", () => {
  it("normalises phone numbers to digits with an optional leading +", () => {
    expect(normalizePhone("+1 (555) 010-0100")).toBe("+15550100100");
    expect(normalizePhone(" 555.010.0100 ")).toBe("5550100100");
  });

  it("cleans text like a message and folds one-line fields", () => {
    const parsed = requestInputSchema.parse({
      name: "  Robin \n Banks\u202E ",
      email: " Robin@Example.TEST ",
      address: "12 Elm\tStreet",
      problem: "  Sink\r\nleaks\u0000 ",
    });
    expect(parsed).toMatchObject({
      name: "Robin Banks",
      phone: null,
      email: "robin@example.test",
      address: "12 Elm Street",
      problem: "Sink\nleaks",
      preferredTimes: "",
      channel: "WEB",
      website: "",
    });
  });

  it("titles a job from the problem's first line, shortened at a word", () => {
    expect(titleOf("Leaky faucet\nsince Monday")).toBe("Leaky faucet");
    const long = titleOf("word ".repeat(40));
    expect([...long].length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(long.endsWith("word…")).toBe(true);
  });
});
