/** The health answer: liveness, the database kind and its migrations. */
import { z } from "@hono/zod-openapi";

export const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    version: z.string(),
    database: z.object({
      kind: z.enum(["pglite", "postgresql"]),
      reachable: z.boolean(),
      migrations: z.object({
        applied: z.array(z.string()),
        pending: z.array(z.string()),
        latest: z.string().nullable(),
        upToDate: z.boolean(),
      }),
    }),
    time: z.string(),
  })
  .openapi("Health");
export type Health = z.infer<typeof HealthSchema>;
