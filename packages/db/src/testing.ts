/**
 * Test databases: an in-memory PGlite by default; with DATABASE_URL=postgresql://… a fresh, uniquely
 * named PostgreSQL database per call, dropped on close. Either way fully migrated.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, isPostgresUrl, type Database } from "./connection";
import { migrate } from "./migrator";
import { seedReferenceData } from "./reference-data";

export interface TestDatabase extends Database { name: string }

export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  let db: Database;
  let name = "memory";
  let drop: (() => Promise<void>) | undefined;
  if (isPostgresUrl(url)) {
    name = `sohoa_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    db = await openDatabase({ url: u.toString() });
    drop = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    db = await openDatabase({ dataDir: "memory://" });
  }
  await migrate(db);
  if (options.seed !== false) await seedReferenceData(db.prisma);
  return {
    ...db,
    name,
    close: async () => {
      await db.close();
      await drop?.();
    },
  };
}
