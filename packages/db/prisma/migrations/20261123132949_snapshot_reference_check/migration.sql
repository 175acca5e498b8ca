-- DropForeignKey
ALTER TABLE "ProgressSnapshot" DROP CONSTRAINT "ProgressSnapshot_phaseId_fkey";

-- DropForeignKey
ALTER TABLE "ProgressSnapshot" DROP CONSTRAINT "ProgressSnapshot_registerKindId_fkey";

-- DropForeignKey
ALTER TABLE "ProgressSnapshot" DROP CONSTRAINT "ProgressSnapshot_submissionId_fkey";

-- DropForeignKey
ALTER TABLE "ProgressSnapshot" DROP CONSTRAINT "ProgressSnapshot_unitId_fkey";

-- The same integrity, checked once per statement instead of once per row (see schema.prisma, ProgressSnapshot).
CREATE FUNCTION snapshot_reference_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad record;
BEGIN
  SELECT n."unitId", n."registerKindId", n."phaseId", n."submissionId" INTO bad FROM new_rows n
   WHERE NOT EXISTS (SELECT 1 FROM "Unit" u WHERE u."id" = n."unitId")
      OR NOT EXISTS (SELECT 1 FROM "RegisterKind" k WHERE k."id" = n."registerKindId")
      OR NOT EXISTS (SELECT 1 FROM "BookPhase" p WHERE p."id" = n."phaseId")
      OR (n."submissionId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Submission" s WHERE s."id" = n."submissionId"))
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ProgressSnapshot: no unit %, register kind %, phase % or submission %', bad."unitId", bad."registerKindId", bad."phaseId", bad."submissionId"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER snapshot_reference_check AFTER INSERT ON "ProgressSnapshot"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION snapshot_reference_check();

-- Snapshots are immutable: what they name never changes.
CREATE FUNCTION snapshot_immutable_reference() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."registerKindId" IS DISTINCT FROM OLD."registerKindId" OR NEW."phaseId" IS DISTINCT FROM OLD."phaseId"
     OR NEW."unitId" IS DISTINCT FROM OLD."unitId" OR NEW."submissionId" IS DISTINCT FROM OLD."submissionId" THEN
    RAISE EXCEPTION 'ProgressSnapshot: the unit, register kind, phase and submission of a snapshot cannot change' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER snapshot_immutable_reference BEFORE UPDATE OF "unitId", "registerKindId", "phaseId", "submissionId" ON "ProgressSnapshot"
  FOR EACH ROW EXECUTE FUNCTION snapshot_immutable_reference();

-- Each table probed by its own index (the unit and submission ones are large).
CREATE FUNCTION snapshot_reference_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE named boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."id" IS NOT DISTINCT FROM OLD."id" THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'Unit' THEN
    named := EXISTS (SELECT 1 FROM "ProgressSnapshot" s WHERE s."unitId" = OLD."id");
  ELSIF TG_TABLE_NAME = 'Submission' THEN
    named := EXISTS (SELECT 1 FROM "ProgressSnapshot" s WHERE s."submissionId" = OLD."id");
  ELSIF TG_TABLE_NAME = 'RegisterKind' THEN
    named := EXISTS (SELECT 1 FROM "ProgressSnapshot" s WHERE s."registerKindId" = OLD."id");
  ELSE
    named := EXISTS (SELECT 1 FROM "ProgressSnapshot" s WHERE s."phaseId" = OLD."id");
  END IF;
  IF named THEN
    RAISE EXCEPTION '%: % is named by progress snapshots and cannot be removed (close or deactivate it instead)', TG_TABLE_NAME, OLD."id" USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;

CREATE TRIGGER register_kind_snapshot_guard BEFORE DELETE OR UPDATE OF "id" ON "RegisterKind"
  FOR EACH ROW EXECUTE FUNCTION snapshot_reference_guard();
CREATE TRIGGER book_phase_snapshot_guard BEFORE DELETE OR UPDATE OF "id" ON "BookPhase"
  FOR EACH ROW EXECUTE FUNCTION snapshot_reference_guard();
CREATE TRIGGER unit_snapshot_guard BEFORE DELETE OR UPDATE OF "id" ON "Unit"
  FOR EACH ROW EXECUTE FUNCTION snapshot_reference_guard();
CREATE TRIGGER submission_snapshot_guard BEFORE DELETE OR UPDATE OF "id" ON "Submission"
  FOR EACH ROW EXECUTE FUNCTION snapshot_reference_guard();
