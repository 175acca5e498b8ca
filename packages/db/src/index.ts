export { openDatabase, isPostgresUrl, type Database, type DatabaseKind, type DatabaseOptions } from "./connection";
export { migrate, migrationStatus, readMigrations, diffMigrationsToSchema, type MigrationStatus } from "./migrator";
export { seedReferenceData, REGISTER_KINDS, BOOK_PHASES, NATION_CODE } from "./reference-data";
export { Prisma, PrismaClient } from "./generated/prisma/client";
export type * as PrismaTypes from "./generated/prisma/client";
export * from "./repositories/progress";
export { importUnitRegistry, countUnitsAt, type RegistryNode, type ImportReport } from "./repositories/unit-import";
export { searchText, isoDate, dateOnly } from "./text";
export * from "./registry";
