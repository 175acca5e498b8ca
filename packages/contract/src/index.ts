/** The Sohoa API contract: zod schemas (server) and their inferred types (`import type` in the console and the task pane). */
export * from "./common";
export * from "./reading";
export * from "./progress";
export * from "./submissions";
export * from "./reporting";
export * from "./resources";
export * from "./system";
