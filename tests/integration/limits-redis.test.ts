// Limits shared through Redis, as several Trio nodes would share them. Runs
// only when REDIS_URL is set for the run (e.g. REDIS_URL=redis://127.0.0.1:6379
// npx vitest run tests/integration/limits-redis.test.ts); npm test needs no Redis.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "../../lib/env.ts";
import { closeLimits, createLimits, type Limits } from "../../lib/limits/limits.ts";

const redisUrl = process.env.REDIS_URL;
const nodes: Limits[] = [];

afterAll(async () => {
  for (const node of nodes) await closeLimits(node);
});

describe.skipIf(!redisUrl)("send limits in Redis", () => {
  it("count one person's sends across two nodes, and give back exactly what was returned", async () => {
    const settings = { ...env(), REDIS_URL: redisUrl, LIMIT_SENDS_PER_MINUTE: 30 };
    const [a, b] = [createLimits(settings), createLimits(settings)] as [Limits, Limits];
    nodes.push(a, b);
    // Until Redis answers, each node counts in memory (the insurance); here we want Redis.
    for (const node of nodes) if (node.redis?.status !== "ready") await once(node.redis as never, "ready");
    const key = `user:${randomUUID()}:${randomUUID()}`;

    // 10 at once in all, half through each node.
    const verdicts = [];
    for (let i = 0; i < 5; i += 1) verdicts.push(await a.sends.take(key), await b.sends.take(key));
    expect(verdicts.every((v) => v.ok)).toBe(true);
    const refused = await b.sends.take(key);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterMs).toBeLessThanOrEqual(3000);

    // A point given back on one node is there for the other.
    const last = verdicts.at(-1);
    if (last?.ok) await last.giveBack();
    expect((await a.sends.take(key)).ok).toBe(true);
    expect((await a.sends.take(key)).ok).toBe(false);
  });
});
