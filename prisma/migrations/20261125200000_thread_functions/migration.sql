-- The thread's two hot writes as database functions, so each is one round trip
-- from Node: the job's row lock lives only inside the statement and no pooled
-- connection waits on the client (lib/messages/append-entry.ts, mark-read.ts).
-- Times are stored as UTC wall-clock, as Prisma stores them.

-- Appends one entry to a job's thread, and optionally changes the job with it.
-- Access: the job must belong to p_company_id and, when p_technician_id is set,
-- be assigned to that technician (lib/auth/policy.ts `jobScope`). In order:
--   1. lock the job row (concurrent appends to one job queue here);
--   2. a repeated p_client_id returns the stored entry ('existing'), or
--      'conflict' when someone else wrote it; this read runs after the lock, so
--      a racing duplicate sees the winner's committed row;
--   3. p_expect ({ status?, technicianId? }) must still hold, else 'stale';
--   4. take lastSeq + 1 (gapless: a rollback gives it back), apply p_change
--      ({ status?, eta?, technicianId? }), insert the entry, and move the
--      author's participant row (made on first use) and read mark.
CREATE FUNCTION trio_append_entry(
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
) RETURNS TABLE (
  outcome text,
  m_id uuid,
  m_seq integer,
  m_client_id text,
  m_kind text,
  m_visibility text,
  m_body text,
  m_created_at timestamp(3),
  m_author_role text,
  m_author_name text,
  j_id uuid,
  j_company_id uuid,
  j_number integer,
  j_title text,
  j_description text,
  j_status text,
  j_technician_id uuid,
  j_window_start timestamp(3),
  j_window_end timestamp(3),
  j_eta timestamp(3),
  j_last_seq integer,
  j_updated_at timestamp(3),
  j_last_public_seq integer,
  j_public_updated_at timestamp(3),
  j_customer_name text,
  j_customer_address text,
  j_technician_name text
) LANGUAGE plpgsql AS $$
DECLARE
  j "Job"%ROWTYPE;
  m "Message"%ROWTYPE;
  author uuid;
  next_seq integer;
  now_utc timestamp(3) := now() AT TIME ZONE 'UTC';
BEGIN
  SELECT * INTO j FROM "Job"
  WHERE "id" = p_job_id AND "companyId" = p_company_id
    AND (p_technician_id IS NULL OR "technicianId" = p_technician_id)
  FOR UPDATE;
  IF NOT FOUND THEN
    outcome := 'not_found';
    RETURN NEXT;
    RETURN;
  END IF;

  IF p_client_id IS NOT NULL THEN
    SELECT * INTO m FROM "Message" WHERE "jobId" = j."id" AND "clientId" = p_client_id;
    IF FOUND THEN
      IF NOT EXISTS (
        SELECT 1 FROM "Participant" a
        WHERE a."id" = m."authorId" AND (a."userId" = p_user_id OR a."customerId" = p_customer_id)
      ) THEN
        outcome := 'conflict';
        RETURN NEXT;
        RETURN;
      END IF;
      outcome := 'existing';
    END IF;
  END IF;

  IF outcome IS NULL THEN
    IF (p_expect ? 'status' AND j."status"::text IS DISTINCT FROM p_expect->>'status')
      OR (p_expect ? 'technicianId' AND j."technicianId" IS DISTINCT FROM (p_expect->>'technicianId')::uuid) THEN
      outcome := 'stale';
      RETURN NEXT;
      RETURN;
    END IF;

    SELECT a."id" INTO author FROM "Participant" a
    WHERE a."jobId" = j."id" AND (a."userId" = p_user_id OR a."customerId" = p_customer_id);
    IF author IS NULL THEN
      -- A read mark made at this moment (trio_mark_read) may insert it first.
      INSERT INTO "Participant" ("id", "jobId", "role", "name", "userId", "customerId", "createdAt")
      VALUES (gen_random_uuid(), j."id", p_role, p_name, p_user_id, p_customer_id, now_utc)
      ON CONFLICT DO NOTHING
      RETURNING "id" INTO author;
      IF author IS NULL THEN
        SELECT a."id" INTO author FROM "Participant" a
        WHERE a."jobId" = j."id" AND (a."userId" = p_user_id OR a."customerId" = p_customer_id);
      END IF;
    END IF;

    next_seq := j."lastSeq" + 1;
    UPDATE "Job" SET
      "lastSeq" = next_seq,
      "updatedAt" = now_utc,
      "lastPublicSeq" = CASE WHEN p_visibility = 'EVERYONE' THEN next_seq ELSE "lastPublicSeq" END,
      "publicUpdatedAt" = CASE WHEN p_visibility = 'EVERYONE' THEN now_utc ELSE "publicUpdatedAt" END,
      "status" = CASE WHEN p_change ? 'status' THEN (p_change->>'status')::"JobStatus" ELSE "status" END,
      "eta" = CASE WHEN p_change ? 'eta' THEN (p_change->>'eta')::timestamp(3) ELSE "eta" END,
      "technicianId" = CASE WHEN p_change ? 'technicianId' THEN (p_change->>'technicianId')::uuid ELSE "technicianId" END
    WHERE "id" = j."id"
    RETURNING * INTO j;

    INSERT INTO "Message" ("id", "jobId", "seq", "clientId", "kind", "visibility", "body", "authorId", "createdAt")
    VALUES (
      gen_random_uuid(), j."id", next_seq,
      COALESCE(p_client_id, 'server:' || lower(p_kind::text) || ':' || next_seq),
      p_kind, p_visibility, p_body, author, now_utc
    )
    RETURNING * INTO m;

    -- Writing in a thread means having read everything before it.
    UPDATE "Participant" SET
      "lastReadSeq" = GREATEST("lastReadSeq", next_seq),
      "role" = p_role,
      "name" = p_name
    WHERE "id" = author;
    outcome := 'created';
  END IF;

  RETURN QUERY
  SELECT
    outcome, m."id", m."seq", m."clientId", m."kind"::text, m."visibility"::text, m."body", m."createdAt",
    a."role"::text, a."name",
    j."id", j."companyId", j."number", j."title", j."description", j."status"::text, j."technicianId",
    j."windowStart", j."windowEnd", j."eta", j."lastSeq", j."updatedAt", j."lastPublicSeq", j."publicUpdatedAt",
    c."name", c."address", t."name"
  FROM "Customer" c
  LEFT JOIN "User" t ON t."id" = j."technicianId"
  LEFT JOIN "Participant" a ON a."id" = m."authorId"
  WHERE c."id" = j."customerId";
