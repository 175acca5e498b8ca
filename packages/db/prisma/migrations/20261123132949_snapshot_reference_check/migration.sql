-- DropForeignKey
ALTER TABLE "ProgressSnapshot" DROP CONSTRAINT "ProgressSnapshot_phaseId_fkey";

-- DropForeignKey
ALTER TABLE "ProgressSnapshot" DROP CONSTRAINT "ProgressSnapshot_registerKindId_fkey";

-- The same integrity, checked once per statement instead of once per row (see schema.prisma, ProgressSnapshot).
CREATE FUNCTION snapshot_reference_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad record;
BEGIN
  SELECT n."registerKindId", n."phaseId" INTO bad FROM new_rows n
   WHERE NOT EXISTS (SELECT 1 FROM "RegisterKind" k WHERE k."id" = n."registerKindId")
      OR NOT EXISTS (SELECT 1 FROM "BookPhase" p WHERE p."id" = n."phaseId")
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ProgressSnapshot: no register kind % or no phase %', bad."registerKindId", bad."phaseId"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER snapshot_reference_check AFTER INSERT ON "ProgressSnapshot"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION snapshot_reference_check();

-- Snapshots are immutable: their kind and phase never change.
CREATE FUNCTION snapshot_immutable_reference() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."registerKindId" IS DISTINCT FROM OLD."registerKindId" OR NEW."phaseId" IS DISTINCT FROM OLD."phaseId" THEN
    RAISE EXCEPTION 'ProgressSnapshot: the register kind and phase of a snapshot cannot change' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER snapshot_immutable_reference BEFORE UPDATE OF "registerKindId", "phaseId" ON "ProgressSnapshot"
  FOR EACH ROW EXECUTE FUNCTION snapshot_immutable_reference();

-- Register kinds and phases are deactivated, never deleted or renumbered, once a snapshot names them.
CREATE FUNCTION snapshot_reference_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'DELETE' OR NEW."id" IS DISTINCT FROM OLD."id") AND EXISTS (
       SELECT 1 FROM "ProgressSnapshot" s
        WHERE (TG_TABLE_NAME = 'RegisterKind' AND s."registerKindId" = OLD."id") OR (TG_TABLE_NAME = 'BookPhase' AND s."phaseId" = OLD."id")) THEN
    RAISE EXCEPTION '%: % is named by progress snapshots; deactivate it instead', TG_TABLE_NAME, OLD."id" USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;

CREATE TRIGGER register_kind_snapshot_guard BEFORE DELETE OR UPDATE OF "id" ON "RegisterKind"
  FOR EACH ROW EXECUTE FUNCTION snapshot_reference_guard();
CREATE TRIGGER book_phase_snapshot_guard BEFORE DELETE OR UPDATE OF "id" ON "BookPhase"
  FOR EACH ROW EXECUTE FUNCTION snapshot_reference_guard();
