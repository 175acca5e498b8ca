/**
 * Wires core's validateGrid into the upload page. Imported only by that (lazy) page, with a named import so
 * the bundler keeps core's validator out of the first view (a namespace import put all of core there: +13 KB).
 */
import { validateGrid } from "@sohoa/core";
import { setValidatorLoader } from "./browser-validation";

export function installCoreValidator(): void {
  setValidatorLoader(async () => (grid, ctx) => validateGrid(grid, ctx));
}
