/** Builds the Hono app (exported for tests: they call app.request()); src/index.ts only starts it. */
import { openApiDocument } from "./lib/openapi-doc";
import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import type { AppConfig, AppEnv, Deps } from "./context";
import { ApiError } from "./lib/errors";
import { mountDocs } from "./lib/docs";
import { contentSecurityPolicy } from "./middleware/csp";
import { refusedBody, textGuard } from "./lib/text-guard";
import { DEFAULT_THROTTLE } from "./lib/throttle";
import { VERSION } from "./lib/version";
import { healthRoutes } from "./routes/health";
import { authRoutes } from "./routes/auth";
import { apiRoutes } from "./routes";

export type { Deps, AppConfig, AuthUser, UnitSummary } from "./context";

export const DEFAULT_CONFIG: AppConfig = {
  corsOrigins: [],
  sessionTtlHours: 12,
  log: "silent",
  maxJsonBytes: 2 * 1024 * 1024,
  maxBodyBytes: 256 * 1024,
  maxUploadBytes: 10 * 1024 * 1024,
  maxXlsxUncompressedBytes: 50 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 100,
  trustedProxies: [],
};

/** Endpoints that receive sheets or files and apply their own, larger, limits. */
const LARGE_BODY_PATHS = ["/api/submissions", "/api/units/import", "/api/units/successors/import", "/api/targets/import"];

export function createApp(deps: Pick<Deps, "db"> & Partial<Omit<Deps, "db" | "config">> & { config?: Partial<AppConfig> }) {
  const full: Deps = {
    clock: () => new Date(),
    throttle: DEFAULT_THROTTLE,
    ...deps,
    config: { ...DEFAULT_CONFIG, ...deps.config },
  };
  const app = new OpenAPIHono<AppEnv>();

  app.use("*", requestId({ headerName: "X-Request-Id", limitLength: 100 }));
  app.use("*", async (c, next) => {
    c.set("deps", full);
    const started = performance.now();
    await next();
    if (full.config.log !== "silent") {
      const line = { t: new Date().toISOString(), id: c.get("requestId"), m: c.req.method, p: c.req.path, s: c.res.status, ms: Math.round(performance.now() - started), u: c.get("user")?.username };
      console.log(full.config.log === "json" ? JSON.stringify(line) : `${line.m} ${line.p} ${line.s} ${line.ms}ms${line.u ? ` ${line.u}` : ""}`);
    }
  });
  app.use("*", secureHeaders({ crossOriginResourcePolicy: "cross-origin" }));
  app.use("*", contentSecurityPolicy());
  app.use(
    "/api/*",
    cors({
      origin: (origin) => (full.config.corsOrigins.includes("*") || full.config.corsOrigins.includes(origin) ? origin : null),
      allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"],
      exposeHeaders: ["X-Total-Count", "X-Request-Id", "Retry-After", "Content-Disposition", "X-As-Of"],
      credentials: false,
      maxAge: 600,
    }),
  );

  app.use("/api/*", textGuard());

  // Every other endpoint takes small bodies: at most maxBodyBytes (submissions and file imports set their own limits).
  app.use("/api/*", async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || LARGE_BODY_PATHS.some((p) => c.req.path.startsWith(p))) return next();
    const max = full.config.maxBodyBytes;
    return bodyLimit({
      maxSize: max,
      onError: (c) => c.json({ error: { code: "payload_too_large", message: { vi: `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(max / 1024)} KB).`, en: `The request is too large (at most ${Math.round(max / 1024)} KB).` } } }, 413),
    })(c, next);
  });

  app.onError((e, c) => {
    // A body check inside a validator surfaces as "malformed JSON": answer with what it found.
    const err = (e instanceof HTTPException && refusedBody(c)) || e;
    if (err instanceof ApiError) {
      return c.json({ error: { code: err.code, message: err.msg, ...err.extra } }, err.status);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      const code = status === 413 ? "payload_too_large" : status === 401 ? "unauthorized" : status === 415 ? "unsupported_media_type" : "bad_request";
      const msg =
        status === 413
          ? { vi: "Dữ liệu gửi lên quá lớn.", en: "The request is too large." }
          : /malformed json/i.test(err.message)
            ? { vi: "Dữ liệu gửi lên không phải JSON hợp lệ.", en: "The request body is not valid JSON." }
            : { vi: "Yêu cầu không hợp lệ.", en: err.message || "Bad request." };
      return c.json({ error: { code, message: msg } }, status);
    }
    console.error(`[sohoa] ${c.get("requestId")} ${c.req.method} ${c.req.path}`, err);
    return c.json({ error: { code: "internal", message: { vi: "Lỗi máy chủ. Vui lòng thử lại; nếu lỗi lặp lại, báo quản trị viên kèm mã yêu cầu " + c.get("requestId") + ".", en: "Server error. Please retry; if it persists, tell an administrator the request id " + c.get("requestId") + "." } } }, 500);
  });
  app.notFound((c) => c.json({ error: { code: "not_found", message: { vi: "Không có địa chỉ này.", en: "No such endpoint." } } }, 404));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "Session token from /api/auth/login, or a personal API token (sohoa_pat_…)" });
  app.route("/", healthRoutes());
  app.route("/", authRoutes());
  app.route("/", apiRoutes());
  let doc: ReturnType<typeof openApiDocument> | null = null; // built once, on first request: the routes are all in by then
  app.get("/api/openapi.json", (c) => c.json((doc ??= openApiDocument(app, VERSION))));
  mountDocs(app);
  return app;
}

export type App = ReturnType<typeof createApp>;
