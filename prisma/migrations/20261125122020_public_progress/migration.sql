-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "lastPublicSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "publicUpdatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Backfill: each job's newest EVERYONE entry (written by hand after the generated part).
UPDATE "Job" AS j
SET "lastPublicSeq" = m."seq", "publicUpdatedAt" = m."createdAt"
FROM (
  SELECT DISTINCT ON ("jobId") "jobId", "seq", "createdAt"
  FROM "Message"
  WHERE "visibility" = 'EVERYONE'
  ORDER BY "jobId", "seq" DESC
) AS m
WHERE m."jobId" = j."id";

UPDATE "Job" SET "publicUpdatedAt" = "createdAt" WHERE "lastPublicSeq" = 0;
