import { router } from "../lib/openapi";

/** Authenticated API routes. */
export function apiRoutes() {
  const app = router();
  return app;
}
