import { router } from "../../lib/openapi";
import { auditLogResources } from "./audit-logs";
import { campaignResources } from "./campaigns";
import { deadlineResources } from "./deadlines";
import { referenceResources } from "./reference";
import { registerKindResources } from "./register-kinds";
import { scheduleResources } from "./schedules";
import { submissionResources } from "./submissions";
import { targetResources } from "./targets";
import { tokenResources } from "./tokens";
import { unitResources } from "./units";
import { userResources } from "./users";

/** The console's REST resources (Refine simple-rest conventions; see rest.ts). */
export function resourceRoutes() {
  const app = router();
  app.route("/", unitResources());
  app.route("/", registerKindResources());
  app.route("/", referenceResources());
  app.route("/", campaignResources());
  app.route("/", deadlineResources());
  app.route("/", targetResources());
  app.route("/", scheduleResources());
  app.route("/", userResources());
  app.route("/", tokenResources());
  app.route("/", auditLogResources());
  app.route("/", submissionResources());
  return app;
}
