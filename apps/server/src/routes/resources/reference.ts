import { createRoute, z } from "@hono/zod-openapi";
import { bookPhases } from "@sohoa/db";
import { BookPhaseSchema } from "@sohoa/contract";
import { requireAuth } from "../../middleware/auth";
import { errorResponses, router, security } from "../../lib/openapi";
import { withTotal } from "./rest";

const phases = createRoute({ method: "get", path: "/api/book-phases", tags: ["Reference"], security, middleware: [requireAuth({ token: "submit" })] as const, summary: "Book phases", responses: { 200: { description: "Phases", content: { "application/json": { schema: z.array(BookPhaseSchema) } } }, ...errorResponses } });

/** Small read-only reference lists. */
export function referenceResources() {
  const app = router();
  app.openapi(phases, async (c) => {
    const rows = await bookPhases(c.var.deps.db);
    return c.json(withTotal(c, rows, rows.length), 200);
  });
  return app;
}