END;
$$;

-- Moves a reader's mark forward (never back, never past the thread's end), with
-- the same access rule as trio_append_entry. Returns visible = false for a job
-- the reader may not see; otherwise their role and name, the mark before and
-- after, and the newest entry everyone may see that the move passed (0: none),
-- which is all a homeowner may learn of it.
CREATE FUNCTION trio_mark_read(
  p_job_id uuid,
  p_company_id uuid,
  p_technician_id uuid,
  p_user_id uuid,
  p_customer_id uuid,
  p_role "ParticipantRole",
  p_name text,
  p_seq integer
) RETURNS TABLE (
  visible boolean,
  r_role text,
  r_name text,
  before_seq integer,
  after_seq integer,
  public_seq integer
) LANGUAGE plpgsql AS $$
DECLARE
  last_seq integer;
  reader "Participant"%ROWTYPE;
  target integer;
  passed integer;
BEGIN
  SELECT j."lastSeq" INTO last_seq FROM "Job" j
  WHERE j."id" = p_job_id AND j."companyId" = p_company_id
    AND (p_technician_id IS NULL OR j."technicianId" = p_technician_id);
  IF last_seq IS NULL THEN
    RETURN QUERY SELECT false, NULL::text, NULL::text, 0, 0, 0;
    RETURN;
  END IF;
  target := LEAST(p_seq, last_seq);

  SELECT * INTO reader FROM "Participant" a
  WHERE a."jobId" = p_job_id AND (a."userId" = p_user_id OR a."customerId" = p_customer_id)
  FOR UPDATE;
  IF reader."id" IS NULL THEN
    -- A first send at this moment (trio_append_entry) may insert it first.
    INSERT INTO "Participant" ("id", "jobId", "role", "name", "userId", "customerId", "createdAt")
    VALUES (gen_random_uuid(), p_job_id, p_role, p_name, p_user_id, p_customer_id, now() AT TIME ZONE 'UTC')
    ON CONFLICT DO NOTHING;
    SELECT * INTO reader FROM "Participant" a
    WHERE a."jobId" = p_job_id AND (a."userId" = p_user_id OR a."customerId" = p_customer_id)
    FOR UPDATE;
  END IF;

  IF reader."lastReadSeq" >= target THEN
    RETURN QUERY SELECT true, reader."role"::text, reader."name", reader."lastReadSeq", reader."lastReadSeq", 0;
    RETURN;
  END IF;
  UPDATE "Participant" SET "lastReadSeq" = target WHERE "id" = reader."id";
  SELECT max(msg."seq") INTO passed FROM "Message" msg
  WHERE msg."jobId" = p_job_id AND msg."visibility" = 'EVERYONE'
    AND msg."seq" > reader."lastReadSeq" AND msg."seq" <= target;
  RETURN QUERY SELECT true, reader."role"::text, reader."name", reader."lastReadSeq", target, COALESCE(passed, 0);
END;
$$;
