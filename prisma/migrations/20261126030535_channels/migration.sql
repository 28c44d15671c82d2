-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('JOB_LINK', 'NEW_LINK', 'STEP', 'MESSAGES', 'WAITING');

-- CreateEnum
CREATE TYPE "DeliveryState" AS ENUM ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED');

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "quietHoursEnd" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "quietHoursStart" INTEGER NOT NULL DEFAULT 21;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "requestedOnline" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "notifiedSeq" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "participantId" UUID,
    "userId" UUID,
    "kind" "NotificationKind" NOT NULL,
    "channel" "Channel" NOT NULL,
    "to" TEXT NOT NULL,
    "seq" INTEGER,
    "state" "DeliveryState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "providerId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsOptOut" (
    "phone" TEXT NOT NULL,
    "optedOutAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsOptOut_pkey" PRIMARY KEY ("phone")
);

-- CreateTable
CREATE TABLE "DevDelivery" (
    "id" UUID NOT NULL,
    "notificationId" UUID,
    "channel" "Channel" NOT NULL,
    "to" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "replyTo" TEXT,
    "subject" TEXT,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DevDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_state_nextAttemptAt_idx" ON "Notification"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notification_jobId_createdAt_idx" ON "Notification"("jobId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_participantId_idx" ON "Notification"("participantId");

-- CreateIndex
CREATE INDEX "Notification_userId_idx" ON "Notification"("userId");

-- CreateIndex
CREATE INDEX "Notification_providerId_idx" ON "Notification"("providerId");

-- CreateIndex
CREATE INDEX "Notification_channel_to_sentAt_idx" ON "Notification"("channel", "to", "sentAt");

-- CreateIndex
CREATE INDEX "DevDelivery_createdAt_idx" ON "DevDelivery"("createdAt");

-- CreateIndex
CREATE INDEX "DevDelivery_notificationId_idx" ON "DevDelivery"("notificationId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevDelivery" ADD CONSTRAINT "DevDelivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A step the homeowner hears of in their channel (an entry with "notify":
-- true: scheduled, on the way, running late, arrived, done) queues its
-- notification in the same statement as the entry, so it commits or rolls
-- back with it (lib/notifications/). Only a new entry queues one; plain
-- messages carry no "notify" and cost nothing more. A homeowner who chose the
-- page only, or has no address for their channel, gets no row.
CREATE OR REPLACE FUNCTION trio_append_entries(p_entries jsonb) RETURNS SETOF trio_entry_result LANGUAGE plpgsql AS $$
DECLARE
  e record;
  r trio_entry_result;
  now_utc timestamp(3) := now() AT TIME ZONE 'UTC';
BEGIN
  FOR e IN
    SELECT (t.ord - 1)::integer AS i, t.v
    FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS t(v, ord)
    ORDER BY t.v->>'jobId', t.ord
  LOOP
    r := trio_append_entry(
      (e.v->>'jobId')::uuid,
      (e.v->>'companyId')::uuid,
      (e.v->>'technicianId')::uuid,
      (e.v->>'userId')::uuid,
      (e.v->>'customerId')::uuid,
      (e.v->>'role')::"ParticipantRole",
      e.v->>'name',
      (e.v->>'kind')::"MessageKind",
      (e.v->>'visibility')::"Visibility",
      e.v->>'body',
      e.v->>'clientId',
      e.v->'expect',
      e.v->'change'
    );
    IF r.outcome = 'created' AND e.v->'notify' = 'true'::jsonb THEN
      INSERT INTO "Notification" ("id", "companyId", "jobId", "participantId", "kind", "channel", "to", "seq",
        "nextAttemptAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), r.j_company_id, r.j_id, p."id", 'STEP', p."channel",
        CASE p."channel" WHEN 'SMS' THEN c."phone" ELSE c."email" END, r.m_seq, now_utc, now_utc, now_utc
      FROM "Participant" p JOIN "Customer" c ON c."id" = p."customerId"
      WHERE p."jobId" = r.j_id AND p."role" = 'HOMEOWNER'
        AND ((p."channel" = 'SMS' AND c."phone" IS NOT NULL) OR (p."channel" = 'EMAIL' AND c."email" IS NOT NULL));
    END IF;
    r.idx := e.i;
    RETURN NEXT r;
  END LOOP;
END;
$$;
