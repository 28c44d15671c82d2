-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "email" TEXT,
ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "bio" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "announcedTechnicianId" UUID,
ADD COLUMN     "awaitingReplySince" TIMESTAMP(3),
ADD COLUMN     "runningLateSince" TIMESTAMP(3),
ADD COLUMN     "steps" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "technicianChangedAt" TIMESTAMP(3);

-- Jobs from before: their homeowners already heard of their technician.
UPDATE "Job" SET "announcedTechnicianId" = "technicianId";

-- CreateIndex
CREATE INDEX "Job_companyId_awaitingReplySince_idx" ON "Job"("companyId", "awaitingReplySince");

-- CreateIndex
CREATE INDEX "Job_status_eta_idx" ON "Job"("status", "eta");

-- CreateIndex
CREATE INDEX "Job_status_windowEnd_idx" ON "Job"("status", "windowEnd");

-- trio_append_entry for the whole journey (the rest is unchanged from
-- …_thread_functions):
--   * awaitingReplySince: a homeowner's entry starts the wait (or keeps its
--     start); a staff text, photo or status step everyone sees ends it;
--     internal notes and Trio's own entries leave it as it is, unless
--     p_change.awaitReply starts it (true: a low rating waits for an answer
--     too) or ends it (false: the rating was raised), a homeowner's message
--     still waiting aside.
--   * runningLateSince: p_change.runningLate sets (true) or clears (false)
--     it; any change of status, ETA or window clears it.
--   * p_change may set windowStart and windowEnd; p_expect may also name the
--     eta, windowEnd and runningLate (boolean) the job must still have.
--   * steps: when each status began (a status change records its time);
--     technicianChangedAt: when the technician last changed;
--     announcedTechnicianId: whom the homeowner was told about, set by
--     p_change.announceTechnician and by "on the way" (which names them).
--   * A plain entry (no p_change, no p_expect: every message) takes a lean
--     UPDATE that moves only what any entry moves: the full one, with a
--     CASE per changeable column, costs a message about a third more
--     database time (README, Benchmark).
--   * Entries Trio writes itself (no user and no customer) have no author and
--     make no participant; a repeated clientId of such an entry is 'existing'.
ALTER TYPE trio_entry_result ADD ATTRIBUTE j_awaiting_reply_since timestamp(3);
ALTER TYPE trio_entry_result ADD ATTRIBUTE j_running_late_since timestamp(3);
ALTER TYPE trio_entry_result ADD ATTRIBUTE j_created_at timestamp(3);
ALTER TYPE trio_entry_result ADD ATTRIBUTE j_steps jsonb;
ALTER TYPE trio_entry_result ADD ATTRIBUTE j_technician_bio text;
ALTER TYPE trio_entry_result ADD ATTRIBUTE j_announced_technician_id uuid;
ALTER TYPE trio_entry_result ADD ATTRIBUTE j_address text;

CREATE OR REPLACE FUNCTION trio_append_entry(
  p_job_id uuid,
  p_company_id uuid,
  p_technician_id uuid,
  p_user_id uuid,
  p_customer_id uuid,
  p_role "ParticipantRole",
  p_name text,
  p_kind "MessageKind",
  p_visibility "Visibility",
  p_body text,
  p_client_id text,
  p_expect jsonb,
  p_change jsonb
) RETURNS trio_entry_result LANGUAGE plpgsql AS $$
DECLARE
  r trio_entry_result;
  j record;
  m "Message"%ROWTYPE;
  author uuid;
  now_utc timestamp(3) := now() AT TIME ZONE 'UTC';
  public_entry boolean := p_visibility = 'EVERYONE';
  -- No user and no customer: Trio itself speaks (a running-late notice), and
  -- the entry has no author.
  by_trio boolean := p_user_id IS NULL AND p_customer_id IS NULL;
