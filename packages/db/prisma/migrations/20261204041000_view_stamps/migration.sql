-- Version stamps of what the progress views read, so that a server can cache a view until something it shows
-- changes, whichever server process wrote it: per unit, bumped (by these triggers, in the writing transaction)
-- whenever the unit's roll-ups change, which every accepted submission does for its unit and all its ancestors;
-- the row '*' whenever the tree, targets, deadlines, campaigns, schedules, kinds or phases change.
CREATE TABLE "ViewStamp" (
    "unitId" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ViewStamp_pkey" PRIMARY KEY ("unitId")
);

INSERT INTO "ViewStamp" ("unitId", "version") VALUES ('*', 0);

-- Roll-ups are written under the roll-up lock (LOCK_ROLLUPS), so these row locks are taken in its shadow; units in
-- code order all the same.
CREATE FUNCTION "view_stamp_new_units"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ViewStamp" ("unitId", "version")
  SELECT DISTINCT n."unitId", 1 FROM new_rows n ORDER BY 1
  ON CONFLICT ("unitId") DO UPDATE SET "version" = "ViewStamp"."version" + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION "view_stamp_old_units"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ViewStamp" ("unitId", "version")
  SELECT DISTINCT o."unitId", 1 FROM old_rows o ORDER BY 1
  ON CONFLICT ("unitId") DO UPDATE SET "version" = "ViewStamp"."version" + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION "view_stamp_global"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ViewStamp" SET "version" = "version" + 1 WHERE "unitId" = '*';
  RETURN NULL;
END $$;

CREATE TRIGGER "view_stamp_rollup_insert" AFTER INSERT ON "UnitRollup" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "view_stamp_new_units"();
CREATE TRIGGER "view_stamp_rollup_update" AFTER UPDATE ON "UnitRollup" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "view_stamp_new_units"();
CREATE TRIGGER "view_stamp_rollup_delete" AFTER DELETE ON "UnitRollup" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "view_stamp_old_units"();

CREATE TRIGGER "view_stamp_unit" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Unit" FOR EACH STATEMENT EXECUTE FUNCTION "view_stamp_global"();
CREATE TRIGGER "view_stamp_closure" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "UnitClosure" FOR EACH STATEMENT EXECUTE FUNCTION "view_stamp_global"();
CREATE TRIGGER "view_stamp_succession" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "UnitSuccession" FOR EACH STATEMENT EXECUTE FUNCTION "view_stamp_global"();
CREATE TRIGGER "view_stamp_kind" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RegisterKind" FOR EACH STATEMENT EXECUTE FUNCTION "view_stamp_global"();
CREATE TRIGGER "view_stamp_phase" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "BookPhase" FOR EACH STATEMENT EXECUTE FUNCTION "view_stamp_global"();
CREATE TRIGGER "view_stamp_campaign" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Campaign" FOR EACH STATEMENT EXECUTE FUNCTION "view_stamp_global"();
CREATE TRIGGER "view_stamp_deadline" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Deadline" FOR EACH STATEMENT EXECUTE FUNCTION "view_stamp_global"();
CREATE TRIGGER "view_stamp_target" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Target" FOR EACH STATEMENT EXECUTE FUNCTION "view_stamp_global"();
CREATE TRIGGER "view_stamp_schedule" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReportingSchedule" FOR EACH STATEMENT EXECUTE FUNCTION "view_stamp_global"();
-- A submission's status or deletion (compliance counts accepted ones); never the writer's receipts, which would
-- take this row lock before the roll-up lock. Its insert comes with its roll-ups, which bump its units.
CREATE TRIGGER "view_stamp_submission_status" AFTER UPDATE ON "Submission" FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."reportDate" IS DISTINCT FROM NEW."reportDate" OR OLD."unitId" IS DISTINCT FROM NEW."unitId") EXECUTE FUNCTION "view_stamp_global"();
CREATE TRIGGER "view_stamp_submission_delete" AFTER DELETE OR TRUNCATE ON "Submission" FOR EACH STATEMENT EXECUTE FUNCTION "view_stamp_global"();
