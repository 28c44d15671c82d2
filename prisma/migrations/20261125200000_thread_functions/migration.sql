-- The thread's hot writes as database functions, so each is one statement from
-- Node: the job's row lock lives only inside the statement and no pooled
-- connection waits on the client (lib/messages/append-entry.ts, entry-batcher.ts,
-- mark-read.ts). Times are stored as UTC wall-clock, as Prisma stores them.

-- What appending an entry answers: the outcome ('created', 'existing',
-- 'conflict', 'stale', 'not_found'), the entry (m_*) and its job as it now
-- stands (j_*, lib/jobs/job-columns.ts); idx is the entry's place in a batch.
CREATE TYPE trio_entry_result AS (
  idx integer,
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
);

-- Appends one entry to a job's thread, and optionally changes the job with it.
-- Access: the job must belong to p_company_id and, when p_technician_id is set,
-- be assigned to that technician (lib/auth/policy.ts `jobScope`). In order:
--   1. a repeated p_client_id (in a job the caller may see) returns the stored
--      entry ('existing'), or 'conflict' when someone else wrote it;
--   2. one UPDATE of the job checks access and p_expect ({ status?,
--      technicianId? }: 'stale' when it no longer holds, 'not_found' when the
--      job isn't the caller's), takes the row lock (concurrent appends to one
--      job queue here) and lastSeq + 1 (gapless: a rollback gives it back),
--      applies p_change ({ status?, eta?, technicianId? }) and reads the
--      customer and technician;
--   3. the author's participant row (made on first use) gets the read mark;
--   4. the entry is inserted. A copy of the same clientId committed between
--      step 1 and the lock raises SQLSTATE TR001 and rolls everything back:
--      the caller tries again, and step 1 finds it.
-- An entry's time is its job's new updatedAt, which never goes back, so times
-- follow seqs within a job.
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
) RETURNS trio_entry_result LANGUAGE plpgsql AS $$
DECLARE
  r trio_entry_result;
  j record;
  m "Message"%ROWTYPE;
  author uuid;
  now_utc timestamp(3) := now() AT TIME ZONE 'UTC';
  public_entry boolean := p_visibility = 'EVERYONE';
BEGIN
  IF p_client_id IS NOT NULL THEN
    -- Only in a job the caller may see: unknown and forbidden look the same.
    SELECT msg.* INTO m FROM "Message" msg JOIN "Job" jb ON jb."id" = msg."jobId"
    WHERE msg."jobId" = p_job_id AND msg."clientId" = p_client_id
      AND jb."companyId" = p_company_id AND (p_technician_id IS NULL OR jb."technicianId" = p_technician_id);
    IF FOUND THEN
      SELECT a."role"::text AS role, a."name" INTO j FROM "Participant" a
      WHERE a."id" = m."authorId" AND (a."userId" = p_user_id OR a."customerId" = p_customer_id);
      IF NOT FOUND THEN
        r.outcome := 'conflict';
        RETURN r;
      END IF;
      r.outcome := 'existing';
      r.m_author_role := j.role;
      r.m_author_name := j.name;
      SELECT jb.*, c."name" AS customer_name, c."address" AS customer_address, t."name" AS technician_name INTO j
      FROM "Job" jb JOIN "Customer" c ON c."id" = jb."customerId" LEFT JOIN "User" t ON t."id" = jb."technicianId"
      WHERE jb."id" = p_job_id;
    END IF;
  END IF;

  IF r.outcome IS NULL THEN
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
      "technicianId" = CASE WHEN p_change ? 'technicianId' THEN (p_change->>'technicianId')::uuid ELSE jb."technicianId" END
    FROM "Customer" c
    WHERE jb."id" = p_job_id AND jb."companyId" = p_company_id
      AND (p_technician_id IS NULL OR jb."technicianId" = p_technician_id)
      AND (NOT p_expect ? 'status' OR jb."status"::text = p_expect->>'status')
      AND (NOT p_expect ? 'technicianId' OR jb."technicianId" IS NOT DISTINCT FROM (p_expect->>'technicianId')::uuid)
      AND c."id" = jb."customerId"
    RETURNING jb.*, c."name" AS customer_name, c."address" AS customer_address,
      (SELECT t."name" FROM "User" t WHERE t."id" = jb."technicianId") AS technician_name
    INTO j;
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
    IF author IS NULL THEN
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
    r.m_author_role := p_role::text;
    r.m_author_name := p_name;
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
  RETURN r;
END;
$$;

-- Appends several entries in one statement and one transaction: under load
-- Node sends the entries that queued while earlier ones were in flight as one
-- batch (lib/messages/entry-batcher.ts), so a commit, a round trip and a
-- statement's overhead serve many messages. Each entry is
-- trio_append_entry's arguments as a JSON object; rows come back with the
-- entry's index in the array. Jobs are taken in one order (by id, then by
-- arrival), so two batches that share jobs wait for each other, never deadlock.
-- If any entry raises, the whole batch rolls back and the caller retries its
-- entries one by one.
CREATE FUNCTION trio_append_entries(p_entries jsonb) RETURNS SETOF trio_entry_result LANGUAGE plpgsql AS $$
DECLARE
  e record;
  r trio_entry_result;
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
    r.idx := e.i;
    RETURN NEXT r;
  END LOOP;
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
