/** `pnpm db:migrate`: applies pending migrations to PGlite (default) or PostgreSQL (DATABASE_URL). */
import { openDatabase } from "./connection";
import { migrate, migrationStatus } from "./migrator";

const db = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.SOHOA_DATA_DIR });
try {
  const applied = await migrate(db);
  const status = await migrationStatus(db);
  console.log(`${db.kind} ${db.location}: applied ${applied.length} migration(s) now; ${status.applied.length} in total; latest ${status.latest ?? "none"}`);
} finally {
  await db.close();
}
