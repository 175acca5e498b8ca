/**
 * Content-Security-Policy for everything the server sends: JSON and files allow nothing to run; the API docs and
 * the console (apps/admin/dist, served from this origin) run only scripts of this origin. Styles may be inline:
 * antd and Swagger UI set them at run time.
 */
import { createMiddleware } from "hono/factory";

const common = "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";
export const CSP = {
  api: `default-src 'none'; ${common}`,
  page: `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; ${common}`,
} as const;

export const contentSecurityPolicy = () =>
  createMiddleware(async (c, next) => {
    await next();
    const p = c.req.path;
    const page = !p.startsWith("/api/") || p === "/api/docs" || p.startsWith("/api/docs/");
    c.res.headers.set("Content-Security-Policy", page ? CSP.page : CSP.api);
  });
