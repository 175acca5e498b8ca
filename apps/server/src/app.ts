/** Builds the Hono app (exported for tests: they call app.request()); src/index.ts only starts it. */
import { OpenAPIHono } from "@hono/zod-openapi";
import { swaggerUI } from "@hono/swagger-ui";
import type { AppConfig, AppEnv, Deps } from "./context";
import { healthRoutes } from "./routes/health";
import { VERSION } from "./lib/version";

export type { Deps, AppConfig } from "./context";

export const DEFAULT_CONFIG: AppConfig = { corsOrigins: [], sessionTtlHours: 12, log: "silent" };

export function createApp(deps: Omit<Deps, "config" | "clock"> & Partial<Pick<Deps, "config" | "clock">>) {
  const full: Deps = { config: DEFAULT_CONFIG, clock: () => new Date(), ...deps };
  const app = new OpenAPIHono<AppEnv>();
  app.use("*", async (c, next) => {
    c.set("deps", full);
    await next();
  });
  app.route("/", healthRoutes());
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Sohoa API", version: VERSION, description: "Số hóa sổ hộ tịch — theo dõi tiến độ / Civil-status register digitization progress" },
  });
  app.get("/api/docs", swaggerUI({ url: "/api/openapi.json" }));
  return app;
}

export type App = ReturnType<typeof createApp>;
