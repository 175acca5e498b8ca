import { defineConfig } from "prisma/config";

// Used by `prisma generate` (and by `prisma migrate` where the native engine is available).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