BEGIN
  IF p_client_id IS NOT NULL THEN
    -- Only in a job the caller may see: unknown and forbidden look the same.
    SELECT msg.* INTO m FROM "Message" msg JOIN "Job" jb ON jb."id" = msg."jobId"
    WHERE msg."jobId" = p_job_id AND msg."clientId" = p_client_id
      AND jb."companyId" = p_company_id AND (p_technician_id IS NULL OR jb."technicianId" = p_technician_id);
    IF FOUND AND by_trio THEN
      IF m."authorId" IS NOT NULL THEN
        r.outcome := 'conflict';
        RETURN r;
      END IF;
      r.outcome := 'existing';
      SELECT jb.*, c."name" AS customer_name, c."address" AS customer_address, t."name" AS technician_name, t."bio" AS technician_bio INTO j
      FROM "Job" jb JOIN "Customer" c ON c."id" = jb."customerId" LEFT JOIN "User" t ON t."id" = jb."technicianId"
      WHERE jb."id" = p_job_id;
    ELSIF FOUND THEN
      SELECT a."role"::text AS role, a."name" INTO j FROM "Participant" a
      WHERE a."id" = m."authorId" AND (a."userId" = p_user_id OR a."customerId" = p_customer_id);
      IF NOT FOUND THEN
        r.outcome := 'conflict';
        RETURN r;
      END IF;
      r.outcome := 'existing';
      r.m_author_role := j.role;
      r.m_author_name := j.name;
      SELECT jb.*, c."name" AS customer_name, c."address" AS customer_address, t."name" AS technician_name, t."bio" AS technician_bio INTO j
      FROM "Job" jb JOIN "Customer" c ON c."id" = jb."customerId" LEFT JOIN "User" t ON t."id" = jb."technicianId"
      WHERE jb."id" = p_job_id;
    END IF;
  END IF;

  IF r.outcome IS NULL THEN
    IF p_change = '{}'::jsonb AND p_expect = '{}'::jsonb THEN
      -- A plain entry (every message): only what any entry moves.
      UPDATE "Job" jb SET
        "lastSeq" = jb."lastSeq" + 1,
        "updatedAt" = GREATEST(jb."updatedAt", clock_timestamp() AT TIME ZONE 'UTC'),
        "lastPublicSeq" = CASE WHEN public_entry THEN jb."lastSeq" + 1 ELSE jb."lastPublicSeq" END,
        "publicUpdatedAt" = CASE
          WHEN public_entry THEN GREATEST(jb."updatedAt", clock_timestamp() AT TIME ZONE 'UTC')
          ELSE jb."publicUpdatedAt" END,
        "awaitingReplySince" = CASE
          WHEN NOT public_entry OR by_trio THEN jb."awaitingReplySince"
          WHEN p_role = 'HOMEOWNER' THEN COALESCE(jb."awaitingReplySince", now_utc)
          WHEN p_kind IN ('TEXT', 'STATUS', 'PHOTO') THEN NULL
          ELSE jb."awaitingReplySince" END
      FROM "Customer" c
      WHERE jb."id" = p_job_id AND jb."companyId" = p_company_id
        AND (p_technician_id IS NULL OR jb."technicianId" = p_technician_id)
        AND c."id" = jb."customerId"
      RETURNING jb.*, c."name" AS customer_name, c."address" AS customer_address,
        (SELECT t."name" FROM "User" t WHERE t."id" = jb."technicianId") AS technician_name,
        (SELECT t."bio" FROM "User" t WHERE t."id" = jb."technicianId") AS technician_bio
      INTO j;
    ELSE
    UPDATE "Job" jb SET
      "lastSeq" = jb."lastSeq" + 1,
      -- Never behind the job's last change: a batch that waited for this row
      -- still stamps its entry after the entries before it.
      "updatedAt" = GREATEST(jb."updatedAt", clock_timestamp() AT TIME ZONE 'UTC'),
      "lastPublicSeq" = CASE WHEN public_entry THEN jb."lastSeq" + 1 ELSE jb."lastPublicSeq" END,
      "publicUpdatedAt" = CASE
        WHEN public_entry THEN GREATEST(jb."updatedAt", clock_timestamp() AT TIME ZONE 'UTC')
        ELSE jb."publicUpdatedAt" END,
      "status" = CASE WHEN p_change ? 'status' THEN (p_change->>'status')::"JobStatus" ELSE jb."status" END,
      "eta" = CASE WHEN p_change ? 'eta' THEN (p_change->>'eta')::timestamp(3) ELSE jb."eta" END,
      "technicianId" = CASE WHEN p_change ? 'technicianId' THEN (p_change->>'technicianId')::uuid ELSE jb."technicianId" END,
      "windowStart" = CASE WHEN p_change ? 'windowStart' THEN (p_change->>'windowStart')::timestamp(3) ELSE jb."windowStart" END,
      "windowEnd" = CASE WHEN p_change ? 'windowEnd' THEN (p_change->>'windowEnd')::timestamp(3) ELSE jb."windowEnd" END,
      "awaitingReplySince" = CASE
        WHEN p_change ? 'awaitReply' THEN CASE
          WHEN (p_change->>'awaitReply')::boolean THEN COALESCE(jb."awaitingReplySince", now_utc)
          -- false: no longer owed for this reason, unless the homeowner's own word is the newest.
          WHEN EXISTS (
            SELECT 1 FROM "Message" pm JOIN "Participant" pa ON pa."id" = pm."authorId"
            WHERE pm."jobId" = jb."id" AND pm."seq" = jb."lastPublicSeq" AND pa."role" = 'HOMEOWNER'
          ) THEN jb."awaitingReplySince"
          END
        WHEN NOT public_entry OR by_trio THEN jb."awaitingReplySince"
        WHEN p_role = 'HOMEOWNER' THEN COALESCE(jb."awaitingReplySince", now_utc)
        WHEN p_kind IN ('TEXT', 'STATUS', 'PHOTO') THEN NULL
        ELSE jb."awaitingReplySince" END,
      "runningLateSince" = CASE
        WHEN p_change ? 'runningLate' THEN CASE WHEN (p_change->>'runningLate')::boolean THEN now_utc END
        WHEN p_change ?| ARRAY['status', 'eta', 'windowStart', 'windowEnd'] THEN NULL
        ELSE jb."runningLateSince" END,
      "steps" = CASE WHEN p_change ? 'status'
        THEN jb."steps" || jsonb_build_object(p_change->>'status', to_char(now_utc, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        ELSE jb."steps" END,
      "technicianChangedAt" = CASE WHEN p_change ? 'technicianId' THEN now_utc ELSE jb."technicianChangedAt" END,
      -- SET sees the row as it was: the technician announced is the one the job had.
      "announcedTechnicianId" = CASE
        WHEN p_change ? 'announceTechnician' OR p_change->>'status' = 'EN_ROUTE' THEN jb."technicianId"
        ELSE jb."announcedTechnicianId" END
    FROM "Customer" c
    WHERE jb."id" = p_job_id AND jb."companyId" = p_company_id
      AND (p_technician_id IS NULL OR jb."technicianId" = p_technician_id)
      AND (NOT p_expect ? 'status' OR jb."status"::text = p_expect->>'status')
      AND (NOT p_expect ? 'technicianId' OR jb."technicianId" IS NOT DISTINCT FROM (p_expect->>'technicianId')::uuid)
      AND (NOT p_expect ? 'eta' OR jb."eta" IS NOT DISTINCT FROM (p_expect->>'eta')::timestamp(3))
      AND (NOT p_expect ? 'windowEnd' OR jb."windowEnd" IS NOT DISTINCT FROM (p_expect->>'windowEnd')::timestamp(3))
      AND (NOT p_expect ? 'runningLate' OR (jb."runningLateSince" IS NOT NULL) = (p_expect->>'runningLate')::boolean)
      AND c."id" = jb."customerId"
    RETURNING jb.*, c."name" AS customer_name, c."address" AS customer_address,
      (SELECT t."name" FROM "User" t WHERE t."id" = jb."technicianId") AS technician_name,
      (SELECT t."bio" FROM "User" t WHERE t."id" = jb."technicianId") AS technician_bio
    INTO j;
    END IF;
    IF NOT FOUND THEN
      PERFORM 1 FROM "Job" jb
      WHERE jb."id" = p_job_id AND jb."companyId" = p_company_id
        AND (p_technician_id IS NULL OR jb."technicianId" = p_technician_id);
      r.outcome := CASE WHEN FOUND THEN 'stale' ELSE 'not_found' END;
      RETURN r;
    END IF;

    UPDATE "Participant" a SET "lastReadSeq" = GREATEST(a."lastReadSeq", j."lastSeq"), "role" = p_role, "name" = p_name
    WHERE a."jobId" = p_job_id AND (a."userId" = p_user_id OR a."customerId" = p_customer_id)
    RETURNING a."id" INTO author;
    IF author IS NULL AND NOT by_trio THEN
      -- A read mark made at this moment (trio_mark_read) may insert it first.
      INSERT INTO "Participant" ("id", "jobId", "role", "name", "userId", "customerId", "lastReadSeq", "createdAt")
      VALUES (gen_random_uuid(), p_job_id, p_role, p_name, p_user_id, p_customer_id, j."lastSeq", now_utc)
      ON CONFLICT DO NOTHING
      RETURNING "id" INTO author;
      IF author IS NULL THEN
        UPDATE "Participant" a SET "lastReadSeq" = GREATEST(a."lastReadSeq", j."lastSeq"), "role" = p_role, "name" = p_name
        WHERE a."jobId" = p_job_id AND (a."userId" = p_user_id OR a."customerId" = p_customer_id)
        RETURNING a."id" INTO author;
      END IF;
    END IF;

    INSERT INTO "Message" ("id", "jobId", "seq", "clientId", "kind", "visibility", "body", "authorId", "createdAt")
    VALUES (
      gen_random_uuid(), p_job_id, j."lastSeq",
      COALESCE(p_client_id, 'server:' || lower(p_kind::text) || ':' || j."lastSeq"),
      p_kind, p_visibility, p_body, author, j."updatedAt"
    )
    ON CONFLICT ("jobId", "clientId") DO NOTHING
    RETURNING * INTO m;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'entry % of job % was stored meanwhile', p_client_id, p_job_id USING ERRCODE = 'TR001';
    END IF;
    r.outcome := 'created';
    IF NOT by_trio THEN
      r.m_author_role := p_role::text;
      r.m_author_name := p_name;
    END IF;
  END IF;

  r.m_id := m."id";
  r.m_seq := m."seq";
  r.m_client_id := m."clientId";
  r.m_kind := m."kind"::text;
  r.m_visibility := m."visibility"::text;
  r.m_body := m."body";
  r.m_created_at := m."createdAt";
  r.j_id := j."id";
  r.j_company_id := j."companyId";
  r.j_number := j."number";
  r.j_title := j."title";
  r.j_description := j."description";
  r.j_status := j."status"::text;
  r.j_technician_id := j."technicianId";
  r.j_window_start := j."windowStart";
  r.j_window_end := j."windowEnd";
  r.j_eta := j."eta";
  r.j_last_seq := j."lastSeq";
  r.j_updated_at := j."updatedAt";
  r.j_last_public_seq := j."lastPublicSeq";
  r.j_public_updated_at := j."publicUpdatedAt";
  r.j_customer_name := j.customer_name;
  r.j_customer_address := j.customer_address;
  r.j_technician_name := j.technician_name;
  r.j_awaiting_reply_since := j."awaitingReplySince";
  r.j_running_late_since := j."runningLateSince";
  r.j_created_at := j."createdAt";
  r.j_steps := j."steps";
  r.j_technician_bio := j.technician_bio;
  r.j_announced_technician_id := j."announcedTechnicianId";
  r.j_address := j."address";
  RETURN r;
END;
$$;
