/** Wires core's validateGrid into the upload page, loaded on demand so core's validator is not in the first view. */
import { setValidatorLoader } from "./browser-validation";

export function installCoreValidator(): void {
  setValidatorLoader(async () => {
    const core = await import("@sohoa/core");
    return (grid, ctx) => core.validateGrid(grid, ctx);
  });
}
