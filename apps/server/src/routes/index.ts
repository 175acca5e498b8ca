import { router } from "../lib/openapi";
import { progressRoutes } from "./progress";
import { submissionRoutes } from "./submissions";
import { reorganizationRoutes } from "./reorganization";

/** Authenticated API routes. */
export function apiRoutes() {
  const app = router();
  app.route("/", progressRoutes());
  app.route("/", submissionRoutes());
  app.route("/", reorganizationRoutes());
  return app;
}
