-- A sheet's grid, issues and receipt are compressed with lz4 where the server has it (PostgreSQL 14+ built with
-- lz4, as Debian's and the official images are): pglz took a few percent of the database's work per sheet received.
-- Elsewhere (an embedded PGlite without lz4) the default stays.
DO $$
BEGIN
  ALTER TABLE "Submission" ALTER COLUMN "grid" SET COMPRESSION lz4, ALTER COLUMN "issues" SET COMPRESSION lz4, ALTER COLUMN "receipt" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value OR undefined_object THEN
  RAISE NOTICE 'lz4 is not available here: the default compression stays';
END $$;
