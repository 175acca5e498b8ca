-- DropIndex
DROP INDEX "snapshot_report_date_idx";

-- The references of inserted snapshots, checked once per distinct unit, register kind, phase and submission of
-- the statement (a sheet's 14 rows name 1 unit, 7 kinds, 2 phases, 1 submission), each by a probe of its
-- table's primary key. Written as NOT EXISTS over every row, the planner joined whole tables: it cost as much
-- as inserting the rows.
CREATE OR REPLACE FUNCTION snapshot_reference_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad record;
BEGIN
  SELECT v.what, v.id INTO bad FROM (
    SELECT 'unit' AS what, x.id FROM (SELECT DISTINCT n."unitId" AS id FROM new_rows n) x
     WHERE (SELECT true FROM "Unit" u WHERE u."id" = x.id) IS NULL
    UNION ALL
    SELECT 'register kind', x.id FROM (SELECT DISTINCT n."registerKindId" AS id FROM new_rows n) x
     WHERE (SELECT true FROM "RegisterKind" k WHERE k."id" = x.id) IS NULL
    UNION ALL
    SELECT 'phase', x.id FROM (SELECT DISTINCT n."phaseId" AS id FROM new_rows n) x
     WHERE (SELECT true FROM "BookPhase" p WHERE p."id" = x.id) IS NULL
    UNION ALL
    SELECT 'submission', x.id FROM (SELECT DISTINCT n."submissionId" AS id FROM new_rows n WHERE n."submissionId" IS NOT NULL) x
     WHERE (SELECT true FROM "Submission" s WHERE s."id" = x.id) IS NULL
  ) v LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ProgressSnapshot: no % %', bad.what, bad.id USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
