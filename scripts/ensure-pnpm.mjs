import { ensurePnpm } from "./lib.mjs";
ensurePnpm();
