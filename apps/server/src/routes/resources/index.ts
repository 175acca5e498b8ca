import { router } from "../../lib/openapi";
import { submissionResources } from "./submissions";
import { tokenResources } from "./tokens";
import { unitResources } from "./units";
import { referenceResources } from "./reference";

/** The console's REST resources (Refine simple-rest conventions). */
export function resourceRoutes() {
  const app = router();
  app.route("/", unitResources());
  app.route("/", submissionResources());
  app.route("/", tokenResources());
  app.route("/", referenceResources());
  return app;
}
