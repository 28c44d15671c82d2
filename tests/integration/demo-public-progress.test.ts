import { describe, expect, it } from "vitest";
import { getDb } from "../../lib/db.ts";
import { seedDemo } from "../../prisma/seed/demo.ts";

describe("demo data", () => {
  it("keeps each job's public progress as the hot path would, so a homeowner's view starts right", async () => {
    const db = getDb();
    await seedDemo(db);
    const jobs = await db.job.findMany({
      select: { id: true, lastSeq: true, lastPublicSeq: true, publicUpdatedAt: true },
    });
    expect(jobs.some((job) => job.lastPublicSeq > 0)).toBe(true);
    for (const job of jobs) {
      const messages = await db.message.findMany({ where: { jobId: job.id }, orderBy: { seq: "asc" } });
      expect(job.lastSeq).toBe(messages.at(-1)?.seq ?? 0);
      const lastPublic = messages.filter((m) => m.visibility === "EVERYONE").at(-1);
      expect(job.lastPublicSeq).toBe(lastPublic?.seq ?? 0);
      if (lastPublic) expect(job.publicUpdatedAt.getTime()).toBe(lastPublic.createdAt.getTime());
    }
  });
});
