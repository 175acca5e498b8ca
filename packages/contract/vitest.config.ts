import { defineConfig } from "vitest/config";

// Every package writes a JSON report so that scripts/test.mjs can sum all suites into one line.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    testTimeout: 180_000,
    passWithNoTests: true,
    hookTimeout: 120_000,
  },
});
