import { router } from "../lib/openapi";
import { sheetLayoutRoutes } from "./sheet-layouts";
import { progressRoutes } from "./progress";
import { bottomUnitRoutes } from "./bottom-units";
import { submissionRoutes } from "./submissions";
import { reorganizationRoutes } from "./reorganization";
import { templateRoutes } from "./templates";
import { templateDownloadRoutes } from "./template-download";
import { resourceRoutes } from "./resources";
import { complianceRoutes } from "./compliance";
import { reportRoutes } from "./reports";
import { reminderRoutes } from "./reminders";
import { importRoutes } from "./imports";
import { targetImportRoutes } from "./targets-import";

/** Authenticated API routes. */
export function apiRoutes() {
  const app = router();
  app.route("/", progressRoutes());
  app.route("/", bottomUnitRoutes());
  app.route("/", submissionRoutes());
  app.route("/", sheetLayoutRoutes());
  app.route("/", reorganizationRoutes());
  app.route("/", templateRoutes());
  app.route("/", templateDownloadRoutes());
  app.route("/", importRoutes());
  app.route("/", targetImportRoutes()); // before the resources: /api/targets/template.xlsx is not a target id
  app.route("/", resourceRoutes());
  app.route("/", complianceRoutes());
  app.route("/", reportRoutes());
  app.route("/", reminderRoutes());
  return app;
}
