-- AlterTable
ALTER TABLE "HomeownerSession" ADD COLUMN     "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "HomeownerSession_accessLinkId_idx" ON "HomeownerSession"("accessLinkId");

-- Backfill: a session from before this column was last seen, as far as anyone knows, when it began.
UPDATE "HomeownerSession" SET "lastSeenAt" = "createdAt";
